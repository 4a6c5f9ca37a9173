/** Marks typed in Excel: imported onto one evaluation as the caller, all or nothing, every refusal naming its row. */
import ExcelJS from 'exceljs'
import type { Payload } from 'payload'
import { t } from '../../src/i18n'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { download } from '../support/download'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let teacher: string
let evaluation: number
let pupils: { id: number; matricule: string }[]
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  teacher = await tokenFor(payload, demoAccounts.teacher)
  const made = await payload.create({
    collection: 'evaluations',
    data: { school: fx.schools.main.id, class: fx.classes.taught.id, subject: fx.subjects.main.id, term: fx.terms.main.id, title: 'Import Excel', kind: 'test', date: '2026-10-21', maximum: 20 },
    overrideAccess: true,
  })
  evaluation = made.id
  const enrolled = await payload.find({ collection: 'enrollments', where: { class: { equals: fx.classes.taught.id }, status: { equals: 'active' } }, pagination: false, depth: 1, overrideAccess: true })
  pupils = enrolled.docs.map((row) => row.student as { id: number; matricule: string }).sort((a, b) => a.id - b.id)
})
afterAll(closeTestPayload)

type Cell = ExcelJS.CellValue
const xlsx = async (...rows: Cell[][]) => {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Notes')
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
const header = ['N°', 'Nom', 'Matricule', 'Note /20', 'Observation']

const upload = (id: number, file: Buffer, { token = teacher, dryRun = false, name = 'notes.xlsx' } = {}) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)]), name)
  return rest('POST', `/evaluations/${id}/import${dryRun ? '?dryRun=true' : ''}`, { token, form })
}
const marksOf = async (id: number) =>
  (await payload.find({ collection: 'grades', where: { evaluation: { equals: id } }, sort: 'student', pagination: false, depth: 0, overrideAccess: true })).docs.map(
    ({ student, status, score, comment }) => ({ student, status, score, comment: comment ?? null }),
  )

