/**
 * Reading a marks sheet for one evaluation: a teacher's list of matricules and scores typed by
 * hand, names alongside for their own eyes. Pure: the import glues it to exceljs and Payload.
 */
import {
  cellText,
  firstUse,
  headerField,
  isFormula,
  normaliseHeader,
  rawValue,
  type FormulaCell,
  type RowError,
  type SheetRow,
} from './classList'
import { scoreProblem } from './grading'

export type MarksField = 'matricule' | 'score' | 'comment'

export type SheetMark = { row: number; matricule: string; score?: number; status: 'scored' | 'absent' | 'exempt'; comment?: string }

// Headers are matched on their first word: "Note /20", "Points obtenus", "Observations du titulaire".
const firstWords: Record<'score' | 'comment', string[]> = {
  score: ['note', 'notes', 'points', 'cote', 'cotes', 'score'],
  comment: ['observation', 'observations', 'commentaire', 'commentaires', 'comment', 'comments'],
}
const absentWords = ['a', 'abs', 'absent', 'absente']
const exemptWords = ['d', 'disp', 'dispense', 'dispensee', 'exempt', 'exempte', 'exemptee']

const marksField = (text: unknown): MarksField | null => {
  if (headerField(text) === 'matricule') return 'matricule'
  const word = typeof text === 'string' ? normaliseHeader(text).split(' ')[0] : ''
  if (firstWords.score.includes(word)) return 'score'
  if (firstWords.comment.includes(word)) return 'comment'
  return null
}

/** The header row: the first (of 20) naming both a matricule and a score column. */
const findMarksHeader = (rows: SheetRow[]) => {
  for (const [index, row] of rows.slice(0, 20).entries()) {
    const columns = new Map<MarksField, number>()
    row.cells.forEach((cell, column) => {
      const field = marksField(cell)
      if (field && !columns.has(field)) columns.set(field, column)
    })
    if (columns.has('matricule') && columns.has('score')) return { index, columns }
  }
  return null
}

/** A score cell as teachers write it: 12, "12,5", "abs"/"A" (absent), "disp"/"D" (exempt); null if none of these. */
export const parseScore = (value: unknown): { status: 'scored'; score: number } | { status: 'absent' | 'exempt' } | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? { status: 'scored', score: value } : null
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (/^[-+]?\d+([.,]\d+)?$/.test(text)) return { status: 'scored', score: Number(text.replace(',', '.')) }
  const word = normaliseHeader(text)
  if (absentWords.includes(word)) return { status: 'absent' }
  if (exemptWords.includes(word)) return { status: 'exempt' }
  return null
}

/**
 * The marks of one evaluation out of `maximum`. A row with an empty score cell gives no mark
 * (not yet marked); every other row gives a mark or, for each cell that stops it, an error.
 */
export const parseMarksSheet = (rows: SheetRow[], maximum: number): { marks: SheetMark[]; errors: RowError<MarksField>[] } => {
  const header = findMarksHeader(rows)
  if (!header) return { marks: [], errors: [{ row: 0, code: 'noHeader' }] }
  const headerText = (field: MarksField) => cellText(rows[header.index].cells[header.columns.get(field)!]) ?? ''
  const matriculeFirstRow = firstUse()
  const marks: SheetMark[] = []
  const errors: RowError<MarksField>[] = []

  for (const { number: row, cells } of rows.slice(header.index + 1)) {
    const cell = (field: MarksField) => (header.columns.has(field) ? cells[header.columns.get(field)!] : undefined)
    if (!isFormula(cell('score')) && cellText(cell('score')) === null) continue
    const rowErrors: RowError<MarksField>[] = []
    const fail = (field: MarksField, code: string, params?: RowError['params']) =>
      rowErrors.push({ row, column: headerText(field), field, code, ...(params && { params }) })

    const formulas = (['matricule', 'score', 'comment'] as const).filter((field) => isFormula(cell(field)))
    for (const field of formulas) fail(field, 'formula', { formula: (cell(field) as FormulaCell).formula })

    const matricule = cellText(cell('matricule'))
    if (matricule === null && !formulas.includes('matricule')) fail('matricule', 'required')
    const firstRow = matricule === null ? null : matriculeFirstRow(matricule, row)
    if (firstRow !== null) fail('matricule', 'duplicateMatricule', { matricule: matricule!, firstRow })

    const mark = formulas.includes('score') ? undefined : parseScore(cell('score'))
    if (mark === null) fail('score', 'invalidScore', { value: rawValue(cell('score')) })
    if (mark?.status === 'scored' && scoreProblem(mark.score, maximum)) fail('score', 'scoreOutOfRange', { score: mark.score, maximum })

    if (rowErrors.length) {
      errors.push(...rowErrors)
      continue
    }
    const comment = cellText(cell('comment'))
    marks.push({ row, matricule: matricule!, ...mark!, ...(comment !== null && { comment }) })
  }
  return { marks, errors }
}
