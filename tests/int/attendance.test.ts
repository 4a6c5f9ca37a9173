/** The roll: a whole class in one request, exceptions only; justifications by guardians; totals for the report card. */
import type { Payload } from 'payload'
import { demoAccounts, otherAccounts, tokenFor, userFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest, errorMessages } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let teacher: string
let pupils: number[]
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  teacher = await tokenFor(payload, demoAccounts.teacher)
  const enrolled = await payload.find({ collection: 'enrollments', where: { class: { equals: fx.classes.taught.id }, status: { equals: 'active' } }, pagination: false, depth: 0 })
  pupils = enrolled.docs.map((e) => e.student as number)
})
afterAll(closeTestPayload)

const recordsOn = async (date: string) =>
  (await payload.find({ collection: 'attendance', where: { class: { equals: fx.classes.taught.id }, date: { equals: `${date}T00:00:00.000Z` } }, pagination: false, depth: 0 })).docs

describe('the roll', () => {
  it('saves a whole class in one request: everyone present but the exceptions', async () => {
    const answer = await rest('POST', '/attendance/roll', {
      token: teacher,
      body: { class: fx.classes.taught.id, date: '2026-11-09', halfDay: 'morning', entries: [{ student: fx.students.childA.id, status: 'absent' }, { student: pupils[1], status: 'late', minutesLate: 10 }] },
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ students: pupils.length, created: pupils.length, updated: 0, unchanged: 0 })
    const saved = await recordsOn('2026-11-09')
    expect(saved).toHaveLength(pupils.length)
    const byStudent = new Map(saved.map((r) => [r.student, r]))
    expect(byStudent.get(fx.students.childA.id)?.status).toBe('absent')
    expect(byStudent.get(pupils[1])).toMatchObject({ status: 'late', minutesLate: 10 })
    expect(saved.filter((r) => r.status === 'present')).toHaveLength(pupils.length - 2)
    expect(saved.every((r) => r.recordedBy === fx.users.teacher.id)).toBe(true)
  })

  it('saving the roll again changes only what differs and keeps a justification already written', async () => {
    const parent = await tokenFor(payload, demoAccounts.parent)
    const absence = (await recordsOn('2026-11-09')).find((r) => r.student === fx.students.childA.id)!
    expect((await rest('PATCH', `/attendance/${absence.id}`, { token: parent, body: { justification: 'Malade (paludisme)' } })).status).toBe(200)
    const again = await rest('POST', '/attendance/roll', {
      token: teacher,
      body: { class: fx.classes.taught.id, date: '2026-11-09', halfDay: 'morning', entries: [{ student: fx.students.childA.id, status: 'absent' }] },
    })
    expect(again.body).toMatchObject({ created: 0, updated: 1, unchanged: pupils.length - 1 })
    const kept = await payload.findByID({ collection: 'attendance', id: absence.id, depth: 0 })
    expect(kept.justification).toBe('Malade (paludisme)')
  })

  it('refuses the whole roll when one line is wrong, saying whom and why, and writes nothing', async () => {
    const answer = await rest('POST', '/attendance/roll', {
      token: teacher,
      body: { class: fx.classes.taught.id, date: '2026-11-10', entries: [{ student: fx.students.childA.id, status: 'absent' }, { student: fx.students.childB.id, status: 'absent' }] },
    })
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body)).toEqual([`${fx.students.childB.id} : n’est pas inscrit(e) dans cette classe.`])
    expect(await recordsOn('2026-11-10')).toHaveLength(0)
  })

  it('takes the roll of one lesson on the day the timetable has it, and refuses another day', async () => {
    const lesson = fx.timetableSlots.taught
    // 2026-11-16 is a Monday: the lesson's own day that week.
    const day = `2026-11-${String(16 + ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(lesson.weekday)).padStart(2, '0')}`
    const answer = await rest('POST', '/attendance/roll', { token: teacher, body: { class: fx.classes.taught.id, date: day, slot: lesson.id, entries: [{ student: fx.students.childA.id, status: 'late', minutesLate: 5 }] } })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ slot: lesson.id, halfDay: 'morning', created: pupils.length })
    const wrongDay = `2026-11-${String(16 + ((['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(lesson.weekday) + 1) % 7)).padStart(2, '0')}`
    const refused = await rest('POST', '/attendance/roll', { token: teacher, body: { class: fx.classes.taught.id, date: wrongDay, slot: lesson.id, entries: [] } })
    expect(errorMessages(refused.body)).toEqual(['Ce créneau n’est pas un cours de cette classe ce jour-là.'])
  })

  it('a teacher takes the roll only for their own classes', async () => {
    const answer = await rest('POST', '/attendance/roll', { token: teacher, body: { class: fx.classes.childB.id, date: '2026-11-10', entries: [] } })
    expect([403, 404]).toContain(answer.status)
    const parent = await tokenFor(payload, demoAccounts.parent)
    expect([403, 404]).toContain((await rest('POST', '/attendance/roll', { token: parent, body: { class: fx.classes.taught.id, date: '2026-11-10', entries: [] } })).status)
  })
})

