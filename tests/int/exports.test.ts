/** Class lists, marks sheets and attendance registers as .xlsx: the caller's data, never a formula, readable back. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import type { Payload } from 'payload'
import { normalisePhone, parseClassList } from '../../src/domain/classList'
import { dayOf } from '../../src/domain/timetable'
import { t } from '../../src/i18n'
import { readSheet } from '../../src/sheets/read'
import { demoAccounts, tokenFor } from '../support/accounts'
import { download } from '../support/download'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
const tokens: Record<string, string> = {}
let evaluation: number
const formulaLike = '=HYPERLINK("http://x.test","y")'
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  for (const role of ['teacher', 'parent', 'secretariat', 'finance', 'student'] as const) tokens[role] = await tokenFor(payload, demoAccounts[role])
  const school = fx.schools.main.id
  evaluation = (
    await payload.create({
      collection: 'evaluations',
      data: { school, class: fx.classes.taught.id, subject: fx.subjects.main.id, term: fx.terms.main.id, title: '=SUM(1,2) Interro', kind: 'test', date: '2026-10-23', maximum: 10 },
      overrideAccess: true,
    })
  ).id
  await payload.create({ collection: 'grades', data: { school, evaluation, student: fx.students.childA.id, status: 'scored', score: 7.5, comment: formulaLike }, overrideAccess: true })
  const attendance = (data: Record<string, unknown>) =>
    payload.create({ collection: 'attendance', data: { school, student: fx.students.childA.id, class: fx.classes.taught.id, ...data } as never, overrideAccess: true })
  await attendance({ date: '2026-10-13', halfDay: 'afternoon', status: 'excused', note: '=1+1', justification: formulaLike })
  await attendance({ date: '2026-10-14', slot: fx.timetableSlots.taught.id, status: 'late', minutesLate: 10 })
})
afterAll(closeTestPayload)

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Every worksheet's XML: no cell may carry a formula (<f>). */
const formulas = async (file: Buffer) => {
  const zip = await JSZip.loadAsync(file)
  const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/.*\.xml$/.test(name))
  expect(sheets.length).toBeGreaterThan(0)
  const xml = await Promise.all(sheets.map((name) => zip.file(name)!.async('string')))
  return xml.filter((text) => /<f[\s>]/.test(text)).length
}
const load = async (file: Buffer) => {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(file as never)
  return workbook
}
/** The rows below the header row (the one starting with `first`), as objects keyed by header. */
const table = (sheet: ExcelJS.Worksheet, first = 'Matricule') => {
  const rows = sheet.getRows(1, sheet.rowCount)!
  const header = rows.findIndex((row) => row.getCell(1).value === first)
  const names = (rows[header].values as unknown[]).slice(1).map(String)
  return {
    names,
    rows: rows.slice(header + 1).map((row) => Object.fromEntries(names.map((name, index) => [name, row.getCell(index + 1).value]))),
    title: rows.slice(0, header).map((row) => row.getCell(1).value),
  }
}

describe('the marks sheet export', () => {
  it('holds the class in register order with its marks; user data starting with "=" stays text', async () => {
    const answer = await download(`/evaluations/${evaluation}/export`, { token: tokens.teacher })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe(xlsxType)
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="notes-5P-A-Mathematiques-SUM-1-2-Interro\.xlsx"$/)
    expect(await formulas(answer.data)).toBe(0)

    const { names, rows, title } = table((await load(answer.data)).worksheets[0])
    expect(names).toEqual(['Matricule', 'Nom', 'Post-nom', 'Prénom', 'Note /10', 'Observation'])
    expect(title).toEqual(expect.arrayContaining(['Feuille de notes — =SUM(1,2) Interro', `Classe : ${fx.classes.taught.name}`, 'Cours : Mathématiques', 'Maximum : 10']))
    const enrolled = await payload.count({ collection: 'enrollments', where: { class: { equals: fx.classes.taught.id }, status: { equals: 'active' } }, overrideAccess: true })
    expect(rows).toHaveLength(enrolled.totalDocs)
    const surnames = rows.map((row) => String(row.Nom))
    expect(surnames).toEqual([...surnames].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })))
    expect(rows.find((row) => row.Matricule === fx.students.childA.matricule)).toMatchObject({ Nom: 'MUKENDI', Prénom: 'Grâce', 'Note /10': 7.5, Observation: formulaLike })
    expect(rows.filter((row) => row['Note /10'] !== null)).toHaveLength(1)
  })

  it("is the caller's: a colleague's pair, a parent or finance get nothing", async () => {
    expect((await download(`/evaluations/${fx.evaluations.colleaguePair.id}/export`, { token: tokens.teacher })).status).toBe(404)
    expect((await download(`/evaluations/${evaluation}/export`, { token: tokens.parent })).status).toBe(403)
    expect((await download(`/evaluations/${evaluation}/export`, { token: tokens.finance })).status).toBe(403)
    expect((await download(`/evaluations/${evaluation}/export`)).status).toBe(401)
    expect((await download(`/evaluations/${evaluation}/export`, { token: tokens.secretariat })).status).toBe(200)
  })
})

