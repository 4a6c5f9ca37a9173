/**
 * The first step of the parent portal: a family signs up, confirms its e-mail, logs in and
 * enters the code the secretariat handed out; from then on it reads that child, and only it.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import config from '@payload-config'
import { handleEndpoints, type Payload } from 'payload'
import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import { demoAccounts, demoPassword, tokenFor } from '../support/accounts'
import { errorMessages, rest } from '../support/http'
import { inbox, linkIn, waitForMail } from '../support/mailbox'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
const tokens: Record<string, string> = {}
let main: number
let matete: number
let n = 0
const password = 'Kisangani-Mbote-2026'
const system = { overrideAccess: true, depth: 0 } as const
const invalidCode = 'Ce code n’est pas valable : il est erroné, expiré, révoqué ou déjà utilisé. Vérifiez-le ou demandez-en un nouveau à l’école.'

beforeAll(async () => {
  payload = await testPayload()
  for (const persona of ['it', 'admin', 'secretariat', 'finance', 'teacher', 'parent'] as const) tokens[persona] = await tokenFor(payload, demoAccounts[persona])
  const school = (code: string) => payload.find({ collection: 'schools', where: { code: { equals: code } }, ...system }).then((r) => r.docs[0].id as number)
  main = await school('CSMA')
  matete = await school('EPPM')
})
afterAll(closeTestPayload)

const unique = () => `${Date.now()}-${++n}`

/** A pupil of its own (with a guardian record without an account, when asked), so no other suite's family changes. */
const newPupil = async (school = main, withGuardian = false) => {
  const id = unique()
  const guardian = withGuardian ? await payload.create({ collection: 'guardians', data: { school, lastName: 'LIAISON', firstName: `Mère ${id}`, relationship: 'mother' }, ...system }) : null
  const student = await payload.create({ collection: 'students', data: { school, matricule: `LIEN-${id}`, lastName: 'LIAISON', firstName: `Élève ${id}`, sex: 'F', guardians: guardian ? [guardian.id] : [] }, ...system })
  return { student, guardian }
}

const signUp = (body: Record<string, unknown>, headers: Record<string, string> = {}) => rest('POST', '/users/signup', { body, headers })
const login = (email: string, pass = password) => rest('POST', '/users/login', { body: { email, password: pass } })

/** Signs up, confirms through the e-mail received, logs in: a parent as the portal will make one. */
const newParent = async (name = 'KABEYA Mbuyi Thérèse') => {
  const email = `parent-${unique()}@kelasi.test`
  expect((await signUp({ email, password, name, language: 'fr' })).status).toBe(202)
  const token = linkIn(await waitForMail(email, /confirmez/)).split('/verify/')[1]
  expect((await rest('POST', `/users/verify/${token}`)).status).toBe(200)
  const logged = await login(email)
  expect(logged.status).toBe(200)
  return { email, token: logged.body.token as string, id: logged.body.user.id as number }
}

const issue = (token: string | undefined, body: Record<string, unknown>) => rest('POST', '/link-codes/issue', { token, body })
const issued = async (body: Record<string, unknown>) => {
  const result = await issue(tokens.secretariat, body)
  expect(result.status).toBe(201)
  return result.body as { id: number; code: string; expiresAt: string }
}
const redeem = (token: string | undefined, code: unknown, headers: Record<string, string> = {}) => rest('POST', '/link-codes/redeem', { token, body: { code }, headers })
const codeRow = (id: number) => payload.findByID({ collection: 'link-codes', id, ...system })
const refusals = (id?: number) =>
  payload.find({ collection: 'audit-logs', where: { action: { equals: 'linkRefused' }, ...(id ? { documentId: { equals: String(id) } } : {}) }, sort: '-createdAt', ...system })
/** A refusal's field errors as path and message (Payload adds the field's label to some). */
const fieldErrors = (body: any) => body.errors[0].data.errors.map(({ path, message }: { path: string; message: string }) => ({ path, message }))
const sqlOf = () => (payload.db as unknown as PostgresAdapter).drizzle

