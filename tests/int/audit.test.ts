import type { Payload } from 'payload'
import { demoAccounts, demoPassword, tokenFor } from '../support/accounts'
import { graphql, rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let secretariatToken: string
let mainSchool: number

beforeAll(async () => {
  payload = await testPayload()
  secretariatToken = await tokenFor(payload, demoAccounts.secretariat)
  mainSchool = (await payload.find({ collection: 'schools', where: { code: { equals: 'CSMA' } }, overrideAccess: true })).docs[0].id as number
})
afterAll(closeTestPayload)

const entries = async (where: Record<string, unknown>) =>
  (await payload.find({ collection: 'audit-logs', where: where as never, sort: '-createdAt', limit: 50, overrideAccess: true, depth: 0 })).docs

// The client claims 6.6.6.6; the school's reverse proxy appends the address it really saw.
const fromKinshasa = { 'X-Forwarded-For': '6.6.6.6, 41.243.12.7', 'User-Agent': 'Mozilla/5.0 (Android 12) Kelasi-test' }

describe('audit trail', () => {
  it('records who created, changed and deleted a student, from where, with before and after', async () => {
    const created = await rest('POST', '/students', {
      token: secretariatToken,
      headers: fromKinshasa,
      body: { school: mainSchool, matricule: 'AUDIT-1', lastName: 'MBUYI', firstName: 'Plamedie', sex: 'F' },
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect((await rest('PATCH', `/students/${id}`, { token: secretariatToken, headers: fromKinshasa, body: { firstName: 'Plamédie' } })).status).toBe(200)
    const adminToken = await tokenFor(payload, demoAccounts.admin)
    expect((await rest('DELETE', `/students/${id}`, { token: adminToken, headers: fromKinshasa })).status).toBe(200)

    const trail = await entries({ collection: { equals: 'students' }, documentId: { equals: String(id) } })
    expect(trail.map((e) => e.action)).toEqual(['delete', 'update', 'create'])
    const [deleted, updated, create] = trail
    expect(create).toMatchObject({ actorEmail: demoAccounts.secretariat, ip: '41.243.12.7', userAgent: fromKinshasa['User-Agent'], school: mainSchool })
    expect(create.changes).toEqual(expect.arrayContaining([{ field: 'matricule', before: null, after: 'AUDIT-1' }]))
    expect(updated.changes).toEqual([
      { field: 'firstName', before: 'Plamedie', after: 'Plamédie' },
      { field: 'fullName', before: 'MBUYI Plamedie', after: 'MBUYI Plamédie' },
    ])
    expect(deleted.actorEmail).toBe(demoAccounts.admin)
    expect(new Date(deleted.createdAt).toISOString()).toBe(deleted.createdAt)
  })

  it('records role changes, and a password change without its value', async () => {
    const itToken = await tokenFor(payload, demoAccounts.it)
    const teacher = (await payload.find({ collection: 'users', where: { email: { equals: 'teacher2@kelasi.test' } }, overrideAccess: true })).docs[0]
    expect((await rest('PATCH', `/users/${teacher.id}`, { token: itToken, body: { roles: ['teacher', 'secretariat'], password: 'Nouveau-secret-2026' } })).status).toBe(200)
    const [entry] = await entries({ collection: { equals: 'users' }, documentId: { equals: String(teacher.id) }, action: { equals: 'update' } })
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { field: 'roles', before: ['teacher'], after: ['teacher', 'secretariat'] },
        { field: 'password', before: '••••••', after: '••••••' },
      ]),
    )
    expect(JSON.stringify(entry)).not.toContain('Nouveau-secret-2026')
    // The colleague's account goes back as the other suites know it.
    expect((await rest('PATCH', `/users/${teacher.id}`, { token: itToken, body: { roles: ['teacher'], password: demoPassword } })).status).toBe(200)
  })

  it('records logins, failed logins (REST and GraphQL) and logouts', async () => {
    const email = demoAccounts.parent
    const login = await rest('POST', '/users/login', { body: { email, password: demoPassword }, headers: fromKinshasa })
    expect(login.status).toBe(200)
    await rest('POST', '/users/logout', { token: login.body.token, headers: fromKinshasa })
    expect((await rest('POST', '/users/login', { body: { email, password: 'pas-le-bon-2026' }, headers: fromKinshasa })).status).toBe(401)
    await graphql(`mutation { loginUser(email: "${email}", password: "encore-faux-2026") { token } }`)

    const trail = await entries({ actorEmail: { equals: email }, collection: { equals: 'users' } })
    expect(trail.slice(0, 4).map((e) => e.action)).toEqual(['loginFailed', 'loginFailed', 'logout', 'login'])
    expect(trail[1]).toMatchObject({ ip: '41.243.12.7', changes: [{ field: 'reason', after: 'AuthenticationError' }] })
    expect(trail[3].user).toBe(login.body.user.id)

    const unknown = 'inconnu@kelasi.test'
    await rest('POST', '/users/login', { body: { email: unknown, password: 'peu-importe-2026' } })
    const [attempt] = await entries({ actorEmail: { equals: unknown } })
    expect(attempt).toMatchObject({ action: 'loginFailed', user: null })
  })

  it('cannot be changed or deleted by anyone, IT included', async () => {
    const itToken = await tokenFor(payload, demoAccounts.it)
    const [entry] = await entries({})
    expect((await rest('PATCH', `/audit-logs/${entry.id}`, { token: itToken, body: { ip: '1.1.1.1' } })).status).toBe(403)
    expect((await rest('DELETE', `/audit-logs/${entry.id}`, { token: itToken })).status).toBe(403)
    expect((await rest('DELETE', `/audit-logs?where[id][equals]=${entry.id}`, { token: itToken })).status).toBe(403)
    const still = await payload.findByID({ collection: 'audit-logs', id: entry.id, overrideAccess: true })
    expect(still.ip).toBe(entry.ip)
  })
})
