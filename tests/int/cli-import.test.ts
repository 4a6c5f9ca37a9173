/** `npm run kelasi -- import students FILE`, as an operator types it on the server. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Payload } from 'payload'
import { closeTestPayload, testPayload } from '../support/payload'

const kelasi = (...args: string[]) =>
  spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/kelasi.ts', ...args], { encoding: 'utf8', env: process.env })
const sample = 'tests/fixtures/liste-classe-exemple.xlsx'
const folder = mkdtempSync(path.join(tmpdir(), 'kelasi-cli-import-'))

let payload: Payload
const students = async (where: Record<string, unknown>) => (await payload.count({ collection: 'students', where: where as never, overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await testPayload()
})
afterAll(closeTestPayload)

describe('npm run kelasi -- import students', () => {
  it('answers a dry run as one JSON document listing each rejected row by its sheet row number, and saves nothing', async () => {
    const before = await students({ matricule: { like: 'PAL-3B' } })
    const run = kelasi('import', 'students', sample, '--json', '--school', 'CSMA', '--class', '3P-A', '--dry-run')
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      ok: true,
      command: 'import',
      rows: 6,
      created: 5,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      enrolled: 5,
      dryRun: true,
      errors: [
        { row: 9, column: 'Matricule', field: 'matricule', code: 'required', message: 'valeur obligatoire manquante' },
        { row: 9, column: 'Né(e) le', field: 'birthDate', code: 'invalidDate', message: 'date « 12/13/2018 » invalide : écrivez jj/mm/aaaa' },
      ],
    })
    expect(await students({ matricule: { like: 'PAL-3B' } })).toBe(before)
  })

  it('imports a list, then finds every row unchanged the second time', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Liste').addRows([
      ['EP Les Palmiers — 4e primaire'],
      ['Matricule', 'Nom', 'Prénom', 'Sexe', 'Date de naissance', 'Tuteur', 'Téléphone'],
      ['CLI-0001', 'MATONDO', 'Plamedie', 'F', '12/01/2017', 'MATONDO Jules', '0812220001'],
      ['CLI-0002', 'MATONDO', 'Gloire', 'M', new Date(Date.UTC(2016, 5, 3)), 'MATONDO Jules', '+243 81 222 0001'],
    ])
    const file = path.join(folder, 'liste-4p.xlsx')
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))

    const first = kelasi('import', 'students', file, '--json', '--school', 'EPPM', '--class', '4P')
    expect(first.status).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, rows: 2, created: 2, rejected: 0, enrolled: 2, dryRun: false })
    const saved = await payload.find({ collection: 'students', where: { matricule: { in: ['CLI-0001', 'CLI-0002'] } }, sort: 'matricule', overrideAccess: true })
    expect(saved.docs.map((student) => student.fullName)).toEqual(['MATONDO Plamedie', 'MATONDO Gloire'])
    expect(new Set(saved.docs.map((student) => JSON.stringify(student.guardians?.map((g) => (typeof g === 'object' ? g.id : g))))).size).toBe(1)

    const again = kelasi('import', 'students', file, '--school', 'EPPM', '--class', '4P')
    expect(again.status).toBe(0)
    expect(again.stderr).toContain('2 ligne(s) : 0 créée(s), 0 mise(s) à jour, 2 inchangée(s), 0 refusée(s).')
  })

  it('exits 1 with a clear message on a file that is not a workbook, importing nothing', () => {
    const csv = path.join(folder, 'liste.xlsx')
    writeFileSync(csv, 'Matricule;Nom;Sexe\nX-1;KABILA;M\n')
    const run = kelasi('import', 'students', csv, '--json', '--school', 'CSMA')
    expect(run.status).toBe(1)
    expect(JSON.parse(run.stdout)).toEqual({
      ok: false,
      command: 'import',
      error: expect.stringMatching(/^Ce fichier n’est pas un classeur Excel \(\.xlsx\).*Rien n’a été importé\.$/),
    })
  })

  it('asks which school when the database holds several, and says what it can import', () => {
    const noSchool = kelasi('import', 'students', sample, '--json', '--dry-run')
    expect(noSchool.status).toBe(1)
    expect(JSON.parse(noSchool.stdout).error).toContain('CSMA, EPPM')
    const unknownKind = kelasi('import', 'teachers', sample)
    expect(unknownKind.status).toBe(1)
    expect(unknownKind.stderr).toContain('students')
    expect(kelasi('import', 'students', 'nowhere.xlsx').stderr).toContain('No file nowhere.xlsx.')
  })
})
