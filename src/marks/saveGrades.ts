import { Forbidden, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { idOf, type ID } from '../access/ids'
import { clientIP } from '../../hooks/audit'
import { inserter } from '../db/bulk'
import { auditChanges } from '../domain/audit'
import { copiedFromEvaluation } from './derived'
import { inTransaction } from '../db/transaction'

/** A comment left undefined keeps the one the mark has (a sheet's empty cell); null removes it. */
export type Mark = { student: ID; status: 'scored' | 'absent' | 'exempt'; score: number | null; comment?: string | null }
export type Clear = { student: ID; clear: true }
export type Counts = { created: number; updated: number; cleared: number; unchanged: number }
type Evaluation = { id: ID; school?: unknown }

/**
 * New marks in multi-row inserts: the caller's right to add marks to this evaluation is checked
 * once (the grades' own create access), every line was checked against the evaluation before, and
 * what the hooks would do is done here: the copied evaluation fields and one audit entry per mark.
 */
const createAll = async (req: PayloadRequest, evaluationId: ID, marks: Mark[], system: boolean) => {
  if (!marks.length) return 0
  const evaluation = await req.payload.findByID({ collection: 'evaluations', id: evaluationId, depth: 0, overrideAccess: true, req })
  const copied = copiedFromEvaluation(evaluation)
  const create = req.payload.collections.grades.config.access.create
  if (!system && (await create({ req, data: { evaluation: evaluation.id, school: copied.school } })) !== true) throw new Forbidden(req.t)
  const rows = marks.map((mark) => ({ ...copied, evaluation: evaluation.id, student: mark.student, status: mark.status, score: mark.status === 'scored' ? mark.score : null, comment: mark.comment ?? null }))
  const insert = await inserter(req.payload, req)
  const ids = await insert('grades', rows)
  const who = { user: req.user?.id ?? null, actorEmail: req.user?.email ?? null, ip: clientIP(req) ?? null, userAgent: req.headers?.get('user-agent') ?? null }
  await insert(
    'audit_logs',
    rows.map((row, index) => ({ action: 'create', collection: 'grades', documentId: String(ids[index]), school: row.school, changes: auditChanges(null, { id: ids[index], ...row }), ...who })),
  )
  return ids.length
}

/**
 * Marks already checked against the evaluation, saved in one transaction: each one created,
 * changed or cleared through the caller's access rules, hooks and audit trail, as a single edit
 * would be. One refusal leaves every mark as it was. `system` (the command line) skips access.
 */
export const saveGrades = async (
  req: PayloadRequest,
  evaluation: Evaluation,
  marks: (Mark | Clear)[],
  { dryRun = false, system = false }: { dryRun?: boolean; system?: boolean } = {},
): Promise<Counts> => {
  const as = { req, overrideAccess: system, depth: 0 } as const
  const counts = { created: 0, updated: 0, cleared: 0, unchanged: 0 }
  const save = async () => {
    const existing = await req.payload.find({ collection: 'grades', where: { evaluation: { equals: evaluation.id } }, pagination: false, ...as, overrideAccess: true })
    const byStudent = new Map(existing.docs.map((grade) => [String(idOf(grade.student)), grade]))
    const fresh: Mark[] = []
    for (const mark of marks) {
      const current = byStudent.get(String(mark.student))
      if ('clear' in mark) {
        if (current) await req.payload.delete({ collection: 'grades', id: current.id, ...as })
        counts[current ? 'cleared' : 'unchanged']++
        continue
      }
      if (!current) {
        fresh.push(mark)
        continue
      }
      const comment = mark.comment === undefined ? current.comment || null : mark.comment
      if (current.status !== mark.status || (current.score ?? null) !== mark.score || (current.comment || null) !== comment) {
        await req.payload.update({ collection: 'grades', id: current.id, data: { status: mark.status, score: mark.score, comment }, ...as })
        counts.updated++
      } else counts.unchanged++
    }
    counts.created = await createAll(req, evaluation.id, fresh, system)
  }
  if (!dryRun) {
    await inTransaction(req, save)
    return counts
  }
  // A dry run makes the very same writes, so access rules and hooks answer as they would, then rolls them back.
  if (!(await initTransaction(req))) throw new Error('saveGrades: a dry run needs a request without an open transaction')
  try {
    await save()
  } finally {
    await killTransaction(req)
  }
  return counts
}