describe('signing up', () => {
  it('makes an unverified parent of no school, whatever else the form sends, and e-mails the verification link', async () => {
    const email = `Famille-${unique()}@Kelasi.test`
    const answer = await signUp({ email, password, name: 'MUTOMBO Kalala Jeanne', language: 'en', roles: ['it', 'admin'], schools: [main], active: true, _verified: true, enableAPIKey: true, apiKey: 'x'.repeat(36) })
    expect(answer.status).toBe(202)
    const lower = email.toLowerCase()
    const [user] = (await payload.find({ collection: 'users', where: { email: { equals: lower } }, ...system, showHiddenFields: true })).docs
    expect(user).toMatchObject({ roles: ['parent'], schools: [], language: 'en', active: true, _verified: false, name: 'MUTOMBO Kalala Jeanne' })
    expect(user.enableAPIKey).toBeFalsy()

    const mail = await waitForMail(lower, /confirm your e-mail/)
    expect((await login(lower)).status).toBe(403)
    expect((await rest('POST', `/users/verify/${linkIn(mail).split('/verify/')[1]}`)).status).toBe(200)
    const logged = await login(lower)
    expect(logged.status).toBe(200)
    // A parent of no school reads no pupil yet.
    expect((await rest('GET', '/students?limit=5', { token: logged.body.token })).status).toBe(403)
  })

  it('refuses a weak password, a bad address and a missing name, naming each field, creating nothing', async () => {
    const email = `faible-${unique()}@kelasi.test`
    const weak = await signUp({ email, password: 'azertyuiop123', name: '', language: 'fr' })
    expect(weak.status).toBe(400)
    expect(fieldErrors(weak.body)).toEqual([
      { path: 'name', message: 'Ce champ est obligatoire.' },
      { path: 'password', message: 'Ce mot de passe fait partie des plus courants ; choisissez-en un autre.' },
    ])
    const english = await signUp({ email: 'not-an-address', password: 'short', name: 'X', language: 'sw' }, { 'Accept-Language': 'en' })
    expect(english.status).toBe(400)
    expect(fieldErrors(english.body)).toEqual([
      { path: 'email', message: 'Enter a valid e-mail address.' },
      { path: 'password', message: 'The password must be at least 10 characters long.' },
      { path: 'language', message: 'Choose French or English.' },
    ])
    expect((await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('answers a known address exactly as a new one, creating and sending nothing', async () => {
    const known = demoAccounts.parent
    const before = (await inbox(known)).length
    const fresh = `nouveau-${unique()}@kelasi.test`
    const [again, first] = [await signUp({ email: known, password, name: 'Intrus', language: 'fr' }), await signUp({ email: fresh, password, name: 'Nouveau', language: 'fr' })]
    expect(again.status).toBe(first.status)
    expect(JSON.stringify(again.body).replace(known, '@')).toBe(JSON.stringify(first.body).replace(fresh, '@'))
    await waitForMail(fresh, /confirmez/)
    expect((await inbox(known)).length).toBe(before)
    expect((await payload.count({ collection: 'users', where: { email: { equals: known } }, overrideAccess: true })).totalDocs).toBe(1)
    // The account is untouched: its own password still opens it.
    expect((await login(known, demoPassword)).status).toBe(200)
  })

  it('creates one account when the same address signs up twice at once', async () => {
    const email = `double-${unique()}@kelasi.test`
    const answers = await Promise.all([1, 2].map(() => signUp({ email, password, name: 'Double', language: 'fr' })))
    expect(answers.map((a) => a.status)).toEqual([202, 202])
    expect((await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).totalDocs).toBe(1)
  })
})

describe('issuing a code', () => {
  it('answers the code once; only its hash is kept', async () => {
    const { student, guardian } = await newPupil(main, true)
    const before = Date.now()
    const code = await issued({ student: student.id, guardian: guardian!.id })
    expect(code.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/)
    const days = (Date.parse(code.expiresAt) - before) / 86_400_000
    expect(days).toBeGreaterThan(13.99)
    expect(days).toBeLessThan(14.01)

    const read = await rest('GET', `/link-codes/${code.id}?depth=0`, { token: tokens.secretariat })
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ school: main, student: student.id, guardian: guardian!.id, state: 'valid', usedAt: null, revokedAt: null })
    expect(read.body.code ?? null).toBeNull()
    expect(read.body).not.toHaveProperty('codeHash')
    expect(read.body.createdBy).toBe((await payload.find({ collection: 'users', where: { email: { equals: demoAccounts.secretariat } }, ...system })).docs[0].id)
    const stored = (await sqlOf().execute(sql`select code_hash from link_codes where id = ${code.id}`)).rows[0] as { code_hash: string }
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/)
    // Neither the list nor the audit log carries it.
    const listed = await rest('GET', `/link-codes?where[id][equals]=${code.id}`, { token: tokens.it })
    expect(JSON.stringify(listed.body)).not.toContain(code.code)
    const trail = await payload.find({ collection: 'audit-logs', where: { collection: { equals: 'link-codes' }, documentId: { equals: String(code.id) } }, ...system })
    expect(trail.docs.map((d) => d.action)).toEqual(['create'])
    expect(JSON.stringify(trail.docs)).not.toContain(code.code.replace(/-/g, ''))
    expect(JSON.stringify(trail.docs)).not.toContain(stored.code_hash)
  })

  it('prints the family’s letter with the code and the steps', async () => {
    const { student } = await newPupil()
    const request = new Request('http://localhost:3000/api/link-codes/issue?format=pdf', {
      method: 'POST',
      headers: { Authorization: `JWT ${tokens.secretariat}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ student: student.id }),
    })
    const response = await handleEndpoints({ config, path: '/api/link-codes/issue', request })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    const id = Number(response.headers.get('x-link-code-id'))
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lettre-')), 'lettre.pdf')
    writeFileSync(file, Buffer.from(await response.arrayBuffer()))
    const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout
    expect(text).toContain('Accès des parents à Kelasi')
    expect(text.replace(/\s+/g, ' ')).toContain(`${student.fullName} — matricule ${student.matricule}`)
    expect(text).toContain('Complexe Scolaire Mont Amba')
    expect(text).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}/)
    expect(text).toContain('http://localhost:3000/fr/signup')
    const printed = text.match(/\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})\b/)![1]
    // The printed code is the one kept (by its hash): a parent can redeem it.
    const parent = await newParent()
    expect((await redeem(parent.token, printed)).status).toBe(200)
    expect((await codeRow(id)).usedBy).toBe(parent.id)
  })

  it('is for the school’s desk and direction and IT only', async () => {
    const { student } = await newPupil()
    for (const persona of ['admin', 'it'] as const) expect((await issue(tokens[persona], { student: student.id })).status).toBe(201)
    for (const persona of ['teacher', 'finance', 'parent'] as const) expect((await issue(tokens[persona], { student: student.id })).status).toBeGreaterThanOrEqual(400)
    // A parent of the pupil reads it, but may not issue codes for it.
    const demoChild = (await payload.find({ collection: 'students', where: { lastName: { equals: 'MUKENDI' }, firstName: { equals: 'Grâce' } }, ...system })).docs[0]
    expect((await issue(tokens.parent, { student: demoChild.id })).status).toBe(403)
    expect((await issue(undefined, { student: student.id })).status).toBe(401)
  })

  it('refuses a pupil of another school, a guardian not the pupil’s and a past expiry, naming the field', async () => {
    const { student: foreign } = await newPupil(matete)
    const other = await issue(tokens.secretariat, { student: foreign.id })
    expect(other.status).toBe(400)
    expect(fieldErrors(other.body)).toEqual([{ path: 'student', message: 'Indiquez l’élève pour qui émettre le code.' }])
    const { student } = await newPupil()
    const { guardian: stranger } = await newPupil(main, true)
    const wrong = await issue(tokens.secretariat, { student: student.id, guardian: stranger!.id })
    expect(wrong.status).toBe(400)
    expect(fieldErrors(wrong.body)).toEqual([{ path: 'guardian', message: 'Ce parent ou tuteur n’est pas l’un de ceux de l’élève.' }])
    const past = await issue(tokens.secretariat, { student: student.id, expiresAt: '2020-01-01T00:00:00.000Z' })
    expect(past.status).toBe(400)
    expect(fieldErrors(past.body)).toEqual([{ path: 'expiresAt', message: 'La date de fin de validité doit être dans le futur.' }])
    expect((await payload.count({ collection: 'link-codes', where: { student: { in: [student.id, foreign.id] } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('changes afterwards only by being revoked, once, at the server’s time; a used code stays used', async () => {
    const { student } = await newPupil()
    const { student: otherPupil } = await newPupil()
    const code = await issued({ student: student.id })
    const moved = await rest('PATCH', `/link-codes/${code.id}`, { token: tokens.secretariat, body: { student: otherPupil.id, expiresAt: '2099-01-01T00:00:00.000Z' } })
    expect(moved.status).toBe(400)
    expect(moved.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toEqual(['student', 'expiresAt'])
    expect(errorMessages(moved.body)[0]).toBe('Un code émis ne se modifie pas : révoquez-le et émettez-en un nouveau.')

    const revoked = await rest('PATCH', `/link-codes/${code.id}`, { token: tokens.secretariat, body: { revokedAt: '2001-01-01T00:00:00.000Z' } })
    expect(revoked.status).toBe(200)
    expect(Math.abs(Date.parse(revoked.body.doc.revokedAt) - Date.now())).toBeLessThan(60_000)
    expect(revoked.body.doc.state).toBe('revoked')
    const back = await rest('PATCH', `/link-codes/${code.id}`, { token: tokens.secretariat, body: { revokedAt: null } })
    expect(back.status).toBe(400)
    expect(errorMessages(back.body)).toEqual(['Ce code est révoqué : il ne peut plus être rétabli.'])

    const used = await issued({ student: otherPupil.id })
    expect((await redeem((await newParent()).token, used.code)).status).toBe(200)
    const late = await rest('PATCH', `/link-codes/${used.id}`, { token: tokens.admin, body: { revokedAt: new Date().toISOString() } })
    expect(late.status).toBe(400)
    expect(errorMessages(late.body)).toEqual(['Ce code a déjà été utilisé : il ne peut plus être révoqué.'])
  })
})

describe('redeeming a code', () => {
  it('links the account to the guardian record the code names; the parent then reads that child and no other', async () => {
    const parent = await newParent()
    const { student, guardian } = await newPupil(main, true)
    expect((await rest('GET', `/students/${student.id}`, { token: parent.token })).status).toBe(403)
    const code = await issued({ student: student.id, guardian: guardian!.id })

    // As a parent copies it: small letters, spaces instead of dashes, an O for a 0.
    const typed = code.code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o')
    const linked = await redeem(parent.token, typed)
    expect(linked.status).toBe(200)
    expect(linked.body).toMatchObject({ message: `Votre compte est maintenant lié à ${student.fullName}.`, student: { id: student.id }, guardian: guardian!.id, school: main })

    expect((await payload.findByID({ collection: 'guardians', id: guardian!.id, ...system })).user).toBe(parent.id)
    expect((await payload.findByID({ collection: 'users', id: parent.id, ...system })).schools).toEqual([main])
    expect(await codeRow(code.id)).toMatchObject({ usedBy: parent.id, state: 'used' })
    const child = await rest('GET', `/students/${student.id}`, { token: parent.token })
    expect(child.status).toBe(200)
    expect(child.body.fullName).toBe(student.fullName)
    const listed = await rest('GET', '/students?limit=100&depth=0', { token: parent.token })
    expect(listed.body.docs.map((d: { id: number }) => d.id)).toEqual([student.id])
    const demoChild = (await payload.find({ collection: 'students', where: { lastName: { equals: 'MUKENDI' }, firstName: { equals: 'Grâce' } }, ...system })).docs[0]
    expect([403, 404]).toContain((await rest('GET', `/students/${demoChild.id}`, { token: parent.token })).status)
    // A parent never lists codes, not even their own.
    expect((await rest('GET', `/link-codes/${code.id}`, { token: parent.token })).status).toBe(403)
    const trail = await payload.find({ collection: 'audit-logs', where: { collection: { equals: 'link-codes' }, documentId: { equals: String(code.id) }, action: { equals: 'update' } }, ...system })
    expect(trail.docs[0]).toMatchObject({ user: parent.id, school: main })
  })

  it('makes a guardian record from the account when the code names none, and adds it to the pupil', async () => {
    const parent = await newParent('NTUMBA KASONGO Odile')
    const first = await newPupil()
    const second = await newPupil()
    for (const pupil of [first, second]) expect((await redeem(parent.token, (await issued({ student: pupil.student.id })).code)).status).toBe(200)
    const records = await payload.find({ collection: 'guardians', where: { user: { equals: parent.id } }, ...system })
    expect(records.docs).toHaveLength(2)
    expect(records.docs[0]).toMatchObject({ school: main, lastName: 'NTUMBA', postName: 'KASONGO', firstName: 'Odile', email: parent.email, relationship: 'guardian' })
    for (const pupil of [first, second]) {
      const read = await payload.findByID({ collection: 'students', id: pupil.student.id, ...system })
      expect(read.guardians).toHaveLength(1)
      expect((await rest('GET', `/students/${pupil.student.id}`, { token: parent.token })).status).toBe(200)
    }
    expect((await payload.findByID({ collection: 'users', id: parent.id, ...system })).schools).toEqual([main])
  })

  it('tells a parent already linked to the child, and keeps the code for someone else', async () => {
    const parent = await newParent()
    const { student } = await newPupil()
    expect((await redeem(parent.token, (await issued({ student: student.id })).code)).status).toBe(200)
    const second = await issued({ student: student.id })
    const again = await redeem(parent.token, second.code, { 'Accept-Language': 'en' })
    expect(again.status).toBe(409)
    expect(errorMessages(again.body)).toEqual(['Your account is already linked to this child.'])
    expect((await codeRow(second.id)).state).toBe('valid')
    expect((await refusals(second.id)).docs[0].changes).toEqual([{ field: 'reason', after: 'alreadyLinked' }])
  })

  it('refuses a wrong, malformed, expired, revoked or used code with one message, changing nothing, each attempt audited', async () => {
    const parent = await newParent()
    const { student } = await newPupil()
    const expired = await issued({ student: student.id })
    await sqlOf().execute(sql`update link_codes set expires_at = now() - interval '1 minute' where id = ${expired.id}`)
    const revoked = await issued({ student: student.id })
    expect((await rest('PATCH', `/link-codes/${revoked.id}`, { token: tokens.secretariat, body: { revokedAt: new Date().toISOString() } })).status).toBe(200)
    const used = await issued({ student: student.id })
    expect((await redeem((await newParent()).token, used.code)).status).toBe(200)
    const guardiansBefore = (await payload.findByID({ collection: 'students', id: student.id, ...system })).guardians

    const before = (await refusals()).totalDocs
    const tries: [unknown, string][] = [['ZZZZ-ZZZZ-ZZ', 'unknown'], ['abc', 'malformed'], [42, 'malformed'], [expired.code, 'expired'], [revoked.code, 'revoked'], [used.code, 'used']]
    for (const [code] of tries) {
      const answer = await redeem(parent.token, code)
      expect({ code, status: answer.status }).toEqual({ code, status: 400 })
      expect(fieldErrors(answer.body)).toEqual([{ path: 'code', message: invalidCode }])
    }
    const english = await redeem(parent.token, 'ZZZZ-ZZZZ-ZZ', { 'Accept-Language': 'en' })
    expect(errorMessages(english.body)).toEqual(['This code is not valid: it is wrong, expired, revoked or already used. Check it or ask the school for a new one.'])

    const logged = (await refusals()).docs.slice(0, tries.length + 1).reverse()
    expect((await refusals()).totalDocs).toBe(before + tries.length + 1)
    expect(logged.slice(0, tries.length).map((d) => (d.changes as { after: string }[])[0].after)).toEqual(tries.map(([, reason]) => reason))
    expect(logged.every((d) => d.user === parent.id)).toBe(true)
    expect(logged[3]).toMatchObject({ documentId: String(expired.id), school: main })

    expect((await payload.findByID({ collection: 'students', id: student.id, ...system })).guardians).toEqual(guardiansBefore)
    expect((await payload.findByID({ collection: 'users', id: parent.id, ...system })).schools).toEqual([])
    expect(await codeRow(expired.id)).toMatchObject({ usedAt: null, state: 'expired' })
    expect(await codeRow(revoked.id)).toMatchObject({ usedAt: null, state: 'revoked' })
  })

  it('is used once when two parents enter the same code at the same moment', async () => {
    const [one, two] = [await newParent(), await newParent()]
    const { student } = await newPupil()
    const code = await issued({ student: student.id })
    const answers = await Promise.all([redeem(one.token, code.code), redeem(two.token, code.code)])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400])
    const winner = answers[0].status === 200 ? one : two
    expect((await codeRow(code.id)).usedBy).toBe(winner.id)
    const read = await payload.findByID({ collection: 'students', id: student.id, ...system })
    expect(read.guardians).toHaveLength(1)
    expect((await payload.find({ collection: 'guardians', where: { user: { in: [one.id, two.id] } }, ...system })).totalDocs).toBe(1)
    const loser = winner === one ? two : one
    expect((await rest('GET', `/students/${student.id}`, { token: loser.token })).status).toBe(403)
  })

  it('refuses a code meant for a guardian record another account already holds', async () => {
    const { student, guardian } = await newPupil(main, true)
    const mother = await newParent()
    expect((await redeem(mother.token, (await issued({ student: student.id, guardian: guardian!.id })).code)).status).toBe(200)
    const again = await issued({ student: student.id, guardian: guardian!.id })
    const other = await redeem((await newParent()).token, again.code)
    expect(other.status).toBe(409)
    expect(errorMessages(other.body)).toEqual(['Ce code est destiné à un parent dont le compte est déjà lié. Adressez-vous à l’école.'])
    expect((await payload.findByID({ collection: 'guardians', id: guardian!.id, ...system })).user).toBe(mother.id)
  })

  it('is for logged-in parent accounts only', async () => {
    const { student } = await newPupil()
    const code = await issued({ student: student.id })
    expect((await redeem(undefined, code.code)).status).toBe(401)
    for (const persona of ['teacher', 'secretariat', 'finance'] as const) {
      const answer = await redeem(tokens[persona], code.code)
      expect(answer.status).toBe(403)
      expect(errorMessages(answer.body)).toEqual(['Seul un compte de parent, dont l’adresse e-mail est confirmée, peut utiliser un code de liaison.'])
    }
    expect((await codeRow(code.id)).state).toBe('valid')
  })
})
