import { idOf, type ID } from '../../src/access/ids'
import { rdcPeriods, type Points, type RdcPart } from '../../src/domain/grading'
import { loadClassResults } from '../../src/results/classResults'
import type { Evaluation, Grade, Term } from '../../payload-types'
import type { Child } from '../family'
import type { FamilyMember } from '../session'

export type Mark = { id: ID; title: string; date: string; kind: Evaluation['kind']; status: Grade['status']; score: number | null; maximum: number; comment: string | null }
export type Figure = { value: number | null; outOf: number | null }
export type SubjectMarks = { id: ID; name: string; marks: Mark[]; figure: Figure; classAverage: Figure; rank: number | null }

const points = (p: Points | null | undefined): Figure => (p ? { value: p.points, outOf: p.maximum } : { value: null, outOf: null })

/**
 * A child's published marks for one term, grouped by subject, with the figures of that term's
 * bulletin (French: averages out of 20; Congolese: the period's points) and the place in class.
 * Every read is the family member's own: unpublished marks never reach this page.
 */
export const marksOf = async (member: FamilyMember, child: Child, asked?: string) => {
  const { payload, req } = member
  if (!child.class) return null
  const as = { overrideAccess: false, req, pagination: false } as const
  const [terms, grades] = await Promise.all([
    payload.find({ collection: 'terms', where: { schoolYear: { equals: child.class.schoolYear } }, sort: 'order', select: { name: true, code: true, startDate: true, endDate: true }, depth: 0, ...as }),
    payload.find({
      collection: 'grades',
      where: { student: { equals: child.id }, class: { equals: child.class.id }, published: { equals: true } },
      select: { evaluation: true, status: true, score: true, comment: true, term: true, subject: true },
      depth: 0,
      ...as,
    }),
  ])
  // The evaluations in one read of our own: at depth 1 Payload would also load each mark's subject and term, used here as ids.
  const evaluationIds = [...new Set(grades.docs.map((g) => idOf(g.evaluation as never)).filter((id) => id != null))]
  const evaluations = evaluationIds.length
    ? (await payload.find({ collection: 'evaluations', where: { id: { in: evaluationIds } }, select: { title: true, date: true, kind: true, maximum: true }, depth: 0, ...as })).docs
    : []
  const evaluationOf = new Map(evaluations.map((e) => [String(e.id), e as Evaluation]))
  const withMarks = new Set(grades.docs.map((g) => String(idOf(g.term as never))))
  const today = new Date().toISOString()
  const term =
    terms.docs.find((t) => String(t.id) === asked) ??
    [...terms.docs].reverse().find((t) => withMarks.has(String(t.id))) ??
    terms.docs.find((t) => t.startDate <= today && today <= t.endDate) ??
    terms.docs[0]
  if (!term) return { terms: [], term: null, subjects: [], overall: null }

  const results = await loadClassResults(req, child.class.id, { term: term.id }, { terms: terms.docs })
  const line = results.students[0] as Record<string, unknown> | undefined
  const part = rdcPeriods.find((p) => p === term.code?.trim().toUpperCase()) as RdcPart | undefined
  const ofTerm = grades.docs.filter((g) => String(idOf(g.term as never)) === String(term.id))

  const subjects: SubjectMarks[] = results.subjects.map((subject, j) => {
    const marks = ofTerm
      .filter((g) => String(idOf(g.subject as never)) === String(subject.id) && evaluationOf.has(String(idOf(g.evaluation as never))))
      .map((g) => {
        const evaluation = evaluationOf.get(String(idOf(g.evaluation as never)))!
        return { id: g.id, title: evaluation.title, date: evaluation.date, kind: evaluation.kind, status: g.status, score: g.score ?? null, maximum: evaluation.maximum, comment: g.comment ?? null }
      })
      .sort((a, b) => a.date.localeCompare(b.date))
    const stats = subject as unknown as { average: number | null; count?: number }
    if (results.scheme === 'french') {
      const own = (line?.subjects as { average: number | null; rank: number | null }[] | undefined)?.[j]
      return { id: subject.id, name: subject.name, marks, figure: { value: own?.average ?? null, outOf: 20 }, classAverage: { value: stats.average, outOf: 20 }, rank: own?.rank ?? null }
    }
    const course = (line?.courses as { parts: Record<RdcPart, Points | null> }[] | undefined)?.[j]
    const own = part ? points(course?.parts[part]) : { value: null, outOf: null }
    return { id: subject.id, name: subject.name, marks, figure: own, classAverage: { value: stats.average, outOf: own.outOf }, rank: null }
  })
  const statistics = results.statistics as { count: number; average: number | null }
  const overall = line
    ? {
        scheme: results.scheme,
        average: results.scheme === 'french' ? ((line.average as number | null) ?? null) : null,
        percentage: (line.percentage as number | null) ?? null,
        rank: (line.rank as number | null) ?? null,
        count: statistics.count,
        classPercentage: results.scheme === 'french' ? null : statistics.average,
        classAverage: results.scheme === 'french' ? statistics.average : null,
      }
    : null
  return {
    terms: terms.docs.map((t: Partial<Term>) => ({ id: t.id!, name: t.name! })),
    term: { id: term.id, name: term.name },
    subjects: subjects.filter((s) => s.marks.length || s.figure.value !== null),
    overall,
  }
}

export type Marks = NonNullable<Awaited<ReturnType<typeof marksOf>>>
