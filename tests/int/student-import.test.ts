/** Importing a class list (issue 3): as a secretary does it from the admin, over REST, on the real database. */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import config from '@payload-config'
import ExcelJS from 'exceljs'
import { handleEndpoints, type Payload } from 'payload'
import pg from 'pg'
import { readSheet } from '../../src/sheets/read'
import { demoAccounts, otherAccounts, tokenFor } from '../support/accounts'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

const samplePath = fileURLToPath(new URL('../fixtures/liste-classe-exemple.xlsx', import.meta.url))
const header = ['Matricule', 'Nom', 'Post-nom', 'Prénom', 'Sexe', 'Date de naissance', 'Lieu de naissance', 'Classe', 'Tuteur', 'Téléphone', 'E-mail']

let payload: Payload
let sample: Buffer
const tokens: Record<string, string> = {}
const schools: Record<string, number> = {}

/** A workbook with a title block above the given rows, as schools send them. */
const book = async (rows: unknown[][]) => {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Élèves').addRows([['Liste de classe 2026-2027'], [], ...rows])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const form = (file: Buffer, fields: Record<string, string>) => {
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(file)]), 'liste.xlsx')
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  return body
}

const importAs = (token: string, file: Buffer, fields: Record<string, string> = {}) => rest('POST', '/students/import', { token, form: form(file, fields) })

/** The raw response, for the workbook and the NDJSON stream. */
const rawImport = (token: string, file: Buffer, fields: Record<string, string>, { query = '', accept }: { query?: string; accept?: string } = {}) =>
  handleEndpoints({
    config,
    path: '/api/students/import',
    request: new Request(`http://localhost:3000/api/students/import${query}`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, ...(accept ? { Accept: accept } : {}) },
      body: form(file, fields),
    }),
  })

const count = async (collection: 'students' | 'guardians' | 'enrollments' | 'audit-logs', school: number) =>
  (await payload.count({ collection, where: { school: { equals: school } }, overrideAccess: true })).totalDocs
const snapshot = async (school: number) => ({
  students: await count('students', school),
  guardians: await count('guardians', school),
  enrollments: await count('enrollments', school),
  audit: await count('audit-logs', school),
})

const studentOf = async (school: number, matricule: string) =>
  (await payload.find({ collection: 'students', where: { school: { equals: school }, matricule: { equals: matricule } }, depth: 1, overrideAccess: true })).docs[0]
const activeClassOf = async (student: number) => {
  const found = await payload.find({ collection: 'enrollments', where: { student: { equals: student }, status: { equals: 'active' } }, depth: 1, overrideAccess: true })
  return found.docs.map((enrollment) => (enrollment.class as { code: string }).code)
}
const classOf = async (school: number, code: string) =>
  (await payload.find({ collection: 'classes', where: { school: { equals: school }, code: { equals: code } }, depth: 0, overrideAccess: true })).docs[0]

/** A sheet row for a pupil; a few fields vary, the rest look like what schools type. */
const pupil = (matricule: string, lastName: string, firstName: string, extra: Partial<Record<(typeof header)[number], unknown>> = {}) => {
  const values: Record<string, unknown> = { Matricule: matricule, Nom: lastName, 'Post-nom': 'MBALA', Prénom: firstName, Sexe: 'F', 'Date de naissance': '03/04/2016', 'Lieu de naissance': 'Kinshasa', ...extra }
  return header.map((column) => values[column] ?? null)
}

beforeAll(async () => {
  payload = await testPayload()
  sample = await readFile(samplePath)
  for (const [name, email] of Object.entries({ ...demoAccounts, matete: otherAccounts.secondSchoolAdmin })) tokens[name] = await tokenFor(payload, email)
  for (const code of ['CSMA', 'EPPM']) schools[code] = (await payload.find({ collection: 'schools', where: { code: { equals: code } }, overrideAccess: true })).docs[0].id
})
afterAll(closeTestPayload)