describe('importing a marks sheet', () => {
  it("saves the teacher's own evaluation: numbers, decimal commas, abs and disp; a dry run counts without saving", async () => {
    const sheet = await xlsx(
      ['Interrogation — Mathématiques — 5P-A'],
      header,
      [1, 'A', pupils[0].matricule, 14, 'Bien'],
      [2, 'B', pupils[1].matricule, '12,5'],
      [3, 'C', pupils[2].matricule.toLowerCase(), 'abs', 'malade'],
      [4, 'D', pupils[3].matricule, 'disp'],
      [5, 'E', pupils[4].matricule, null, 'pas encore corrigé'],
    )
    const dry = await upload(evaluation, sheet, { dryRun: true })
    expect(dry.status).toBe(200)
    expect(dry.body).toMatchObject({ evaluation, dryRun: true, created: 4, updated: 0, rejected: 0, errors: [] })
    expect(await marksOf(evaluation)).toEqual([])

    const saved = await upload(evaluation, sheet)
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ dryRun: false, created: 4, updated: 0, unchanged: 0, cleared: 0, rejected: 0 })
    expect(await marksOf(evaluation)).toEqual([
      { student: pupils[0].id, status: 'scored', score: 14, comment: 'Bien' },
      { student: pupils[1].id, status: 'scored', score: 12.5, comment: null },
      { student: pupils[2].id, status: 'absent', score: null, comment: 'malade' },
      { student: pupils[3].id, status: 'exempt', score: null, comment: null },
    ])
    // The same sheet again changes nothing; every mark went through the audit trail, as the teacher.
    expect((await upload(evaluation, sheet)).body).toMatchObject({ created: 0, updated: 0, unchanged: 4 })
    const ids = (await payload.find({ collection: 'grades', where: { evaluation: { equals: evaluation } }, depth: 0, overrideAccess: true })).docs.map((grade) => String(grade.id))
    const audited = await payload.find({ collection: 'audit-logs', where: { collection: { equals: 'grades' }, documentId: { in: ids } }, depth: 0, overrideAccess: true })
    expect(audited.docs.map((entry) => [entry.action, entry.actorEmail])).toEqual(ids.map(() => ['create', demoAccounts.teacher]))
  })

  it('refuses a score above the maximum with its row and column, and changes nothing', async () => {
    const before = await marksOf(evaluation)
    const answer = await upload(evaluation, await xlsx(header, [1, 'A', pupils[0].matricule, 9], [2, 'B', pupils[1].matricule, 21]))
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ created: 0, updated: 0, rejected: 1 })
    expect(answer.body.errors).toEqual([{ row: 3, column: 'Note /20', message: t('fr', 'errors.marksImport.scoreOutOfRange', { score: 21, maximum: 20 }) }])
    expect(await marksOf(evaluation)).toEqual(before)
  })

  it('refuses a matricule that is not of the class (another class, or nobody), naming the row', async () => {
    const before = await marksOf(evaluation)
    const answer = await upload(evaluation, await xlsx(header, [1, 'A', pupils[0].matricule, 9], [2, 'B', fx.students.childB.matricule, 10], [3, 'C', 'XX-0000', 11]))
    expect(answer.status).toBe(400)
    expect(answer.body.rejected).toBe(2)
    expect(answer.body.errors.map((error: { row: number }) => error.row)).toEqual([3, 4])
    expect(answer.body.errors[1].message).toBe(t('fr', 'errors.marksImport.unknownMatricule', { matricule: 'XX-0000', class: fx.classes.taught.name }))
    expect(await marksOf(evaluation)).toEqual(before)
  })

  it('refuses formulas, =HYPERLINK among them, whatever column they are in', async () => {
    const before = await marksOf(evaluation)
    const answer = await upload(
      evaluation,
      await xlsx(
        header,
        [1, 'A', pupils[0].matricule, { formula: 'B2+1', result: 12 }],
        [2, 'B', pupils[1].matricule, { formula: 'HYPERLINK("http://x.test","15")', result: '15' }],
        [3, 'C', pupils[2].matricule, 10, { formula: 'HYPERLINK("http://x.test","voir")', result: 'voir' }],
      ),
    )
    expect(answer.status).toBe(400)
    expect(answer.body.errors).toEqual([
      { row: 2, column: 'Note /20', message: t('fr', 'errors.marksImport.formula', { formula: 'B2+1' }) },
      { row: 3, column: 'Note /20', message: t('fr', 'errors.marksImport.formula', { formula: 'HYPERLINK("http://x.test","15")' }) },
      { row: 4, column: 'Observation', message: t('fr', 'errors.marksImport.formula', { formula: 'HYPERLINK("http://x.test","voir")' }) },
    ])
    expect(await marksOf(evaluation)).toEqual(before)
  })

  it('says clearly when the file cannot be read at all: corrupt, CSV renamed, empty, huge, no header', async () => {
    const before = await marksOf(evaluation)
    const good = await xlsx(header, [1, 'A', pupils[0].matricule, 9])
    const empty = new ExcelJS.Workbook()
    empty.addWorksheet('Notes')
    const huge = await xlsx(header, ...Array.from({ length: 1_100 }, (_, i) => [i, 'X', `M-${i}`, 10]))
    const cases: [Buffer, string][] = [
      [good.subarray(0, Math.floor(good.length / 2)), t('fr', 'errors.sheet.corrupt')],
      [Buffer.from(`Matricule;Note\n${pupils[0].matricule};12\n`), t('fr', 'errors.sheet.notXlsx')],
      [Buffer.from(await empty.xlsx.writeBuffer()), t('fr', 'errors.sheet.empty')],
      [huge, t('fr', 'errors.sheet.tooManyRows', { max: 1000 })],
      [await xlsx(['Nom', 'Note'], ['A', 12]), t('fr', 'errors.marksImport.noHeader')],
    ]
    for (const [file, message] of cases) {
      const answer = await upload(evaluation, file)
      expect(answer.status).toBe(400)
      expect(answer.body).toMatchObject({ created: 0, rejected: 1, errors: [{ row: 0, message }] })
    }
    expect(await marksOf(evaluation)).toEqual(before)
    const noFile = await rest('POST', `/evaluations/${evaluation}/import`, { token: teacher, form: new FormData() })
    expect(noFile.status).toBe(400)
  })

  it("answers in the caller's language", async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(Buffer.from('a,b\n1,2\n'))]), 'notes.xlsx')
    const answer = await rest('POST', `/evaluations/${evaluation}/import`, { token: teacher, form, headers: { 'Accept-Language': 'en' } })
    expect(answer.body.errors).toEqual([{ row: 0, message: t('en', 'errors.sheet.notXlsx') }])
  })
})

