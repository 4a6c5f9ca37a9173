/**
 * A marks sheet filled in Excel, saved onto one evaluation: matricules are looked up among the
 * evaluation's class, every row is checked, and only a sheet without a single refused row is
 * saved, in one transaction, through the caller's access rules (`saveGrades`).
 */
import { Forbidden, type PayloadRequest } from 'payload'
import { classRoster } from '../../collections/academics/classRoster'
import { idOf, type ID } from '../access/ids'
import { parseMarksSheet } from '../domain/marksSheet'
import { tReq } from '../i18n'
import { saveGrades, type Counts, type Mark } from '../marks/saveGrades'
import { SheetError } from '../sheets/errors'
import { sheetErrorMessage } from '../sheets/messages'
import { readSheet } from '../sheets/read'

export type ImportError = { row: number; column?: string; message: string }
export type MarksImportReport = Counts & { evaluation: ID; dryRun: boolean; rejected: number; errors: ImportError[] }

/** A class's marks sheet has a title, a header and one row per pupil: far below this. */
const maxRows = 1_000

/** Matricules as teachers retype them: any case, stray spaces. */
const matriculeKey = (matricule: string) => matricule.replace(/\s+/g, '').toUpperCase()

export const importMarks = async (
  req: PayloadRequest,
  evaluationId: ID,
  file: Buffer | string,
  { dryRun = false, system = false }: { dryRun?: boolean; system?: boolean } = {},
): Promise<MarksImportReport> => {
  const evaluation = await req.payload.findByID({ collection: 'evaluations', id: evaluationId, depth: 1, overrideAccess: system, req })
  // Whoever may not enter this evaluation's marks is refused before their file is read.
  const mayEnter = system || (await req.payload.collections.grades.config.access.create({ req, data: { evaluation: evaluation.id, school: idOf(evaluation.school as never) } }))
  if (mayEnter !== true) throw new Forbidden(req.t)
  const klass = evaluation.class as { id: ID; name?: string } | ID
  const report = { evaluation: evaluation.id, dryRun, created: 0, updated: 0, cleared: 0, unchanged: 0, rejected: 0 }
  const refuse = (errors: ImportError[]) => ({ ...report, rejected: new Set(errors.map((error) => error.row)).size, errors })

  let rows
  try {
    rows = (await readSheet(file, { maxRows })).rows
  } catch (error) {
    if (error instanceof SheetError) return refuse([{ row: 0, message: sheetErrorMessage(req, error) }])
    throw error
  }
  const parsed = parseMarksSheet(rows, evaluation.maximum)
  const errors: ImportError[] = parsed.errors.map(({ row, column, code, params }) => ({
    row,
    ...(column && { column }),
    message: tReq(req, `errors.marksImport.${code}`, params),
  }))

  const roster = await classRoster(req, idOf(klass)!, { system, select: { matricule: true } })
  const byMatricule = new Map(roster.map((student) => [matriculeKey(student.matricule), student.id]))
  const marks: Mark[] = []
  for (const mark of parsed.marks) {
    const student = byMatricule.get(matriculeKey(mark.matricule))
    if (student === undefined) {
      const className = typeof klass === 'object' ? (klass.name ?? '') : ''
      errors.push({ row: mark.row, message: tReq(req, 'errors.marksImport.unknownMatricule', { matricule: mark.matricule, class: className }) })
    } else marks.push({ student, status: mark.status, score: mark.score ?? null, comment: mark.comment })
  }
  if (errors.length) return refuse(errors.sort((a, b) => a.row - b.row))
  return { ...report, ...(await saveGrades(req, evaluation, marks, { dryRun, system })), errors }
}

/** One refused row as a sentence: "Ligne 5, colonne « Note /20 » : …", or the file's own problem. */
export const describeImportError = (req: Pick<PayloadRequest, 'i18n'>, { row, column, message }: ImportError) =>
  tReq(req, `errors.marksImport.${row === 0 ? 'file' : column ? 'lineColumn' : 'line'}`, { row, column: column ?? '', message })