describe('importing the sample class list', () => {
  it('imports five pupils into 3e primaire and rejects the last row, saying which row, which column and why', async () => {
    const before = await snapshot(schools.EPPM)
    const { status, body } = await importAs(tokens.matete, sample, { class: '3P' })
    expect(status).toBe(200)
    expect(body).toMatchObject({ rows: 6, created: 5, updated: 0, unchanged: 0, rejected: 1, enrolled: 5, dryRun: false })
    expect(body.errors).toEqual([
      { row: 9, column: 'Matricule', field: 'matricule', code: 'required', message: 'valeur obligatoire manquante' },
      { row: 9, column: 'Né(e) le', field: 'birthDate', code: 'invalidDate', message: 'date « 12/13/2018 » invalide : écrivez jj/mm/aaaa' },
    ])

    const ruth = await studentOf(schools.EPPM, 'PAL-3B-001')
    expect(ruth).toMatchObject({ lastName: 'LUMBALA', postName: 'KAYEMBE', firstName: 'Ruth', fullName: 'LUMBALA KAYEMBE Ruth', sex: 'F', birthPlace: 'Kinshasa' })
    expect(ruth.birthDate?.slice(0, 10)).toBe('2018-03-14')
    expect(ruth.guardians).toEqual([expect.objectContaining({ lastName: 'LUMBALA', firstName: 'Jean', phone: '+243815550101', email: 'jean.lumbala@example.cd' })])
    expect(await activeClassOf(ruth.id)).toEqual(['3P'])
    expect((await studentOf(schools.EPPM, 'PAL-3B-002')).birthDate?.slice(0, 10)).toBe('2018-11-07')
    expect((await studentOf(schools.EPPM, 'PAL-3B-005')).sex).toBe('M')

    // The twins share one guardian, whose number is written the international way.
    const [dan, divine] = [await studentOf(schools.EPPM, 'PAL-3B-002'), await studentOf(schools.EPPM, 'PAL-3B-003')]
    const guardianIds = (student: typeof dan) => (student.guardians as { id: number }[]).map((guardian) => guardian.id)
    expect(guardianIds(dan)).toEqual(guardianIds(divine))
    expect(dan.guardians).toEqual([expect.objectContaining({ fullName: 'MASIALA Odette', phone: '+243995550102' })])

    expect(await snapshot(schools.EPPM)).toMatchObject({ students: before.students + 5, guardians: before.guardians + 4, enrollments: before.enrollments + 5 })
    const log = await payload.find({ collection: 'audit-logs', where: { documentId: { like: 'import:' }, school: { equals: schools.EPPM } }, sort: '-createdAt', limit: 1, overrideAccess: true })
    expect(log.docs[0]).toMatchObject({ action: 'create', collection: 'students', actorEmail: otherAccounts.secondSchoolAdmin })
    expect(log.docs[0].changes).toEqual(expect.arrayContaining([{ field: 'created', after: ['PAL-3B-001', 'PAL-3B-002', 'PAL-3B-003', 'PAL-3B-004', 'PAL-3B-005'] }, { field: 'rejectedRows', after: [9] }]))
    const ruthLog = await payload.find({ collection: 'audit-logs', where: { collection: { equals: 'students' }, documentId: { equals: String(ruth.id) } }, overrideAccess: true })
    expect(ruthLog.docs.map((entry) => entry.action)).toEqual(['create'])
  })

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot(schools.EPPM)
    const { status, body } = await importAs(tokens.matete, sample, { class: '3P' })
    expect(status).toBe(200)
    expect(body).toMatchObject({ rows: 6, created: 0, updated: 0, unchanged: 5, rejected: 1, enrolled: 0 })
    // Only the import's own summary is added to the trail.
    expect(await snapshot(schools.EPPM)).toEqual({ ...before, audit: before.audit + 1 })
  })

  it('updates a guardian whose phone changed, found by their e-mail, and nothing else', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(sample as never)
    workbook.worksheets[0].getCell('I4').value = '081 555 0199'
    const changed = Buffer.from(await workbook.xlsx.writeBuffer())
    const before = await snapshot(schools.EPPM)
    const { body } = await importAs(tokens.matete, changed, { class: '3P' })
    expect(body).toMatchObject({ created: 0, updated: 1, unchanged: 4, rejected: 1 })
    const ruth = await studentOf(schools.EPPM, 'PAL-3B-001')
    expect(ruth.guardians).toEqual([expect.objectContaining({ fullName: 'LUMBALA Jean', phone: '+243815550199' })])
    expect(await snapshot(schools.EPPM)).toMatchObject({ students: before.students, guardians: before.guardians, enrollments: before.enrollments })
  })

  it('reports the rejected rows as a workbook holding each row as typed, and imports nothing doing so', async () => {
    const before = await snapshot(schools.EPPM)
    const response = await rawImport(tokens.matete, sample, { class: '3P' }, { query: '?format=xlsx' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('spreadsheetml')
    const { rows } = await readSheet(Buffer.from(await response.arrayBuffer()))
    const headerRow = rows.find((row) => row.cells.includes('Motif'))!
    expect(headerRow.cells.slice(0, 6)).toEqual(['Ligne', 'Colonne', 'Motif', 'Matricule', 'Nom', 'Post-nom'])
    const lines = rows.filter((row) => row.number > headerRow.number)
    expect(lines).toHaveLength(1)
    expect(lines[0].cells.slice(0, 3)).toEqual([9, 'Matricule, Né(e) le', 'valeur obligatoire manquante ; date « 12/13/2018 » invalide : écrivez jj/mm/aaaa'])
    expect(lines[0].cells.slice(3, 10)).toEqual([null, 'KIALA', 'MBEMBA', 'Sarah', 'F', 'Kinshasa', '12/13/2018'])
    expect(await snapshot(schools.EPPM)).toEqual(before)
  })
})

