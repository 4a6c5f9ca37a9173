import type { SheetRow } from '../../src/domain/classList'
import { parseMarksSheet, parseScore } from '../../src/domain/marksSheet'

/** Rows as the reader gives them, numbered from 1 like the sheet. */
const sheet = (...rows: unknown[][]): SheetRow[] => rows.map((cells, index) => ({ number: index + 1, cells }))

describe('a score cell as teachers write it', () => {
  it('reads numbers, French decimal commas, absences and exemptions', () => {
    expect(parseScore(14)).toEqual({ status: 'scored', score: 14 })
    expect(parseScore(' 12,5 ')).toEqual({ status: 'scored', score: 12.5 })
    expect(parseScore('7.25')).toEqual({ status: 'scored', score: 7.25 })
    for (const absent of ['abs', 'Absent', 'A', 'absente']) expect(parseScore(absent)).toEqual({ status: 'absent' })
    for (const exempt of ['disp', 'Dispensé', 'EXEMPT', 'D']) expect(parseScore(exempt)).toEqual({ status: 'exempt' })
    for (const nonsense of ['douze', '12/20', '1 2', true, new Date()]) expect(parseScore(nonsense)).toBeNull()
  })
})

describe('a marks sheet for one evaluation', () => {
  const header = ['N°', 'Nom et post-nom', 'Matricule', 'Note /20', 'Observation']

  it('finds the columns below a title, ignores the names, and skips pupils not yet marked', () => {
    const { marks, errors } = parseMarksSheet(
      sheet(
        ['Interrogation 2 — Mathématiques — 3e B'],
        header,
        [1, 'KABILA Joseph', 'A-1', 14, 'Bien'],
        [2, 'ILUNGA Ruth', 'A-2', '9,5'],
        [3, 'MBUYI Dan', 'A-3', 'abs', 'malade'],
        [4, 'TSHALA Grâce', 'A-4', 'disp'],
        [5, 'KAPINGA Sarah', 'A-5', '', 'à rattraper'],
        [],
      ),
      20,
    )
    expect(errors).toEqual([])
    expect(marks).toEqual([
      { row: 3, matricule: 'A-1', status: 'scored', score: 14, comment: 'Bien' },
      { row: 4, matricule: 'A-2', status: 'scored', score: 9.5 },
      { row: 5, matricule: 'A-3', status: 'absent', comment: 'malade' },
      { row: 6, matricule: 'A-4', status: 'exempt' },
    ])
  })

  it('says which row and column is wrong and why, and keeps the other marks', () => {
    const { marks, errors } = parseMarksSheet(
      sheet(
        ['Matricule', 'Points'],
        ['A-1', 11],
        ['A-2', 21],
        ['A-3', -1],
        ['A-4', 'onze'],
        ['', 8],
        ['A-1', 12],
        ['A-6', { formula: 'B2+1', result: 12 }],
      ),
      20,
    )
    expect(marks).toEqual([{ row: 2, matricule: 'A-1', status: 'scored', score: 11 }])
    expect(errors).toEqual([
      { row: 3, column: 'Points', field: 'score', code: 'scoreOutOfRange', params: { score: 21, maximum: 20 } },
      { row: 4, column: 'Points', field: 'score', code: 'scoreOutOfRange', params: { score: -1, maximum: 20 } },
      { row: 5, column: 'Points', field: 'score', code: 'invalidScore', params: { value: 'onze' } },
      { row: 6, column: 'Matricule', field: 'matricule', code: 'required' },
      { row: 7, column: 'Matricule', field: 'matricule', code: 'duplicateMatricule', params: { matricule: 'A-1', firstRow: 2 } },
      { row: 8, column: 'Points', field: 'score', code: 'formula', params: { formula: 'B2+1' } },
    ])
  })

  it('accepts the maximum itself and zero', () => {
    const { marks } = parseMarksSheet(sheet(['N° matricule', 'Cote'], ['A-1', 10], ['A-2', 0]), 10)
    expect(marks.map((mark) => mark.score)).toEqual([10, 0])
  })

  it('says when no row names both a matricule and a score column', () => {
    expect(parseMarksSheet(sheet(['Nom', 'Note'], ['KABILA', 12]), 20)).toEqual({ marks: [], errors: [{ row: 0, code: 'noHeader' }] })
  })
})