describe('the class list export', () => {
  it('is read back by the class-list import: every active pupil, names, sex, birth, guardian', async () => {
    const answer = await download(`/classes/${fx.classes.taught.id}/export`, { token: tokens.secretariat })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="liste-5P-A.xlsx"')
    expect(await formulas(answer.data)).toBe(0)

    const parsed = parseClassList((await readSheet(answer.data)).rows)
    expect(parsed.errors).toEqual([])
    const enrolled = await payload.find({ collection: 'enrollments', where: { class: { equals: fx.classes.taught.id }, status: { equals: 'active' } }, pagination: false, depth: 0, overrideAccess: true })
    expect(parsed.records).toHaveLength(enrolled.totalDocs)
    const grace = fx.students.childA
    const guardian = fx.guardians.demoParent
    expect(parsed.records.find((record) => record.matricule === grace.matricule)).toEqual({
      row: expect.any(Number),
      matricule: grace.matricule,
      lastName: 'MUKENDI',
      postName: grace.postName,
      firstName: 'Grâce',
      sex: grace.sex,
      birthDate: dayOf(grace.birthDate),
      birthPlace: grace.birthPlace,
      class: '5P-A',
      guardian: { name: guardian.fullName, phone: normalisePhone(guardian.phone), email: demoAccounts.parent },
    })
  })

  it('follows the field rules: finance gets names without birth or guardians', async () => {
    const answer = await download(`/classes/${fx.classes.taught.id}/export`, { token: tokens.finance })
    expect(answer.status).toBe(200)
    const { rows } = table((await load(answer.data)).worksheets[0])
    expect(rows.find((row) => row.Matricule === fx.students.childA.matricule)).toMatchObject({ Nom: 'MUKENDI', Sexe: null, 'Date de naissance': null, Tuteur: null })
  })

  it("is the caller's: a teacher's own class only, never a parent's or a pupil's", async () => {
    expect((await download(`/classes/${fx.classes.taught.id}/export`, { token: tokens.teacher })).status).toBe(200)
    expect((await download(`/classes/${fx.classes.childB.id}/export`, { token: tokens.teacher })).status).toBe(404)
    expect((await download(`/classes/${fx.classes.taught.id}/export`, { token: tokens.parent })).status).toBe(403)
    expect((await download(`/classes/${fx.classes.self.id}/export`, { token: tokens.student })).status).toBe(403)
  })

  it("writes the headers in the caller's language", async () => {
    const answer = await download(`/classes/${fx.classes.taught.id}/export`, { token: tokens.secretariat, headers: { 'Accept-Language': 'en' } })
    expect(table((await load(answer.data)).worksheets[0]).names.slice(0, 4)).toEqual(['Matricule', 'Surname', 'Post-name', 'First name'])
  })
})

