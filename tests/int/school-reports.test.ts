/**
 * The school's reports on the demo database: a class list, a class's attendance over a period
 * and its results for a term, each as JSON, CSV, xlsx and PDF, the figures checked against what
 * the Local API and the class results endpoint give on their own; who may read which class.
 */
import { execFileSync } from 'node:child_process'
import ExcelJS from 'exceljs'
import { handleEndpoints, type Payload } from 'payload'
import config from '@payload-config'
import { attendanceTotals } from '../../src/domain/attendance'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let p1: Record<string, any>
const tokens: Record<string, string> = {}
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  for (const persona of ['secretariat', 'admin', 'it', 'teacher', 'finance', 'parent', 'student'] as const) tokens[persona] = await tokenFor(payload, demoAccounts[persona])
  p1 = (await payload.find({ collection: 'terms', where: { schoolYear: { equals: fx.classes.taught.schoolYear }, code: { equals: 'P1' } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] as Record<string, any>
})
afterAll(closeTestPayload)

const path = (name: string, query: Record<string, string>) => `/school-reports/${name}?${new URLSearchParams({ class: String(fx.classes.taught.id), ...query })}`
const report = (name: string, query: Record<string, string> = {}, token = tokens.secretariat, headers: Record<string, string> = {}) => rest('GET', path(name, query), { token, headers })
const download = async (name: string, query: Record<string, string>, token = tokens.secretariat) => {
  const url = path(name, query)
  const response = await handleEndpoints({ config, path: `/api${url.split('?')[0]}`, request: new Request(`http://localhost/api${url}`, { headers: { Authorization: `JWT ${token}` } }) })
  expect({ status: response.status, body: response.status === 200 ? '' : await response.clone().text() }).toEqual({ status: 200, body: '' })
  return { type: response.headers.get('content-type'), data: Buffer.from(await response.arrayBuffer()) }
}
const workbook = async (data: Buffer) => {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(data as never)
  return book
}
const pdfText = (data: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: data }).toString()
const csvLines = (body: unknown) => String(body).replace(/^\ufeff/, '').split('\r\n').filter((line, i, all) => line || i < all.length - 1)

/** The class's active pupils with their guardians, as the Local API gives them. */
const pupilsOf = async (klass: number | string) => {
  const enrolled = await payload.find({ collection: 'enrollments', where: { class: { equals: klass }, status: { equals: 'active' } }, pagination: false, depth: 0, overrideAccess: true })
  return (await payload.find({ collection: 'students', where: { id: { in: enrolled.docs.map((e) => e.student as number) } }, pagination: false, depth: 1, overrideAccess: true })).docs as Record<string, any>[]
}