describe('justifications', () => {
  it('a guardian justifies their child’s absence but cannot change what the teacher recorded', async () => {
    const parent = await tokenFor(payload, demoAccounts.parent)
    const record = fx.attendance.childA
    const answer = await rest('PATCH', `/attendance/${record.id}`, { token: parent, body: { justification: 'Rendez-vous médical', status: 'present' } })
    expect(answer.status).toBe(200)
    const saved = await payload.findByID({ collection: 'attendance', id: record.id, depth: 0 })
    expect(saved).toMatchObject({ justification: 'Rendez-vous médical', status: 'absent', justifiedBy: fx.users.parent.id })
    expect(saved.justifiedAt).toBeTruthy()
  })

  it("a guardian cannot touch another family's record", async () => {
    const parent = await tokenFor(payload, otherAccounts.parent)
    expect([403, 404]).toContain((await rest('PATCH', `/attendance/${fx.attendance.childA.id}`, { token: parent, body: { justification: 'x' } })).status)
    expect((await payload.findByID({ collection: 'attendance', id: fx.attendance.childA.id, depth: 0 })).justification).not.toBe('x')
  })
})

describe('totals', () => {
  it('counts absences, half-days and lates per term for the report card', async () => {
    const pupil = await payload.create({ collection: 'students', data: { school: fx.schools.main.id, matricule: `TOT-${Date.now()}`, lastName: 'TOTAUX', firstName: 'Ruth', sex: 'F', guardians: [fx.guardians.demoParent.id] } })
    await payload.create({ collection: 'enrollments', data: { school: fx.schools.main.id, student: pupil.id, class: fx.classes.taught.id, status: 'active' } as never })
    const records = [
      ['2026-10-05', 'morning', 'absent'],
      ['2026-10-05', 'afternoon', 'absent'],
      ['2026-10-06', 'morning', 'late'],
      ['2026-10-07', 'morning', 'excused'],
      ['2026-11-03', 'morning', 'absent'],
    ]
    for (const [date, halfDay, status] of records)
      await payload.create({ collection: 'attendance', data: { school: fx.schools.main.id, student: pupil.id, class: fx.classes.taught.id, date, halfDay, status } as never })
    const parent = await tokenFor(payload, demoAccounts.parent)
    const answer = await rest('GET', `/attendance/totals?student=${pupil.id}`, { token: parent })
    expect(answer.status).toBe(200)
    const byCode = Object.fromEntries(answer.body.terms.map((t: { code: string }) => [t.code, t]))
    expect(byCode.P1).toMatchObject({ absences: 2, halfDaysAbsent: 2, daysAbsent: 1, lates: 1, excused: 1 })
    expect(byCode.P2).toMatchObject({ absences: 1, halfDaysAbsent: 1, daysAbsent: 1, lates: 0, excused: 0 })
    const stranger = await tokenFor(payload, otherAccounts.parent)
    expect((await rest('GET', `/attendance/totals?student=${pupil.id}`, { token: stranger })).status).toBe(404)
  })
})

it('a student reads only their own attendance', async () => {
  const student = await userFor(payload, demoAccounts.student)
  const seen = await payload.find({ collection: 'attendance', user: student, overrideAccess: false, pagination: false, depth: 0 })
  expect(seen.docs.length).toBeGreaterThan(0)
  expect(new Set(seen.docs.map((r) => r.student))).toEqual(new Set([fx.students.self.id]))
})
