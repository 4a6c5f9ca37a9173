/**
 * School boundaries and account safety: the attacks a reviewer tried on the access rules,
 * each now refused.
 */
import type { Payload } from 'payload'
import { demoAccounts, otherAccounts, tokenFor, userFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let n = 0
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
})
afterAll(closeTestPayload)

/** An account made by IT directly, verified, for the scenario at hand. */
const account = async (roles: string[], schools: (number | string)[]) => {
  const email = `boundary-${++n}@kelasi.test`
  const user = await payload.create({
    collection: 'users',
    data: { email, password: 'Frontiere-2026-ok', name: `Compte ${n}`, roles, schools, _verified: true } as never,
    disableVerificationEmail: true,
  })
  return { ...user, email, token: await tokenFor(payload, email, 'Frontiere-2026-ok') }
}

describe('a record of another school that names a user grants that user nothing', () => {
  it('a teacher record and a course in school B, pointing at a teacher of school A, open nothing of school B', async () => {
    const teacherUser = await userFor(payload, demoAccounts.teacher)
    // Written straight to the database (validation refuses it now): data from before the rule.
    const foreignRecord = await payload.db.create({
      collection: 'teachers',
      data: { schools: [fx.schools.matete.id], lastName: 'INTRUS', user: teacherUser.id },
    })
    const course = await payload.create({
      collection: 'course-assignments',
      data: { school: fx.schools.matete.id, class: fx.classes.matete.id, teacher: foreignRecord.id, subject: fx.subjects.matete.id },
      overrideAccess: true,
    })
    const token = await tokenFor(payload, demoAccounts.teacher)
    expect((await rest('GET', `/classes/${fx.classes.matete.id}`, { token })).status).toBe(404)
    expect((await rest('GET', `/students/${fx.students.matete.id}`, { token })).status).toBe(404)
    expect((await rest('GET', `/students/${fx.students.childA.id}`, { token })).status).toBe(200)
    await payload.delete({ collection: 'course-assignments', id: course.id })
    await payload.delete({ collection: 'teachers', id: foreignRecord.id })
  })

  it("school B's direction cannot link its teacher record to school A's account", async () => {
    const mateteAdmin = await tokenFor(payload, otherAccounts.secondSchoolAdmin)
    const teacherUser = await userFor(payload, demoAccounts.teacher)
    const answer = await rest('POST', '/teachers', {
      token: mateteAdmin,
      body: { schools: [fx.schools.matete.id], lastName: 'INTRUS', user: teacherUser.id },
    })
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].data.errors[0].path).toBe('user')
  })
})

describe('accounts and records shared by two schools', () => {
  it('only IT changes or deletes an account that also belongs to another school', async () => {
    const shared = await account(['teacher'], [fx.schools.main.id, fx.schools.matete.id])
    const admin = await tokenFor(payload, demoAccounts.admin)
    for (const answer of [
      await rest('PATCH', `/users/${shared.id}`, { token: admin, body: { schools: [fx.schools.main.id], password: 'Reprise-2026-ok' } }),
      await rest('DELETE', `/users/${shared.id}`, { token: admin }),
    ]) {
      expect(answer.status).toBe(403)
      expect(answer.body.errors[0].message).toBe(
        'Ce compte appartient aussi à une autre école : seul le service informatique peut le modifier ou le supprimer.',
      )
    }
    // The person themself still keeps their own profile up to date.
    expect((await rest('PATCH', `/users/${shared.id}`, { token: shared.token, body: { phone: '+243 81 555 1234' } })).status).toBe(200)
  })

  it("a school's secretariat cannot take another school off a shared teacher record, nor add one", async () => {
    const shared = await payload.create({
      collection: 'teachers',
      data: { schools: [fx.schools.main.id, fx.schools.matete.id], lastName: 'PARTAGÉ' },
      overrideAccess: true,
    })
    const secretariat = await tokenFor(payload, demoAccounts.secretariat)
    const dropped = await rest('PATCH', `/teachers/${shared.id}`, { token: secretariat, body: { schools: [fx.schools.main.id] } })
    expect(dropped.status).toBe(400)
    expect(dropped.body.errors[0].data.errors[0]).toMatchObject({ path: 'schools' })
    const kept = await rest('PATCH', `/teachers/${shared.id}`, { token: secretariat, body: { phone: '+243 99 123 4567' } })
    expect(kept.status).toBe(200)
    expect((await payload.findByID({ collection: 'teachers', id: shared.id, depth: 0 })).schools).toEqual([fx.schools.main.id, fx.schools.matete.id])
  })
})

