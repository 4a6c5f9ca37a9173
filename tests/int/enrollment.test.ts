/** The register: one active enrollment per school year, seats, and moves that keep the history. */
import type { Payload } from 'payload'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest, errorMessages } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let secretariat: string
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  secretariat = await tokenFor(payload, demoAccounts.secretariat)
})
afterAll(closeTestPayload)


/** A pupil of the demo school with no enrollment yet. */
const newPupil = async (n: string) =>
  payload.create({ collection: 'students', data: { school: fx.schools.main.id, matricule: `ENR-${n}-${Date.now()}`, lastName: 'NSIMBA', firstName: `Élève ${n}`, sex: 'M' }, overrideAccess: true })

describe('enrollment', () => {
  it('a student has one active enrollment per school year; the refusal names the class already held', async () => {
    const answer = await rest('POST', '/enrollments', {
      token: secretariat,
      body: { school: fx.schools.main.id, student: fx.students.childA.id, class: fx.classes.childB.id, status: 'active' },
    })
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body).join()).toContain('5e primaire A')
  })

  it('takes the school year from the class, whatever the request says', async () => {
    const pupil = await newPupil('year')
    const answer = await rest('POST', '/enrollments', {
      token: secretariat,
      body: { school: fx.schools.main.id, student: pupil.id, class: fx.classes.childB.id, schoolYear: fx.schoolYears.matete.id, status: 'active' },
    })
    expect(answer.status).toBe(201)
    expect(answer.body.doc.schoolYear.id).toBe(fx.schoolYears.main.id)
  })

  it('refuses a pupil beyond the class’s seats with a message giving the seats and the count', async () => {
    const seated = (await payload.count({ collection: 'enrollments', where: { class: { equals: fx.classes.self.id }, status: { equals: 'active' } } })).totalDocs
    await payload.update({ collection: 'classes', id: fx.classes.self.id, data: { capacity: seated } })
    try {
      const pupil = await newPupil('full')
      const answer = await rest('POST', '/enrollments', { token: secretariat, body: { school: fx.schools.main.id, student: pupil.id, class: fx.classes.self.id, status: 'active' } })
      expect(answer.status).toBe(400)
      expect(errorMessages(answer.body)).toEqual([`La classe 7e EB est complète : ${seated} places, ${seated} élèves inscrits.`])
      expect((await payload.count({ collection: 'enrollments', where: { student: { equals: pupil.id } } })).totalDocs).toBe(0)
    } finally {
      await payload.update({ collection: 'classes', id: fx.classes.self.id, data: { capacity: 45 } })
    }
  })

  it('moves a pupil to another class: the old enrollment ends, a new one starts, both stay on record', async () => {
    const pupil = await newPupil('move')
    const first = await payload.create({ collection: 'enrollments', data: { school: fx.schools.main.id, student: pupil.id, class: fx.classes.taught.id, status: 'active', startDate: '2026-09-01' } as never, overrideAccess: true })
    const moved = await rest('POST', `/enrollments/${first.id}/move`, { token: secretariat, body: { class: fx.classes.self.id, date: '2026-11-02' } })
    expect(moved.status).toBe(201)
    const history = await payload.find({ collection: 'enrollments', where: { student: { equals: pupil.id } }, sort: 'createdAt', depth: 0 })
    expect(history.docs.map((e) => [e.class, e.status, e.startDate?.slice(0, 10) ?? null, e.endDate?.slice(0, 10) ?? null])).toEqual([
      [fx.classes.taught.id, 'moved', '2026-09-01', '2026-11-02'],
      [fx.classes.self.id, 'active', '2026-11-02', null],
    ])
  })

  it('refuses to change the class of an enrollment in place (that would erase the history)', async () => {
    const answer = await rest('PATCH', `/enrollments/${fx.enrollments.childB.id}`, { token: secretariat, body: { class: fx.classes.self.id } })
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body).join()).toContain('Changer de classe')
    const kept = await payload.findByID({ collection: 'enrollments', id: fx.enrollments.childB.id, depth: 0 })
    expect(kept.class).toBe(fx.classes.childB.id)
  })

  it('a move is the registers’ job: a teacher or a parent cannot move a pupil', async () => {
    for (const email of [demoAccounts.teacher, demoAccounts.parent]) {
      const token = await tokenFor(payload, email)
      const answer = await rest('POST', `/enrollments/${fx.enrollments.childA.id}/move`, { token, body: { class: fx.classes.self.id } })
      expect([403, 404]).toContain(answer.status)
    }
    const kept = await payload.findByID({ collection: 'enrollments', id: fx.enrollments.childA.id, depth: 0 })
    expect(kept.status).toBe('active')
  })

  it('the database itself holds one active enrollment per student and year', async () => {
    const pupil = await newPupil('db')
    await payload.db.create({ collection: 'enrollments', data: { school: fx.schools.main.id, student: pupil.id, class: fx.classes.taught.id, schoolYear: fx.schoolYears.main.id, status: 'active' } })
    await expect(
      payload.db.create({ collection: 'enrollments', data: { school: fx.schools.main.id, student: pupil.id, class: fx.classes.self.id, schoolYear: fx.schoolYears.main.id, status: 'active' } }),
    ).rejects.toThrow()
  })
})