describe('what an import decides for each row', () => {
  it('links a new child to the family already known by its e-mail, so siblings share one guardian', async () => {
    const family = (await payload.find({ collection: 'guardians', where: { email: { equals: demoAccounts.parent } }, overrideAccess: true })).docs[0]
    const guardians = await count('guardians', schools.CSMA)
    const file = await book([header, pupil('CSMA-IMP-0001', 'Mukendi', 'Benjamin', { Sexe: 'M', Tuteur: 'MUKENDI Véronique', 'E-mail': 'PARENT@kelasi.test' })])
    const { body } = await importAs(tokens.secretariat, file, { class: '2P-A' })
    expect(body).toMatchObject({ created: 1, rejected: 0 })
    const benjamin = await studentOf(schools.CSMA, 'CSMA-IMP-0001')
    expect(benjamin.lastName).toBe('MUKENDI')
    expect((benjamin.guardians as { id: number }[]).map((guardian) => guardian.id)).toEqual([family.id])
    expect(await count('guardians', schools.CSMA)).toBe(guardians)
  })

  it('never moves a pupil enrolled in another class, refuses unknown classes and full classes, and still imports the good rows', async () => {
    const exauce = (await payload.find({ collection: 'students', where: { firstName: { equals: 'Exaucé' }, lastName: { equals: 'KASONGO' } }, overrideAccess: true })).docs[0]
    const eb8 = await classOf(schools.CSMA, '8EB')
    const seated = (await payload.count({ collection: 'enrollments', where: { class: { equals: eb8.id }, status: { equals: 'active' } }, overrideAccess: true })).totalDocs
    await payload.update({ collection: 'classes', id: eb8.id, data: { capacity: seated + 1 }, overrideAccess: true })
    try {
      const file = await book([
        header,
        pupil('CSMA-IMP-0101', 'LOKWA', 'Nadine', { Classe: '8e EB' }),
        pupil(exauce.matricule, 'KASONGO', 'Exaucé', { Classe: '8EB', Sexe: exauce.sex }),
        pupil('CSMA-IMP-0102', 'LOKWA', 'Pascal', { Classe: 'Terminale Z' }),
        pupil('CSMA-IMP-0103', 'ILUNGA', 'Rachel', { Classe: '8eb' }),
      ])
      const { body } = await importAs(tokens.secretariat, file)
      expect(body).toMatchObject({ rows: 4, created: 1, rejected: 3 })
      expect(body.errors.map((error: { row: number; column: string; code: string; message: string }) => [error.row, error.column, error.code, error.message])).toEqual([
        [5, 'Classe', 'alreadyEnrolled', 'déjà inscrit(e) en 7e EB cette année : pour changer de classe, utilisez « Changer de classe »'],
        [6, 'Classe', 'unknownClass', 'aucune classe « Terminale Z » cette année scolaire'],
        [7, 'Classe', 'classFull', `la classe 8e EB est complète (${seated + 1} places)`],
      ])
      expect(await activeClassOf(exauce.id)).toEqual(['7EB'])
      expect(await activeClassOf((await studentOf(schools.CSMA, 'CSMA-IMP-0101')).id)).toEqual(['8EB'])
      expect(await studentOf(schools.CSMA, 'CSMA-IMP-0103')).toBeUndefined()
    } finally {
      await payload.update({ collection: 'classes', id: eb8.id, data: { capacity: 45 }, overrideAccess: true })
    }
  })

  it('plans without writing anything on a dry run, and answers the same counts', async () => {
    const file = await book([header, pupil('CSMA-IMP-0201', 'BOMPETI', 'Gloire'), pupil('CSMA-IMP-0202', 'BOMPETI', 'Merveille', { Sexe: 'X' })])
    const before = await snapshot(schools.CSMA)
    const { body } = await importAs(tokens.secretariat, file, { class: '3P-A', dryRun: 'true' })
    expect(body).toMatchObject({ rows: 2, created: 1, updated: 0, unchanged: 0, rejected: 1, enrolled: 1, dryRun: true })
    expect(body.errors).toEqual([expect.objectContaining({ row: 5, column: 'Sexe', code: 'invalidSex' })])
    expect(await snapshot(schools.CSMA)).toEqual(before)
    expect(await studentOf(schools.CSMA, 'CSMA-IMP-0201')).toBeUndefined()
  })

  it('rolls everything back when the database refuses a row, and says so', async () => {
    // Another session holds an uncommitted pupil with one of the file's matricules: the
    // import plans it as new, its insert waits, then fails once the other session commits.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await other.connect()
    await other.query('begin')
    await other.query(`insert into students (school_id, matricule, last_name, full_name, sex) values ($1, 'CSMA-IMP-0302', 'AUTRE', 'AUTRE', 'M')`, [schools.CSMA])
    const file = await book([header, pupil('CSMA-IMP-0301', 'NSIMBA', 'Joël'), pupil('CSMA-IMP-0302', 'NSIMBA', 'Ariane')])
    const before = await snapshot(schools.CSMA)
    const running = importAs(tokens.secretariat, file, { class: '4P-A' })
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await other.query('commit')
    await other.end()
    const { status, body } = await running
    expect(status).toBe(409)
    expect(body.errors[0].message).toMatch(/^La base de données a refusé l’import \(.*CSMA-IMP-0302.*\) : rien n’a été enregistré/)
    expect(await studentOf(schools.CSMA, 'CSMA-IMP-0301')).toBeUndefined()
    expect(await snapshot(schools.CSMA)).toEqual({ ...before, students: before.students + 1 })
  })

  it('streams its progress as NDJSON and ends with the result', async () => {
    const rows = Array.from({ length: 20 }, (_, n) => pupil(`CSMA-IMP-04${String(n).padStart(2, '0')}`, 'TSHIALA', `Enfant ${n}`, { Téléphone: `0899 000 ${String(100 + n)}`, Tuteur: `TSHIALA Parent${n}` }))
    const response = await rawImport(tokens.secretariat, await book([header, ...rows]), { class: '5P-A' }, { accept: 'application/x-ndjson' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/x-ndjson')
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line))
    expect(lines[0]).toEqual({ progress: 0, total: 20 })
    expect(lines.at(-2)).toEqual({ progress: 20, total: 20 })
    expect(lines.slice(0, -1).every((line) => 'progress' in line)).toBe(true)
    expect(lines.at(-1)).toMatchObject({ rows: 20, created: 20, rejected: 0, errors: [] })
  })
})