describe('class list', () => {
  it('lists the class’s pupils with sex, birth date and guardians’ phones', async () => {
    const answer = await report('class-list')
    expect(answer.status).toBe(200)
    expect(answer.body.columns.map((c: any) => c.label)).toEqual(['N°', 'Matricule', 'Nom', 'Sexe', 'Né(e) le', 'Tél. tuteurs'])
    const pupils = await pupilsOf(fx.classes.taught.id)
    expect(pupils.length).toBeGreaterThan(0)
    expect(answer.body.rows.map((r: any) => r.matricule).sort()).toEqual(pupils.map((p) => p.matricule).sort())
    for (const pupil of pupils) {
      const row = answer.body.rows.find((r: any) => r.matricule === pupil.matricule)
      expect(row).toMatchObject({ fullName: pupil.fullName, sex: pupil.sex, birthDate: pupil.birthDate ? String(pupil.birthDate).slice(0, 10) : null })
      expect(row.guardianPhones).toBe((pupil.guardians ?? []).map((g: any) => g.phone).filter(Boolean).join(', '))
    }
    expect(answer.body.rows.map((r: any) => r.number)).toEqual(pupils.map((_, i) => i + 1))
    expect(answer.body.title).toContain(fx.classes.taught.code)
  })

  it('as CSV (French and English), xlsx and PDF', async () => {
    const pupils = await pupilsOf(fx.classes.taught.id)
    const fr = await report('class-list', { format: 'csv' })
    expect(fr.headers.get('content-type')).toContain('text/csv')
    const lines = csvLines(fr.body)
    expect(lines[0]).toBe('N°;Matricule;Nom;Sexe;Né(e) le;Tél. tuteurs')
    expect(lines.length).toBe(pupils.length + 1)
    const grace = pupils.find((p) => p.id === fx.students.childA.id)!
    expect(lines.find((l) => l.split(';')[1] === grace.matricule)!.split(';')[2]).toBe(grace.fullName)
    const en = await report('class-list', { format: 'csv' }, tokens.secretariat, { 'Accept-Language': 'en' })
    expect(csvLines(en.body)[0]).toBe('No.,Matricule,Name,Sex,Date of birth,Guardians’ phones')

    const xlsx = await download('class-list', { format: 'xlsx' })
    const sheet = (await workbook(xlsx.data)).worksheets[0]
    expect(sheet.getRow(1).getCell(1).value).toBe(fx.schools.main.name)
    expect(sheet.getRow(3).values).toEqual([undefined, 'N°', 'Matricule', 'Nom', 'Sexe', 'Né(e) le', 'Tél. tuteurs'])
    expect(sheet.rowCount).toBe(3 + pupils.length)
    const graceRow = [...Array(pupils.length).keys()].map((i) => sheet.getRow(4 + i)).find((row) => row.getCell(2).value === grace.matricule)!
    expect(graceRow.getCell(3).value).toBe(grace.fullName)
    if (grace.birthDate) expect((graceRow.getCell(5).value as Date).toISOString().slice(0, 10)).toBe(String(grace.birthDate).slice(0, 10))

    const pdf = await download('class-list', { format: 'pdf' })
    expect(pdf.type).toBe('application/pdf')
    const text = pdfText(pdf.data)
    expect(text).toContain(fx.schools.main.name)
    expect(text).toContain('Liste de classe')
    expect(text).toContain(grace.matricule)
  })

  it('finance: matricules and names only', async () => {
    const answer = await report('class-list', {}, tokens.finance)
    expect(answer.status).toBe(200)
    expect(answer.body.columns.map((c: any) => c.key)).toEqual(['number', 'matricule', 'fullName'])
    expect(answer.body.rows.length).toBe((await pupilsOf(fx.classes.taught.id)).length)
  })
})

describe('attendance', () => {
  // A week of its own: this suite's records are the only ones in it.
  const week = { from: '2026-11-02', to: '2026-11-06' }
  const record = async (student: Record<string, any>, date: string, halfDay: 'morning' | 'afternoon', status: string) => {
    const where = { student: { equals: student.id }, date: { equals: `${date}T00:00:00.000Z` }, halfDay: { equals: halfDay } }
    const found = await payload.find({ collection: 'attendance', where, limit: 1, depth: 0, overrideAccess: true })
    if (!found.docs[0]) await payload.create({ collection: 'attendance', data: { school: fx.schools.main.id, student: student.id, class: fx.classes.taught.id, date, halfDay, status } as never, overrideAccess: true })
  }
  beforeAll(async () => {
    await record(fx.students.childA, '2026-11-02', 'morning', 'absent')
    await record(fx.students.childA, '2026-11-02', 'afternoon', 'late')
    await record(fx.students.childA, '2026-11-03', 'morning', 'present')
    await record(fx.students.childA, '2026-11-03', 'afternoon', 'excused')
    await record(fx.students.childA, '2026-11-04', 'morning', 'present')
  })

  it('per pupil: half-days present, absent, late and excused, the rate, the class’s totals', async () => {
    const answer = await report('attendance', week)
    expect(answer.status).toBe(200)
    const grace = answer.body.rows.find((r: any) => r.fullName === fx.students.childA.fullName)
    expect(grace).toMatchObject({ present: 2, absent: 1, late: 1, excused: 1, rate: 60 })
    // The absences are the report card's, from the records the Local API gives.
    const records = await payload.find({ collection: 'attendance', where: { class: { equals: fx.classes.taught.id }, date: { greater_than_equal: `${week.from}T00:00:00.000Z`, less_than_equal: `${week.to}T23:59:59.999Z` } }, pagination: false, depth: 0, overrideAccess: true })
    const card = attendanceTotals(records.docs.map((r) => ({ student: r.student as number, date: r.date, status: r.status, halfDay: r.halfDay })), [{ id: 'week', startDate: week.from, endDate: week.to }])
    for (const line of card) {
      const pupil = await payload.findByID({ collection: 'students', id: line.student, depth: 0, overrideAccess: true })
      expect(answer.body.rows.find((r: any) => r.matricule === pupil.matricule).absent).toBe(line.halfDaysAbsent)
    }
    expect(answer.body.rows.length).toBe((await pupilsOf(fx.classes.taught.id)).length)
    const sum = (key: string) => answer.body.rows.reduce((total: number, r: any) => total + r[key], 0)
    expect(answer.body.totals[0].values).toMatchObject({ present: sum('present'), absent: sum('absent'), late: sum('late'), excused: sum('excused') })
  })

  it('for a term: its dates', async () => {
    const answer = await report('attendance', { term: String(p1.id) })
    expect(answer.status).toBe(200)
    expect(answer.body.title).toContain(p1.name)
  })

  it('as CSV with decimal commas, xlsx and PDF', async () => {
    const lines = csvLines((await report('attendance', { ...week, format: 'csv' })).body)
    expect(lines[0]).toBe('Matricule;Nom;Présent (½ j);Absent (½ j);Retard (½ j);Excusé (½ j);Assiduité (%)')
    expect(lines.find((l) => l.split(';')[1] === fx.students.childA.fullName)!.split(';').slice(2)).toEqual(['2', '1', '1', '1', '60'])
    expect(lines.at(-1)).toMatch(/^Total;;\d+;\d+;\d+;\d+;(\d+(,\d)?)?$/)

    const sheet = (await workbook((await download('attendance', { ...week, format: 'xlsx' })).data)).worksheets[0]
    expect(sheet.getRow(3).values).toEqual([undefined, 'Matricule', 'Nom', 'Présent (½ j)', 'Absent (½ j)', 'Retard (½ j)', 'Excusé (½ j)', 'Assiduité (%)'])
    const grace = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((row) => row.getCell(2).value === fx.students.childA.fullName)!
    expect([3, 4, 5, 6, 7].map((c) => grace.getCell(c).value)).toEqual([2, 1, 1, 1, 60])

    const text = pdfText((await download('attendance', { ...week, format: 'pdf' })).data)
    expect(text).toContain('Présences')
    expect(text).toContain('02/11/2026')
    expect(text).toContain(fx.students.childA.fullName)
  })
})

