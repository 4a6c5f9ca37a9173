import { initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { idOf, type ID } from '../access/ids'
import { existingRecords } from '../db/perRequest'
import { inTransaction } from '../db/transaction'

/** A comment left undefined keeps the one the mark has (a sheet's empty cell); null removes it. */
export type Mark = { student: ID; status: 'scored' | 'absent' | 'exempt'; score: number | null; comment?: string | null }
export type Clear = { student: ID; clear: true }
export type Counts = { created: number; updated: number; cleared: number; unchanged: number }
type Evaluation = { id: ID; school?: unknown }

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
    // One query for every pupil named, instead of one per mark when each is validated.
    await existingRecords(req, 'students', marks.map((mark) => mark.student))
    const byStudent = new Map(existing.docs.map((grade) => [String(idOf(grade.student)), grade]))
    for (const mark of marks) {
      const current = byStudent.get(String(mark.student))
      if ('clear' in mark) {
        if (current) await req.payload.delete({ collection: 'grades', id: current.id, ...as })
        counts[current ? 'cleared' : 'unchanged']++
        continue
      }
      if (!current) {
        await req.payload.create({ collection: 'grades', data: { school: idOf(evaluation.school as never), evaluation: evaluation.id, ...mark } as never, ...as })
        counts.created++
        continue
      }
      const comment = mark.comment === undefined ? current.comment || null : mark.comment
      if (current.status !== mark.status || (current.score ?? null) !== mark.score || (current.comment || null) !== comment) {
        await req.payload.update({ collection: 'grades', id: current.id, data: { status: mark.status, score: mark.score, comment }, ...as })
        counts.updated++
      } else counts.unchanged++
    }
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