describe('files that are not a class list', () => {
  const refusals: [string, () => Promise<Buffer>, RegExp][] = [
    ['a corrupt file', async () => sample.subarray(0, sample.length - 200), /endommagé ou incomplet/],
    ['a CSV renamed .xlsx', async () => Buffer.from('Matricule;Nom;Sexe\nX-1;KABILA;M\n'), /pas un classeur Excel/],
    ['an empty sheet', async () => book([]).then(async () => {
      const workbook = new ExcelJS.Workbook()
      workbook.addWorksheet('Feuil1')
      return Buffer.from(await workbook.xlsx.writeBuffer())
    }), /La feuille est vide/],
    ['a sheet without the needed columns', () => book([['N°', 'Élève', 'Observations'], [1, 'KABILA', 'RAS']]), /Ligne d’en-tête introuvable/],
    ['a sheet of 50,000 rows', () => book([header, ...Array.from({ length: 50_000 }, (_, n) => pupil(`BIG-${n}`, 'KABILA', 'Joseph'))]), /plus de 10\s000 lignes/],
  ]
  it.each(refusals)('refuses %s with a clear message and imports nothing', async (_, file, message) => {
    const before = await snapshot(schools.CSMA)
    const { status, body } = await importAs(tokens.secretariat, await file(), { class: '6P-A' })
    expect(status).toBe(400)
    expect(body.errors[0].message).toMatch(message)
    expect(body.errors[0].message).toMatch(/Rien n’a été importé\.$/)
    expect(await snapshot(schools.CSMA)).toEqual(before)
  })

  it('never takes a formula for a value: =HYPERLINK(...) and computed cells are rejected with their row and column', async () => {
    const file = await book([
      header,
      pupil('CSMA-IMP-0501', { formula: 'UPPER("kabila")', result: 'KABILA' } as never, 'Joseph'),
      pupil('CSMA-IMP-0502', 'KALALA', 'Anne', { 'Lieu de naissance': { formula: 'HYPERLINK("http://exemple.cd/x","Kinshasa")', result: 'Kinshasa' } }),
      pupil('CSMA-IMP-0503', 'KALALA', 'Marc', { 'Lieu de naissance': '=HYPERLINK("http://exemple.cd/x","Kinshasa")' }),
      pupil('CSMA-IMP-0504', 'KALALA', 'Sara'),
    ])
    const { body } = await importAs(tokens.secretariat, file, { class: '6P-A' })
    expect(body).toMatchObject({ rows: 4, created: 1, rejected: 3 })
    expect(body.errors.map((error: { row: number; column: string; code: string }) => [error.row, error.column, error.code])).toEqual([
      [4, 'Nom', 'formula'],
      [5, 'Lieu de naissance', 'formula'],
      [6, 'Lieu de naissance', 'formulaText'],
    ])
    expect(body.errors[1].message).toContain('HYPERLINK')
    for (const matricule of ['CSMA-IMP-0501', 'CSMA-IMP-0502', 'CSMA-IMP-0503']) expect(await studentOf(schools.CSMA, matricule)).toBeUndefined()
  })
})