describe('the attendance export', () => {
  const range = (klass: number, from = '2026-09-01', to = '2026-10-31') => `/attendance/export?class=${klass}&from=${from}&to=${to}`

  it('gives a row per pupil, a column per day and session, the totals, and the absences in detail', async () => {
    const answer = await download(range(fx.classes.taught.id), { token: tokens.secretariat })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="presences-5P-A-2026-09-01-2026-10-31.xlsx"')
    expect(await formulas(answer.data)).toBe(0)

    const workbook = await load(answer.data)
    const grid = table(workbook.worksheets[0])
    const grace = grid.rows.find((row) => row.Matricule === fx.students.childA.matricule)!
    expect(grace).toMatchObject({ 'Nom complet': fx.students.childA.fullName, 'Lun 14/09 matin': 'A', 'Mar 13/10 après-midi': 'J', [`Mer 14/10 ${fx.timetableSlots.taught.start}`]: 'R10' })
    const records = await payload.find({
      collection: 'attendance',
      where: { student: { equals: fx.students.childA.id }, date: { greater_than_equal: '2026-09-01T00:00:00.000Z', less_than_equal: '2026-10-31T23:59:59.999Z' } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const count = (status: string) => records.docs.filter((record) => record.status === status).length
    expect(grace).toMatchObject({ Absences: count('absent'), 'Absences justifiées': count('excused'), Retards: count('late') })
    const enrolled = await payload.count({ collection: 'enrollments', where: { class: { equals: fx.classes.taught.id }, status: { equals: 'active' } }, overrideAccess: true })
    expect(grid.rows.length).toBeGreaterThanOrEqual(enrolled.totalDocs)

    const detail = table(workbook.worksheets[1], 'Date').rows.filter((row) => row.Matricule === fx.students.childA.matricule)
    expect(detail.find((row) => row.Séance === 'après-midi')).toMatchObject({ Statut: 'Absence justifiée', Remarque: '=1+1', Justification: formulaLike })
    expect(detail.find((row) => row.Statut === 'En retard')).toMatchObject({ 'Retard (min)': 10 })
  })

  it('refuses a missing class or a bad range with a clear message', async () => {
    const bad = await download(range(fx.classes.taught.id, '2026-10-31', '2026-09-01'), { token: tokens.secretariat })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.data.toString()).errors[0].message).toBe(t('fr', 'export.errors.invalidRange', { max: 366 }))
    expect((await download('/attendance/export?from=2026-09-01&to=2026-09-30', { token: tokens.secretariat })).status).toBe(400)
  })

  it("is the caller's: a teacher's own class only, nothing for a parent or finance", async () => {
    expect((await download(range(fx.classes.taught.id), { token: tokens.teacher })).status).toBe(200)
    expect((await download(range(fx.classes.childB.id), { token: tokens.teacher })).status).toBe(404)
    expect((await download(range(fx.classes.taught.id), { token: tokens.parent })).status).toBe(403)
    expect((await download(range(fx.classes.taught.id), { token: tokens.finance })).status).toBe(403)
  })
})

describe('the command line', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'kelasi-sheets-'))
  // The command line as an operator types it: `npm run kelasi -- <command> … --json`.
  const run = (which: 'export' | 'import', args: string[], options: Record<string, unknown>) => {
    const flags = Object.entries(options).flatMap(([key, value]) => (value === true ? [`--${key}`] : [`--${key}`, String(value)]))
    const child = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/kelasi.ts', which, ...args, ...flags, '--json'], {
      encoding: 'utf8',
      env: process.env,
    })
    const { ok: _ok, command: _command, ...answer } = JSON.parse(child.stdout.trim().split('\n').pop() || '{}')
    return { status: child.status, answer }
  }

  it('exports a class list by class and school code, as the system', () => {
    const out = path.join(folder, 'liste.xlsx')
    const { status, answer } = run('export', ['class-list'], { class: '5P-A', school: 'CSMA', out })
    expect({ status, answer }).toEqual({ status: 0, answer: { file: out, bytes: expect.any(Number) } })
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK')
    expect(run('export', ['class-list'], { class: 'NOPE', school: 'CSMA' })).toEqual({ status: 1, answer: { error: 'No class NOPE in school CSMA.' } })
  })

  it('exports a marks sheet and an attendance register', async () => {
    const marks = run('export', ['marks'], { evaluation: String(evaluation), out: path.join(folder, 'notes-export.xlsx') })
    expect(marks.status).toBe(0)
    expect(table((await load(readFileSync(marks.answer.file))).worksheets[0]).rows).toContainEqual(expect.objectContaining({ Matricule: fx.students.childA.matricule, 'Note /10': 7.5 }))
    const out = path.join(folder, 'presences.xlsx')
    expect(run('export', ['attendance'], { class: '5P-A', school: 'CSMA', from: '2026-10-01', to: '2026-10-31', out })).toEqual({ status: 0, answer: { file: out, bytes: expect.any(Number) } })
    expect(run('export', ['attendance'], { class: '5P-A', school: 'CSMA', from: '2026-10-31', to: '2026-10-01' })).toEqual({
      status: 1,
      answer: { error: t('fr', 'export.errors.invalidRange', { max: 366 }) },
    })
  })

  it('imports marks with a dry run, and fails naming the refused rows', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Notes')
    sheet.addRow(['Matricule', 'Note'])
    sheet.addRow([fx.students.childA.matricule, 9])
    const file = path.join(folder, 'notes.xlsx')
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))
    const dry = run('import', ['marks', file], { evaluation: String(evaluation), 'dry-run': true })
    expect(dry).toMatchObject({ status: 0, answer: { evaluation, dryRun: true, updated: 1, rejected: 0 } })

    sheet.getCell('B2').value = 12
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))
    const refused = run('import', ['marks', file], { evaluation: String(evaluation) })
    expect(refused.status).toBe(1)
    expect(refused.answer.error).toContain(t('fr', 'errors.marksImport.lineColumn', { row: 2, column: 'Note', message: t('fr', 'errors.marksImport.scoreOutOfRange', { score: 12, maximum: 10 }) }))
    const grade = await payload.find({ collection: 'grades', where: { evaluation: { equals: evaluation } }, depth: 0, overrideAccess: true })
    expect(grade.docs.map((doc) => doc.score)).toEqual([7.5])
  })
})