describe('results', () => {
  /** The class's figures as the class results endpoint gives them to the same caller. */
  const figuresOf = async (token = tokens.secretariat) => (await rest('GET', `/classes/${fx.classes.taught.id}/results?term=${p1.id}`, { token })).body

  it('per subject: class average, lowest, highest, pass rate; per pupil: percentage and place', async () => {
    const figures = await figuresOf()
    expect(figures.scheme).toBe('rdc')
    const answer = await report('results', { term: String(p1.id) })
    expect(answer.status).toBe(200)
    const [subjects, pupils] = answer.body.sections
    expect(subjects.title).toBe('subjects')
    expect(subjects.rows.map((r: any) => r.subject)).toEqual(figures.subjects.map((s: any) => s.name))
    figures.subjects.forEach((subject: any, j: number) => {
      const points = figures.students.map((line: any) => line.courses[j].parts.P1).filter(Boolean)
      const row = subjects.rows[j]
      const two = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100)
      expect(row).toMatchObject({ average: two(subject.average), min: subject.min, max: subject.max, graded: points.length })
      expect(row.passRate).toBe(points.length ? Math.round((points.filter((p: any) => p.points * 2 >= p.maximum).length / points.length) * 1000) / 10 : null)
    })
    for (const line of figures.students) {
      const row = pupils.rows.find((r: any) => r.fullName === line.fullName)
      expect(row).toMatchObject({ percentage: line.percentage, rank: line.rank })
    }
    expect(pupils.totals[0].values.percentage).toBe(figures.statistics.average)
    expect(answer.body.title).toContain(p1.name)
  })

  it('a teacher sees their own subjects of their own class', async () => {
    const figures = await figuresOf(tokens.teacher)
    const answer = await report('results', { term: String(p1.id) }, tokens.teacher)
    expect(answer.status).toBe(200)
    expect(answer.body.sections[0].rows.map((r: any) => r.subject)).toEqual(figures.subjects.map((s: any) => s.name))
    expect(figures.subjects.length).toBeLessThan((await figuresOf()).subjects.length)
  })

  it('as CSV (two tables), xlsx (two tabs) and PDF', async () => {
    const lines = csvLines((await report('results', { term: String(p1.id), format: 'csv' })).body)
    expect(lines[0]).toBe('Par matière')
    expect(lines[1]).toBe('Matière;Maximum;Notés;Moyenne;Min.;Max.;Réussite (%)')
    const gap = lines.indexOf('')
    expect(lines.slice(gap + 1, gap + 3)).toEqual(['Par élève', 'Place;Matricule;Nom;Pourcentage;Résultat'])
    expect(lines.at(-1)).toMatch(/^Moyenne de la classe;;;[\d,]*;$/)

    const book = await workbook((await download('results', { term: String(p1.id), format: 'xlsx' })).data)
    expect(book.worksheets.map((s) => s.name)).toEqual(['Par matière', 'Par élève'])
    expect(book.worksheets[1].getRow(4).values).toEqual([undefined, 'Place', 'Matricule', 'Nom', 'Pourcentage', 'Résultat'])

    const text = pdfText((await download('results', { term: String(p1.id), format: 'pdf' })).data)
    expect(text).toContain('Résultats')
    expect(text).toContain('Par matière')
    expect(text).toContain('Par élève')
  })
})