describe('who may import', () => {
  it.each(['teacher', 'parent', 'finance'])('refuses the %s (403) and imports nothing', async (persona) => {
    const before = await snapshot(schools.CSMA)
    const { status, body } = await importAs(tokens[persona], sample, { class: '3P-A' })
    expect(status).toBe(403)
    expect(body.errors[0].message).toBe('Vous ne pouvez pas importer d’élèves dans cette école.')
    expect(await snapshot(schools.CSMA)).toEqual(before)
  })

  it('refuses a secretary importing into another school', async () => {
    const before = await snapshot(schools.EPPM)
    const { status } = await importAs(tokens.secretariat, sample, { school: 'EPPM', class: '3P' })
    expect(status).toBe(403)
    expect(await snapshot(schools.EPPM)).toEqual(before)
  })

  it('asks IT, who works for both schools, which school to import into', async () => {
    const { status, body } = await importAs(tokens.it, sample, { class: '3P', dryRun: 'true' })
    expect(status).toBe(400)
    expect(body.errors[0].message).toContain('CSMA, EPPM')
    const chosen = await importAs(tokens.it, sample, { school: 'EPPM', class: '3P', dryRun: 'true' })
    expect(chosen.body).toMatchObject({ unchanged: 4, updated: 1, rejected: 1 })
  })
})