describe('who may import', () => {
  const sheetFor = (matricule: string) => xlsx(header, [1, 'A', matricule, 3])

  it("refuses the demo teacher on a colleague's evaluation of their own class, and saves nothing", async () => {
    const colleague = fx.evaluations.colleaguePair.id
    const before = await marksOf(colleague)
    const answer = await upload(colleague, await sheetFor(fx.students.childA.matricule))
    expect([403, 404]).toContain(answer.status)
    expect(await marksOf(colleague)).toEqual(before)
  })

  it('gives a parent, the secretariat and an anonymous caller nothing', async () => {
    const before = await marksOf(evaluation)
    const sheet = await sheetFor(fx.students.childA.matricule)
    for (const account of [demoAccounts.parent, demoAccounts.secretariat, demoAccounts.student, demoAccounts.finance]) {
      const answer = await upload(evaluation, sheet, { token: await tokenFor(payload, account) })
      expect([403, 404]).toContain(answer.status)
    }
    expect((await upload(evaluation, sheet, { token: '' })).status).toBe(401)
    expect(await marksOf(evaluation)).toEqual(before)
  })
})

describe('a marks sheet, exported, edited and imported again', () => {
  it('comes back with the edits and nothing else changed', async () => {
    const roundTrip = (
      await payload.create({
        collection: 'evaluations',
        data: { school: fx.schools.main.id, class: fx.classes.taught.id, subject: fx.subjects.main.id, term: fx.terms.main.id, title: 'Aller-retour', kind: 'test', date: '2026-10-22', maximum: 20 },
        overrideAccess: true,
      })
    ).id
    const marks = [
      { status: 'scored', score: 14, comment: 'Bien' },
      { status: 'scored', score: 12.5 },
      { status: 'absent', comment: 'malade' },
      { status: 'exempt' },
    ] as const
    for (const [index, mark] of marks.entries())
      await payload.create({ collection: 'grades', data: { school: fx.schools.main.id, evaluation: roundTrip, student: pupils[index].id, ...mark }, overrideAccess: true })

    const exported = await download(`/evaluations/${roundTrip}/export`, { token: teacher })
    expect(exported.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(exported.data as never)
    const sheet = workbook.worksheets[0]
    const headerRow = sheet.getRows(1, 20)!.find((row) => row.getCell(1).value === 'Matricule')!
    const rows = sheet.getRows(headerRow.number + 1, sheet.rowCount - headerRow.number)!
    const rowOf = (matricule: string) => rows.find((row) => row.getCell(1).value === matricule)!
    expect(rows).toHaveLength(pupils.length)
    expect(pupils.slice(0, 5).map((pupil) => rowOf(pupil.matricule).getCell(5).value)).toEqual([14, 12.5, 'abs', 'disp', null])

    rowOf(pupils[0].matricule).getCell(5).value = 15
    rowOf(pupils[1].matricule).getCell(5).value = 'abs'
    rowOf(pupils[4].matricule).getCell(5).value = '8,5'
    rowOf(pupils[4].matricule).getCell(6).value = 'rattrapage'
    const answer = await upload(roundTrip, Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ created: 1, updated: 2, unchanged: 2, rejected: 0 })
    expect(await marksOf(roundTrip)).toEqual([
      { student: pupils[0].id, status: 'scored', score: 15, comment: 'Bien' },
      { student: pupils[1].id, status: 'absent', score: null, comment: null },
      { student: pupils[2].id, status: 'absent', score: null, comment: 'malade' },
      { student: pupils[3].id, status: 'exempt', score: null, comment: null },
      { student: pupils[4].id, status: 'scored', score: 8.5, comment: 'rattrapage' },
    ])
  })
})
