/**
 * A person's rights over their data: the direction exports everything held about a pupil or a
 * guardian as a zip, and erases them (what the law lets the school keep anonymised, the rest
 * deleted) in one transaction, audited; nobody else does either; the money is never touched.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import JSZip from 'jszip'
import type { Payload } from 'payload'
import { demoAccounts, otherAccounts, tokenFor } from '../support/accounts'
import { download } from '../support/download'
import { loadFixtures, tinyPng, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

type Doc = Record<string, any>
let payload: Payload
let fx: Fixtures
const tokens: Record<string, string> = {}
const system = { overrideAccess: true, depth: 0 } as const
const tag = `Zq${Date.now().toString(36)}`
// Every personal value of the test's people carries a token no demo record has, to search the database for.
const marks = {
  pupil: `PRIVE${tag}`.toUpperCase(),
  pupilFirst: `Prudence${tag}`,
  birthPlace: `Mbandaka${tag}`,
  pupilEmail: `eleve.${tag.toLowerCase()}@example.cd`,
  note: `Paludisme${tag}`,
  comment: `Bavarde${tag}`,
  guardian: `PARENT${tag}`.toUpperCase(),
  guardianEmail: `parent.${tag.toLowerCase()}@example.cd`,
  phone: `+243 81${Date.now() % 10_000_000}`.slice(0, 16),
}

const db = () => (payload.db as unknown as PostgresAdapter).drizzle

/** Every text or JSON column of every table holding `needle`, as `table.column`. */
const whereInDatabase = async (needle: string) => {
  const columns = await db().execute(sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type in ('text', 'character varying', 'json', 'jsonb')`)
  const found: string[] = []
  for (const { table_name, column_name } of columns.rows as { table_name: string; column_name: string }[]) {
    const hit = await db().execute(sql`select 1 from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${`%${needle}%`} limit 1`)
    if (hit.rows.length) found.push(`${table_name}.${column_name}`)
  }
  return found
}

/** The school's money, as accounting sees it: how many invoices and payments, and their sums. */
const ledger = async (school: number) => {
  const result = await db().execute(sql`select
    (select count(*) from invoices where school_id = ${school}) as invoices,
    (select coalesce(sum(l.amount), 0) from invoices_lines l join invoices i on i.id = l._parent_id where i.school_id = ${school}) as billed,
    (select count(*) from payments where school_id = ${school}) as payments,
    (select coalesce(sum(amount), 0) from payments where school_id = ${school} and status = 'succeeded') as paid,
    (select string_agg(number || ':' || status, ',' order by id) from invoices where school_id = ${school}) as statuses`)
  return result.rows[0]
}

const unzip = async (data: Buffer) => {
  const zip = await JSZip.loadAsync(data)
  const read = async (name: string) => JSON.parse(await zip.file(name)!.async('string'))
  return { zip, read, names: Object.keys(zip.files) }
}
const ids = (docs: Doc[]) => docs.map((doc) => String(doc.id)).sort()
const all = async (collection: string, where: Doc) => (await payload.find({ collection: collection as 'students', where, ...system, pagination: false })).docs as Doc[]

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  for (const [who, email] of Object.entries({ it: demoAccounts.it, admin: demoAccounts.admin, secretariat: demoAccounts.secretariat, teacher: demoAccounts.teacher, parent: demoAccounts.parent, mateteAdmin: otherAccounts.secondSchoolAdmin }))
    tokens[who] = await tokenFor(payload, email)
})
afterAll(closeTestPayload)

describe('export of a pupil’s data', () => {
  it('gives the direction a zip with every collection about the pupil, as the Local API holds it, audited', async () => {
    const child = fx.students.childA
    const answer = await download(`/students/${child.id}/export-data`, { token: tokens.admin })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/zip')
    const { read, names } = await unzip(answer.data)
    expect(await read('students.json')).toEqual([JSON.parse(JSON.stringify(await payload.findByID({ collection: 'students', id: child.id, ...system })))])
    for (const collection of ['enrollments', 'attendance', 'grades', 'report-cards', 'invoices', 'discounts', 'link-codes'])
      expect({ collection, ids: ids(await read(`${collection}.json`)) }).toEqual({ collection, ids: ids(await all(collection, { student: { equals: child.id } })) })
    const payments = await read('payments.json')
    expect(ids(payments)).toEqual(ids(await all('payments', { student: { equals: child.id } })))
    const guardians = await read('guardians.json')
    expect(ids(guardians)).toEqual(child.guardians.map(String).sort())
    // The stored rows themselves, not a reader's view of them.
    const grades = await read('grades.json')
    expect(grades).toEqual(JSON.parse(JSON.stringify(await all('grades', { student: { equals: child.id } }))))
    for (const name of names.filter((n) => n.endsWith('.json'))) expect({ name, text: JSON.stringify(await read(name)) }).not.toEqual({ name, text: expect.stringMatching(/"(hash|salt|sessions|apiKey|codeHash)"/) })
    const manifest = await read('manifest.json')
    expect(manifest).toMatchObject({ person: { kind: 'student', id: child.id }, exportedBy: { email: demoAccounts.admin }, counts: { students: 1, grades: grades.length, payments: payments.length } })
    const printed = (await read('report-cards.json')).filter((card: Doc) => card.snapshot?.figures)
    expect(names.filter((n) => n.startsWith('report-cards/') && n.endsWith('.pdf'))).toHaveLength(printed.length)
    const audit = await read('audit-logs.json')
    expect(audit.length).toBeGreaterThan(0)
    const logged = await all('audit-logs', { action: { equals: 'export' }, collection: { equals: 'students' }, documentId: { equals: String(child.id) } })
    expect(logged.at(-1)).toMatchObject({ user: fx.users.admin.id, school: fx.schools.main.id })
  })

  it('gives a guardian’s record, account without secrets, children and link codes', async () => {
    const guardian = (await all('guardians', { user: { equals: fx.users.parent.id } }))[0]
    const answer = await download(`/guardians/${guardian.id}/export-data`, { token: tokens.it })
    expect(answer.status).toBe(200)
    const { read } = await unzip(answer.data)
    expect(ids(await read('guardians.json'))).toEqual([String(guardian.id)])
    const [user] = await read('users.json')
    expect(user).toMatchObject({ id: fx.users.parent.id, email: demoAccounts.parent })
    expect(Object.keys(user)).not.toEqual(expect.arrayContaining(['hash']))
    expect(user.sessions).toBeUndefined()
    expect(ids(await read('students.json'))).toEqual(ids(await all('students', { guardians: { in: [guardian.id] } })))
    expect((await read('students.json'))[0]).not.toHaveProperty('birthDate')
    expect(ids(await read('link-codes.json'))).toEqual(ids(await all('link-codes', { or: [{ guardian: { equals: guardian.id } }, { usedBy: { equals: fx.users.parent.id } }] })))
    expect(ids(await read('payments.json'))).toEqual(ids(await all('payments', { recordedBy: { equals: fx.users.parent.id } })))
    // What they wrote and took part in: the demo parent's reply to Grâce's teacher among their messages.
    expect(ids(await read('conversations.json'))).toEqual(ids(await all('conversations', { participants: { in: [fx.users.parent.id] } })))
    expect(ids(await read('messages.json'))).toContain(String(fx.messages.parentReply.id))
    expect(ids(await read('messages.json'))).toEqual(ids(await all('messages', { author: { equals: fx.users.parent.id } })))
    expect(await read('manifest.json')).toMatchObject({ person: { kind: 'guardian', id: guardian.id }, exportedBy: { email: demoAccounts.it } })
  })

  it('is refused to a teacher, a parent, the secretariat, the second school’s direction and anyone anonymous', async () => {
    const child = fx.students.childA
    const guardian = (await all('guardians', { user: { equals: fx.users.parent.id } }))[0]
    for (const who of ['teacher', 'parent', 'secretariat', 'mateteAdmin', 'anonymous']) {
      const pupil = await download(`/students/${child.id}/export-data`, { token: tokens[who] })
      const family = await download(`/guardians/${guardian.id}/export-data`, { token: tokens[who] })
      expect({ who, pupil: [401, 403, 404].includes(pupil.status), family: [401, 403, 404].includes(family.status) }).toEqual({ who, pupil: true, family: true })
    }
  })
})

describe('erasure', () => {
  const made: Doc = {}

  beforeAll(async () => {
    const school = fx.schools.main.id
    const create = (collection: string, data: Doc, extra: Doc = {}) => payload.create({ collection: collection as 'students', data: data as never, ...system, ...extra }) as Promise<Doc>
    made.parentUser = await create('users', { name: `Jeanne ${marks.guardian}`, email: marks.guardianEmail, password: 'Privacy-Test-2026!x', roles: ['parent'], schools: [school], _verified: true })
    made.pupilUser = await create('users', { name: `${marks.pupilFirst} ${marks.pupil}`, email: marks.pupilEmail, password: 'Privacy-Test-2026!x', roles: ['student'], schools: [school], _verified: true })
    made.guardian = await create('guardians', { school, lastName: marks.guardian, firstName: 'Jeanne', relationship: 'mother', phone: marks.phone, email: marks.guardianEmail, user: made.parentUser.id })
    made.photo = await create('media', { school, alt: `Photo ${marks.pupil}` }, { file: { ...tinyPng(), name: `photo-${marks.pupil}.png` } })
    made.pupil = await create('students', { school, matricule: `M-${marks.pupil}`, lastName: marks.pupil, firstName: marks.pupilFirst, sex: 'F', birthDate: '2016-05-04', birthPlace: marks.birthPlace, photo: made.photo.id, guardians: [made.guardian.id], user: made.pupilUser.id })
    made.sibling = await create('students', { school, matricule: `S-${tag}`, lastName: 'FRERE', firstName: 'Test', sex: 'M', guardians: [made.guardian.id] })
    const klass = fx.classes.taught
    made.enrollment = await create('enrollments', { school, student: made.pupil.id, class: klass.id, schoolYear: fx.schoolYears.main.id, status: 'active' })
    made.certificate = await create('media', { school, alt: `Certificat ${marks.note}` }, { file: { ...tinyPng(), name: `certificat-${marks.pupil}.png` }, user: { ...made.parentUser, collection: 'users' } })
    made.attendance = await create('attendance', { school, student: made.pupil.id, class: klass.id, date: '2026-11-03', halfDay: 'morning', status: 'absent', note: marks.note, justification: `Certificat : ${marks.note}`, justificationDocument: made.certificate.id })
    made.grade = await create('grades', { school, evaluation: fx.evaluations.taughtPair.id, student: made.pupil.id, status: 'scored', score: 13, comment: marks.comment })
    const invoice = (amount: number) =>
      create('invoices', { school, student: made.pupil.id, schoolYear: fx.schoolYears.main.id, currency: 'USD', dueDate: '2027-06-30', payers: [made.guardian.id], lines: [{ kind: 'extra', label: 'Sortie scolaire', amount }] })
    made.paid = await invoice(4500)
    made.unpaid = await invoice(2500)
    made.payment = await create('payments', { school, invoice: made.paid.id, method: 'cash', amount: 4500, currency: 'USD', phone: marks.phone, notes: `Payé par ${marks.guardian}` })
    made.code = await create('link-codes', { school, student: made.pupil.id, guardian: made.guardian.id })
    made.siblingCode = await create('link-codes', { school, student: made.sibling.id, guardian: made.guardian.id })
    made.upload = await create('media', { school, alt: `Scan ${marks.guardian}` }, { file: { ...tinyPng(), name: `scan-${marks.guardian}.png` }, user: { ...made.parentUser, collection: 'users' } })
  })

  const folder = () => String(payload.collections.media.config.upload.staticDir)
  const fileOf = (media: Doc) => `${folder()}/${media.filename}`
  const stored = (collection: string, id: number) => payload.findByID({ collection: collection as 'students', id, ...system, disableErrors: true }) as Promise<Doc | null>

  it('the pupil’s export carries their files and their guardian’s link, before anything is erased', async () => {
    const answer = await download(`/students/${made.pupil.id}/export-data`, { token: tokens.admin })
    expect(answer.status).toBe(200)
    const { zip, read } = await unzip(answer.data)
    expect(ids(await read('media.json'))).toEqual(ids([made.photo, made.certificate]))
    for (const media of [made.photo, made.certificate]) {
      const file = zip.file(`media/${media.id}-${media.filename}`)
      expect(file).not.toBeNull()
      expect(Buffer.from(await file!.async('uint8array'))).toEqual(await readFile(fileOf(media)))
    }
    expect(ids(await read('guardians.json'))).toEqual([String(made.guardian.id)])
    expect(ids(await read('invoices.json'))).toEqual(ids([made.paid, made.unpaid]))
    const [account] = await read('users.json')
    expect(account).toMatchObject({ id: made.pupilUser.id, email: marks.pupilEmail })
    expect(Object.keys(account).filter((key) => ['hash', 'salt', 'sessions', 'apiKey'].includes(key))).toEqual([])
  })

  it('is refused without the matricule typed again, and to anyone but IT and the direction of the school', async () => {
    expect((await stored('invoices', made.paid.id))?.status).toBe('paid')
    for (const confirmation of [undefined, '', 'M-AUTRE', made.pupil.fullName]) {
      const answer = await rest('POST', `/students/${made.pupil.id}/erase`, { token: tokens.admin, body: confirmation === undefined ? {} : { confirmation } })
      expect({ confirmation, status: answer.status, path: answer.body.errors?.[0]?.data?.errors?.[0]?.path }).toEqual({ confirmation, status: 400, path: 'confirmation' })
    }
    for (const who of ['teacher', 'parent', 'secretariat', 'mateteAdmin', 'anonymous']) {
      const answer = await rest('POST', `/students/${made.pupil.id}/erase`, { token: tokens[who], body: { confirmation: made.pupil.matricule } })
      expect({ who, refused: [401, 403, 404].includes(answer.status) }).toEqual({ who, refused: true })
    }
    expect(await stored('students', made.pupil.id)).toMatchObject({ lastName: marks.pupil, birthPlace: marks.birthPlace, guardians: [made.guardian.id] })
    expect(existsSync(fileOf(made.photo))).toBe(true)
  })

  it('an erasure that fails half-way changes nothing, files included', async () => {
    // Another pupil already holds the stand-in matricule: the pupil's own record, written last, is refused.
    const blocker = await payload.create({ collection: 'students', data: { school: fx.schools.main.id, matricule: `EFFACE-${made.pupil.id}`, lastName: 'BLOQUE', sex: 'M' } as never, ...system })
    const before = await ledger(fx.schools.main.id)
    const answer = await rest('POST', `/students/${made.pupil.id}/erase`, { token: tokens.admin, body: { confirmation: made.pupil.matricule } })
    await payload.delete({ collection: 'students', id: blocker.id, ...system })
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(await stored('attendance', made.attendance.id)).toMatchObject({ note: marks.note, justificationDocument: made.certificate.id })
    expect(await stored('payments', made.payment.id)).toMatchObject({ phone: marks.phone })
    expect(await stored('users', made.pupilUser.id)).toMatchObject({ email: marks.pupilEmail, active: true })
    expect(await stored('link-codes', made.code.id)).not.toBeNull()
    expect(await stored('media', made.certificate.id)).not.toBeNull()
    expect([existsSync(fileOf(made.photo)), existsSync(fileOf(made.certificate))]).toEqual([true, true])
    expect(await all('audit-logs', { action: { equals: 'erase' }, documentId: { equals: String(made.pupil.id) } })).toEqual([])
    expect(await ledger(fx.schools.main.id)).toEqual(before)
  })

  it('erases the pupil: the money and the marks stay, nothing names them anywhere in the database, their files are gone', async () => {
    const before = await ledger(fx.schools.main.id)
    expect((await whereInDatabase(marks.pupil)).length).toBeGreaterThan(0)
    const answer = await rest('POST', `/students/${made.pupil.id}/erase`, { token: tokens.admin, body: { confirmation: ` ${made.pupil.matricule.toLowerCase()} ` } })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ erased: { collection: 'students', id: made.pupil.id }, account: 'anonymise', deleted: { 'link-codes': 1, media: 2 } })

    expect(await ledger(fx.schools.main.id)).toEqual(before)
    expect(await stored('invoices', made.paid.id)).toMatchObject({ number: made.paid.number, status: 'paid', student: made.pupil.id, lines: [expect.objectContaining({ amount: 4500 })] })
    expect(await stored('invoices', made.unpaid.id)).toMatchObject({ number: made.unpaid.number, status: 'unpaid' })
    expect(await stored('payments', made.payment.id)).toMatchObject({ amount: 4500, status: 'succeeded', phone: null, notes: null })
    expect(await stored('grades', made.grade.id)).toMatchObject({ score: 13, comment: null })
    expect(await stored('attendance', made.attendance.id)).toMatchObject({ status: 'absent', note: null, justification: null, justificationDocument: null })
    expect(await stored('enrollments', made.enrollment.id)).toMatchObject({ class: fx.classes.taught.id })
    expect(await stored('students', made.pupil.id)).toMatchObject({ fullName: `Élève effacé #${made.pupil.id}`, matricule: `EFFACE-${made.pupil.id}`, birthDate: null, birthPlace: null, photo: null, guardians: [], sex: 'F' })
    expect(await stored('users', made.pupilUser.id)).toMatchObject({ name: `Élève effacé #${made.pupil.id}`, active: false, phone: null })
    expect(await stored('link-codes', made.code.id)).toBeNull()
    for (const media of [made.photo, made.certificate]) {
      expect(await stored('media', media.id)).toBeNull()
      expect(existsSync(fileOf(media))).toBe(false)
    }
    // The erased account can no longer log in.
    await expect(payload.login({ collection: 'users', data: { email: marks.pupilEmail, password: 'Privacy-Test-2026!x' } })).rejects.toThrow()

    for (const needle of [marks.pupil, marks.pupilFirst, marks.birthPlace, marks.pupilEmail, marks.note, marks.comment, made.pupil.matricule])
      expect({ needle, found: await whereInDatabase(needle) }).toEqual({ needle, found: [] })
    const [entry] = await all('audit-logs', { action: { equals: 'erase' }, collection: { equals: 'students' }, documentId: { equals: String(made.pupil.id) } })
    expect(entry).toMatchObject({ user: fx.users.admin.id, school: fx.schools.main.id, changes: [{ field: 'erased', after: expect.objectContaining({ account: 'anonymise' }) }] })
    // The guardian is not the pupil: they stay, and still pay for the sibling.
    expect(await stored('guardians', made.guardian.id)).toMatchObject({ lastName: marks.guardian })
  })

  it('erases the guardian: their record pseudonymous, their account closed, their uploads and codes deleted, the children unlinked', async () => {
    const before = await ledger(fx.schools.main.id)
    const wrong = await rest('POST', `/guardians/${made.guardian.id}/erase`, { token: tokens.it, body: { confirmation: marks.guardian } })
    expect(wrong.status).toBe(400)
    const answer = await rest('POST', `/guardians/${made.guardian.id}/erase`, { token: tokens.it, body: { confirmation: `${marks.guardian.toLowerCase()}   jeanne` } })
    expect(answer.status).toBe(200)
    expect(await ledger(fx.schools.main.id)).toEqual(before)
    expect(await stored('guardians', made.guardian.id)).toMatchObject({ fullName: `Responsable effacé #${made.guardian.id}`, phone: null, email: null })
    expect(await stored('users', made.parentUser.id)).toMatchObject({ active: false, email: `efface-users-${made.parentUser.id}@kelasi.invalid` })
    expect(await stored('students', made.sibling.id)).toMatchObject({ lastName: 'FRERE', guardians: [] })
    expect(await stored('link-codes', made.siblingCode.id)).toBeNull()
    expect(await stored('media', made.upload.id)).toBeNull()
    expect(existsSync(fileOf(made.upload))).toBe(false)
    // The invoice still names who it was billed to, now a pseudonym.
    expect(await stored('invoices', made.unpaid.id)).toMatchObject({ payers: [made.guardian.id] })
    for (const needle of [marks.guardian, marks.guardianEmail, marks.phone])
      expect({ needle, found: await whereInDatabase(needle) }).toEqual({ needle, found: [] })
    expect(await all('audit-logs', { action: { equals: 'erase' }, collection: { equals: 'guardians' }, documentId: { equals: String(made.guardian.id) } })).toHaveLength(1)
  })

  it('the erased pupil’s export holds no trace of them either', async () => {
    const answer = await download(`/students/${made.pupil.id}/export-data`, { token: tokens.admin })
    expect(answer.status).toBe(200)
    const { zip } = await unzip(answer.data)
    for (const file of Object.values(zip.files)) if (!file.dir && file.name.endsWith('.json')) expect(await file.async('string')).not.toContain(marks.pupil)
  })
})
