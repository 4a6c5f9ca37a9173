import type { Endpoint, PayloadRequest } from 'payload'
import { idOf } from '../../src/access/ids'
import { bodyOf, needUser } from '../../src/api/request'
import { scoreProblem } from '../../src/domain/grading'
import { tReq } from '../../src/i18n'
import { saveGrades, type Clear, type Mark } from '../../src/marks/saveGrades'
import { invalid, type FieldError } from '../../hooks/invalid'
import { classStudents } from '../academics/classStudents'

type Entry = { student?: unknown; status?: string | null; score?: unknown; comment?: string | null }

/** Checks every line before anything is written; the refusal names each line, its student and what is wrong. */
const checkEntries = (req: PayloadRequest, entries: Entry[], students: Map<string, string>, maximum: number) => {
  const errors: FieldError[] = []
  const marks: (Mark | Clear)[] = []
  const seen = new Set<string>()
  entries.forEach((entry, index) => {
    const student = String(idOf(entry.student as never) ?? '')
    const who = { line: index + 1, student: students.get(student) ?? student }
    const fail = (field: string, key: string, vars: Record<string, string | number> = {}) =>
      errors.push({ path: `grades.${index}.${field}`, message: tReq(req, 'errors.gradeLine', { ...who, reason: tReq(req, key, { ...vars, maximum }) }) })
    if (!students.has(student)) return fail('student', 'errors.notInClass')
    if (seen.has(student)) return fail('student', 'errors.duplicateStudent')
    seen.add(student)
    const status = entry.status ?? (entry.score == null || entry.score === '' ? null : 'scored')
    if (status === null) return marks.push({ student: idOf(entry.student as never)!, clear: true })
    if (!['scored', 'absent', 'exempt'].includes(status)) return fail('status', 'errors.invalidGradeStatus', { status })
    const score = status === 'scored' ? Number(entry.score) : null
    const problem = status === 'scored' ? (entry.score == null || entry.score === '' ? 'required' : scoreProblem(score!, maximum)) : null
    if (problem) return fail('score', `errors.score.${problem}`, { score: String(entry.score) })
    marks.push({ student: idOf(entry.student as never)!, status: status as Mark['status'], score, comment: entry.comment?.trim() || null })
  })
  if (errors.length) throw invalid(req, errors)
  return marks
}

export type MarkSheet = { grades?: Entry[] }

export const saveMarkSheet = async (req: PayloadRequest, id: string, body: MarkSheet) => {
  if (!Array.isArray(body.grades)) throw invalid(req, [{ path: 'grades', message: tReq(req, 'errors.gradesListExpected') }])
  const as = { req, overrideAccess: false, depth: 0 } as const
  const evaluation = await req.payload.findByID({ collection: 'evaluations', id, ...as })
  const students = await classStudents(req, idOf(evaluation.class)!)
  const marks = checkEntries(req, body.grades, students, evaluation.maximum)
  const counts = await saveGrades(req, evaluation, marks)
  const saved = await req.payload.find({ collection: 'grades', where: { evaluation: { equals: evaluation.id } }, pagination: false, ...as })
  return { evaluation: evaluation.id, ...counts, grades: saved.docs }
}

/**
 * A whole evaluation's marks in one request and one transaction: every line is checked first,
 * then saved by `saveGrades`. A refused line leaves every mark as it was.
 */
export const gradesEndpoint: Endpoint = {
  path: '/:id/grades',
  method: 'post',
  handler: async (req) => {
    needUser(req)
    return Response.json(await saveMarkSheet(req, String(req.routeParams?.id), await bodyOf<MarkSheet>(req)))
  },
}