describe('API keys', () => {
  it('only IT gives an account an API key', async () => {
    const teacher = await tokenFor(payload, demoAccounts.teacher)
    const me = await userFor(payload, demoAccounts.teacher)
    const answer = await rest('PATCH', `/users/${me.id}`, { token: teacher, body: { enableAPIKey: true, apiKey: '11111111-2222-4333-8444-555555555555' } })
    expect(answer.status).toBe(403)
    expect(answer.body.errors[0].message).toBe("Seul le service informatique peut attribuer une clé d'API à un compte.")
  })

  it('a deactivated account loses its API key at once, and the change is in the audit log', async () => {
    const clerk = await account(['finance'], [fx.schools.main.id])
    const it = await tokenFor(payload, demoAccounts.it)
    const key = '0a0b0c0d-1111-4222-8333-444455556666'
    expect((await rest('PATCH', `/users/${clerk.id}`, { token: it, body: { enableAPIKey: true, apiKey: key } })).status).toBe(200)
    const withKey = { Authorization: `users API-Key ${key}` }
    expect((await rest('GET', '/students?limit=1', { headers: withKey })).status).toBe(200)

    const admin = await tokenFor(payload, demoAccounts.admin)
    expect((await rest('PATCH', `/users/${clerk.id}`, { token: admin, body: { active: false } })).status).toBe(200)
    expect((await rest('GET', '/students?limit=1', { headers: withKey })).status).toBe(403)
    expect((await rest('GET', '/users/me', { headers: withKey })).body.user).toBeNull()

    const trail = await payload.find({ collection: 'audit-logs', where: { collection: { equals: 'users' }, documentId: { equals: String(clerk.id) } }, sort: '-createdAt' })
    expect(trail.docs.map((e) => e.action)).toEqual(['update', 'update', 'login', 'create'])
    expect(trail.docs[1].changes).toEqual(expect.arrayContaining([{ field: 'apiKey', before: '••••••', after: '••••••' }]))
    expect(JSON.stringify(trail.docs)).not.toContain(key)
  })
})

describe('the audit trail cannot be dodged', () => {
  it('a change made with ?select= is recorded in full', async () => {
    const secretariat = await tokenFor(payload, demoAccounts.secretariat)
    const id = fx.students.sibling.id
    const answer = await rest('PATCH', `/students/${id}?select[matricule]=true`, { token: secretariat, body: { birthPlace: 'Kisangani' } })
    expect(answer.status).toBe(200)
    const [entry] = (await payload.find({ collection: 'audit-logs', where: { collection: { equals: 'students' }, documentId: { equals: String(id) } }, sort: '-createdAt', limit: 1 })).docs
    expect(entry.changes).toEqual([{ field: 'birthPlace', before: fx.students.sibling.birthPlace, after: 'Kisangani' }])
  })
})

describe('finance staff who are also parents', () => {
  it("see their own child's full record and only the names of other pupils", async () => {
    const clerk = await account(['finance', 'parent'], [fx.schools.main.id])
    await payload.create({
      collection: 'guardians',
      data: { school: fx.schools.main.id, lastName: 'NSIMBA', relationship: 'father', user: clerk.id },
      overrideAccess: true,
    }).then((g) => payload.update({ collection: 'students', id: fx.students.childB.id, data: { guardians: [fx.guardians.demoParent.id, g.id] } }))
    const own = (await rest('GET', `/students/${fx.students.childB.id}`, { token: clerk.token })).body
    expect(own.birthPlace).toBe(fx.students.childB.birthPlace)
    const other = (await rest('GET', `/students/${fx.students.childA.id}`, { token: clerk.token })).body
    expect(other.lastName).toBe('MUKENDI')
    expect(other).not.toHaveProperty('birthPlace')
  })
})

describe('nothing is disclosed before access is checked', () => {
  it('an anonymous password change is refused as such, whatever the password', async () => {
    const answer = await rest('PATCH', `/users/${fx.users.finance.id}`, { body: { password: 'weak' } })
    expect(answer.status).toBe(403)
  })

  it('the direction cannot unlock an IT account', async () => {
    const admin = await tokenFor(payload, demoAccounts.admin)
    const answer = await rest('POST', '/users/unlock', { token: admin, body: { email: demoAccounts.it } })
    expect(answer.status).toBe(403)
  })

  it('a deactivated account trying to log in is refused with a clear message and recorded', async () => {
    const gone = await account(['teacher'], [fx.schools.main.id])
    await payload.update({ collection: 'users', id: gone.id, data: { active: false } })
    const answer = await rest('POST', '/users/login', { body: { email: gone.email, password: 'Frontiere-2026-ok' } })
    expect(answer.body.errors[0].message).toBe("Ce compte est désactivé. Adressez-vous à l'école.")
    const [entry] = (await payload.find({ collection: 'audit-logs', where: { actorEmail: { equals: gone.email }, action: { equals: 'loginFailed' } } })).docs
    expect(entry.changes).toEqual([{ field: 'reason', after: 'AccountInactive' }])
  })
})