describe('who may read which', () => {
  it('the direction and IT read every report', async () => {
    for (const persona of ['admin', 'it'] as const)
      for (const [name, query] of [['class-list', {}], ['attendance', { from: '2026-11-02', to: '2026-11-06' }], ['results', { term: String(p1.id) }]] as const)
        expect({ persona, name, status: (await report(name, query, tokens[persona])).status }).toEqual({ persona, name, status: 200 })
  })

  it('a teacher: their own classes only', async () => {
    expect((await report('class-list', {}, tokens.teacher)).status).toBe(200)
    expect((await report('attendance', { from: '2026-11-02', to: '2026-11-06' }, tokens.teacher)).status).toBe(200)
    for (const name of ['class-list', 'attendance', 'results']) {
      const answer = await report(name, { class: String(fx.classes.childB.id), from: '2026-11-02', to: '2026-11-06' }, tokens.teacher)
      expect({ name, status: answer.status }).toEqual({ name, status: 404 })
    }
  })

  it('finance: no attendance, no results', async () => {
    for (const name of ['attendance', 'results']) expect((await report(name, { from: '2026-11-02', to: '2026-11-06' }, tokens.finance)).status).toBe(403)
  })

  it.each(['parent', 'student'] as const)('as %s: refused, even their own class', async (persona) => {
    const klass = String(persona === 'parent' ? fx.classes.taught.id : fx.classes.self.id)
    for (const name of ['class-list', 'attendance', 'results']) expect((await report(name, { class: klass }, tokens[persona])).status).toBe(403)
  })

  it('the second school’s class: unknown', async () => {
    for (const name of ['class-list', 'attendance', 'results']) expect((await report(name, { class: String(fx.classes.matete.id), from: '2026-11-02', to: '2026-11-06' })).status).toBe(404)
  })

  it('without logging in: refused', async () => {
    expect((await rest('GET', `/school-reports/class-list?class=${fx.classes.taught.id}`)).status).toBe(401)
  })
})

describe('bad parameters', () => {
  const refused = async (name: string, query: Record<string, string>, parameter: string) => {
    const answer = await rest('GET', `/school-reports/${name}?${new URLSearchParams(query)}`, { token: tokens.secretariat })
    expect({ status: answer.status, parameter: answer.body.errors?.[0]?.data?.errors?.[0]?.path }).toEqual({ status: 400, parameter })
    expect(answer.body.errors[0].data.errors[0].message).toBeTruthy()
  }

  it('are refused, naming the parameter', async () => {
    const klass = String(fx.classes.taught.id)
    await refused('class-list', {}, 'class')
    await refused('class-list', { class: klass, format: 'docx' }, 'format')
    await refused('attendance', { class: klass }, 'from')
    await refused('attendance', { class: klass, from: '2026-11-31', to: '2026-12-01' }, 'from')
    await refused('attendance', { class: klass, from: '2026-11-06', to: '2026-11-02' }, 'to')
    await refused('attendance', { class: klass, from: '2025-01-01', to: '2026-11-02' }, 'to')
    await refused('attendance', { class: klass, term: 'x' }, 'term')
    const matete = (await payload.find({ collection: 'terms', where: { school: { equals: fx.schools.matete.id } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
    await refused('attendance', { class: klass, term: String(matete.id) }, 'term')
    await refused('results', { class: klass, term: '999999' }, 'term')
    await refused('results', { class: klass, upTo: 'P9' }, 'upTo')
  })

  it('an unknown report or class: not found', async () => {
    expect((await report('bulletins')).status).toBe(404)
    expect((await report('class-list', { class: '999999' })).status).toBe(404)
    expect((await report('class-list', { class: 'abc' })).status).toBe(404)
  })
})
