import type { Payload } from 'payload'
import { demoAccounts, tokenFor } from '../support/accounts'
import { graphql, rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let adminToken: string
let mainSchool: number
let mateteSchool: number

beforeAll(async () => {
  payload = await testPayload()
  adminToken = await tokenFor(payload, demoAccounts.admin)
  const school = async (code: string) =>
    (await payload.find({ collection: 'schools', where: { code: { equals: code } }, overrideAccess: true })).docs[0].id as number
  mainSchool = await school('CSMA')
  mateteSchool = await school('EPPM')
})
afterAll(closeTestPayload)

const count = (collection: 'users' | 'students' | 'guardians') => payload.count({ collection, overrideAccess: true }).then((r) => r.totalDocs)

/** The field errors of a refused REST write: [{ path, message }]. */
const fieldErrors = (body: any) => body.errors.flatMap((e: any) => e.data?.errors ?? [])

describe('bad input is refused with a message naming the field, and nothing is stored', () => {
  it('a malformed e-mail', async () => {
    const before = await count('users')
    const answer = await rest('POST', '/users', {
      token: adminToken,
      body: { email: 'jeanine.kapinga@', password: 'Un-bon-mot-2026', name: 'Jeanine', roles: ['secretariat'], schools: [mainSchool] },
    })
    expect(answer.status).toBe(400)
    expect(fieldErrors(answer.body)).toEqual([expect.objectContaining({ path: 'email' })])
    expect(await count('users')).toBe(before)
  })

  it('a weak password, in French by default and in English when asked', async () => {
    const before = await count('users')
    const body = { email: 'weak@kelasi.test', password: 'motdepasse', name: 'Weak', roles: ['parent'], schools: [mainSchool] }
    const fr = await rest('POST', '/users', { token: adminToken, body })
    expect(fr.status).toBe(400)
    expect(fieldErrors(fr.body)).toEqual([{ path: 'password', message: 'Ce mot de passe fait partie des plus courants ; choisissez-en un autre.' }])
    const en = await rest('POST', '/users', { token: adminToken, body: { ...body, password: 'short' }, headers: { 'Accept-Language': 'en' } })
    expect(fieldErrors(en.body)).toEqual([{ path: 'password', message: 'The password must be at least 10 characters long.' }])
    expect(await count('users')).toBe(before)
  })

  it('a duplicate matricule in one school (the same matricule in another school is fine)', async () => {
    const taken = (await payload.find({ collection: 'students', where: { school: { equals: mainSchool } }, limit: 1, overrideAccess: true })).docs[0]
    const before = await count('students')
    const answer = await rest('POST', '/students', {
      token: adminToken,
      body: { school: mainSchool, matricule: taken.matricule, lastName: 'NGOY', firstName: 'Ruth', sex: 'F' },
    })
    expect(answer.status).toBe(400)
    expect(fieldErrors(answer.body)).toEqual([
      { path: 'matricule', label: 'Matricule', message: `Le matricule « ${taken.matricule} » est déjà attribué à un autre élève de cette école.` },
    ])
    expect(await count('students')).toBe(before)

    const mateteAdmin = await tokenFor(payload, 'admin@matete.kelasi.test')
    const elsewhere = await rest('POST', '/students', {
      token: mateteAdmin,
      body: { school: mateteSchool, matricule: taken.matricule, lastName: 'NGOY', firstName: 'Ruth', sex: 'F' },
    })
    expect(elsewhere.status).toBe(201)
  })

  it('the database refuses a duplicate matricule even when two requests race', async () => {
    const body = { school: mainSchool, matricule: 'RACE-1', lastName: 'LUMBU', firstName: 'Gloire', sex: 'M' }
    const answers = await Promise.all([rest('POST', '/students', { token: adminToken, body }), rest('POST', '/students', { token: adminToken, body })])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400])
    expect((await payload.count({ collection: 'students', where: { matricule: { equals: 'RACE-1' } }, overrideAccess: true })).totalDocs).toBe(1)
  })

  it('an unknown relation id', async () => {
    const before = await count('students')
    const answer = await rest('POST', '/students', {
      token: adminToken,
      body: { school: mainSchool, matricule: 'REL-1', lastName: 'NGOY', firstName: 'Ruth', sex: 'F', guardians: [999999] },
    })
    expect(answer.status).toBe(400)
    expect(fieldErrors(answer.body)).toEqual([{ path: 'guardians', label: 'Parents / tuteurs', message: '« Parents / tuteurs » : aucun enregistrement avec l\'identifiant 999999.' }])
    expect(await count('students')).toBe(before)
  })

  it('a relation to another school’s record, or a school that is not one’s own', async () => {
    const foreignGuardian = (await payload.find({ collection: 'guardians', where: { school: { equals: mateteSchool } }, limit: 1, overrideAccess: true })).docs[0]
    const linked = await rest('POST', '/students', {
      token: adminToken,
      body: { school: mainSchool, matricule: 'REL-2', lastName: 'NGOY', firstName: 'Ruth', sex: 'F', guardians: [foreignGuardian.id] },
    })
    expect(linked.status).toBe(400)
    // Another school's record answers like a missing one: its existence is not disclosed.
    expect(fieldErrors(linked.body)).toEqual([
      { path: 'guardians', label: 'Parents / tuteurs', message: `« Parents / tuteurs » : aucun enregistrement avec l'identifiant ${foreignGuardian.id}.` },
    ])

    const moved = await rest('POST', '/guardians', { token: adminToken, body: { school: mateteSchool, lastName: 'NGOY', relationship: 'father' } })
    expect(moved.status).toBe(403)
  })

  it('a required field left out, over GraphQL too', async () => {
    const before = await count('guardians')
    const answer = await graphql(
      'mutation($data: mutationGuardianInput!) { createGuardian(data: $data) { id } }',
      { data: { school: mainSchool, lastName: '', relationship: 'mother' } },
      adminToken,
    )
    expect(answer.body.errors[0].extensions.data.errors).toEqual([expect.objectContaining({ path: 'lastName' })])
    expect(await count('guardians')).toBe(before)
  })

  it('a malformed phone number and an end date before the start', async () => {
    const phone = await rest('POST', '/guardians', {
      token: adminToken,
      body: { school: mainSchool, lastName: 'NGOY', relationship: 'father', phone: 'appelle-moi' },
    })
    expect(fieldErrors(phone.body)).toEqual([expect.objectContaining({ path: 'phone' })])
    const year = await rest('POST', '/school-years', {
      token: adminToken,
      body: { school: mainSchool, name: '2040-2041', startDate: '2041-07-01', endDate: '2040-09-01' },
    })
    expect(fieldErrors(year.body)).toEqual([{ path: 'endDate', label: 'Date de fin', message: 'La date de fin doit être postérieure à la date de début.' }])
  })

  it('a term outside its school year', async () => {
    const year = (await payload.find({ collection: 'school-years', where: { school: { equals: mainSchool }, current: { equals: true } }, overrideAccess: true })).docs[0]
    const answer = await rest('POST', '/terms', {
      token: adminToken,
      body: { school: mainSchool, schoolYear: year.id, name: 'P5', startDate: '2027-06-01', endDate: '2027-08-30' },
    })
    expect(answer.status).toBe(400)
    expect(fieldErrors(answer.body)).toEqual([{ path: 'startDate', label: 'Date de début', message: 'La période doit se situer dans l’année scolaire.'.replace('’', "'") }])
  })

  it('the direction cannot change or delete an IT account', async () => {
    const it = (await payload.find({ collection: 'users', where: { email: { equals: demoAccounts.it } }, overrideAccess: true })).docs[0]
    for (const answer of [
      await rest('PATCH', `/users/${it.id}`, { token: adminToken, body: { name: 'Pirate' } }),
      await rest('DELETE', `/users/${it.id}`, { token: adminToken }),
    ]) {
      expect(answer.status).toBe(403)
      expect(answer.body.errors[0].message).toBe('Seul le service informatique peut modifier ou supprimer un compte « Informatique ».')
    }
    expect((await payload.findByID({ collection: 'users', id: it.id, overrideAccess: true })).name).toBe(it.name)
  })

  it('the direction cannot grant the IT role', async () => {
    const answer = await rest('POST', '/users', {
      token: adminToken,
      body: { email: 'sneaky@kelasi.test', password: 'Un-bon-mot-2026', name: 'Sneaky', roles: ['it'], schools: [mainSchool] },
    })
    expect(answer.status).toBe(400)
    expect(fieldErrors(answer.body)).toEqual([{ path: 'roles', label: 'Rôles', message: 'Seul le service informatique peut attribuer le rôle « Informatique ».' }])
  })
})
