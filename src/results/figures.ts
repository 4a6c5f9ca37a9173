/**
 * What both loaders (a class as its caller, a whole school as the system) share: which marks a
 * query counts, and one class's figures with names, in the same shape for both grading schemes.
 */
import { rdcPeriods, round } from '../domain/grading'
import {
  frenchResults,
  rdcResults,
  type EvaluationRecord,
  type GradeRecord,
  type ID,
  type RdcBulletin,
  type SubjectRecord,
  type TermRecord,
} from '../domain/results'

export type Scheme = 'rdc' | 'french'
export type ResultsQuery = { term?: ID | null; upTo?: string | null; publishedOnly?: boolean }

export const bulletins: readonly RdcBulletin[] = [...rdcPeriods, 'S1', 'S2', 'year']

/** The terms a French average pools, and the bulletin the Congolese scheme computes. */
export type Selection = { term: ID | null; termIds: ID[]; upTo: RdcBulletin }
export type SelectionProblem = { path: 'term' | 'upTo'; problem: 'termNotOfYear' | 'termNotAPeriod' | 'unknownBulletin' | 'bulletinRdcOnly' }

/** `?term=` names one term (for the Congolese scheme, the bulletin of that period or exam); else `?upTo=`, the year by default. */
export const selectionOf = (scheme: Scheme, terms: TermRecord[], query: ResultsQuery): Selection | SelectionProblem => {
  const allTerms = terms.map((term) => term.id)
  if (query.term != null && query.term !== '') {
    const term = terms.find((candidate) => String(candidate.id) === String(query.term))
    if (!term) return { path: 'term', problem: 'termNotOfYear' }
    if (scheme === 'french') return { term: term.id, termIds: [term.id], upTo: 'year' }
    const part = rdcPeriods.find((period) => period === term.code?.trim().toUpperCase())
    return part ? { term: term.id, termIds: allTerms, upTo: part } : { path: 'term', problem: 'termNotAPeriod' }
  }
  const wanted = (query.upTo ?? 'year').trim().toLowerCase()
  const upTo = bulletins.find((bulletin) => bulletin.toLowerCase() === wanted)
  if (!upTo) return { path: 'upTo', problem: 'unknownBulletin' }
  if (scheme === 'french' && upTo !== 'year') return { path: 'upTo', problem: 'bulletinRdcOnly' }
  return { term: null, termIds: allTerms, upTo }
}

export type ClassRecords = {
  students: { id: ID; fullName: string }[]
  /** In the bulletin's order; `periodMaximum` 0 when the school year has none. */
  subjects: (SubjectRecord & { name: string })[]
  terms: TermRecord[]
  evaluations: EvaluationRecord[]
  grades: GradeRecord[]
}

/**
 * One class's figures: each pupil's line (French: subject averages and general average out of
 * 20; Congolese: the bulletin's points) with `percentage` and `rank` on every line, the class
 * statistics of the ranked figure, and per subject the class's average, lowest and highest.
 */
export const classFigures = (scheme: Scheme, records: ClassRecords, selection: Selection) => {
  // The Congolese scheme cannot count a course without its maximum for the year: it is named, not guessed.
  const counted = scheme === 'rdc' ? records.subjects.filter((subject) => subject.periodMaximum > 0) : records.subjects
  const input = { ...records, students: records.students.map((student) => student.id), subjects: counted }
  const names = new Map(records.students.map((student) => [String(student.id), student.fullName]))
  const subjects = <T extends { subject: ID }>(stats: T[]) =>
    counted.map((subject, j) => {
      const { subject: _id, ...figures } = stats[j]
      return { id: subject.id, name: subject.name, coefficient: subject.coefficient, periodMaximum: subject.periodMaximum, ...figures }
    })
  const common = {
    subjectsWithoutMaximum: records.subjects.filter((subject) => !counted.includes(subject)).map((subject) => subject.name),
  }
  if (scheme === 'french') {
    const result = frenchResults(input, selection.termIds)
    return {
      ...common,
      scheme: 'french' as const,
      students: result.students.map((line) => ({
        ...line,
        fullName: names.get(String(line.student)) ?? '',
        // Out of 20 brought to 100, so one pass mark serves both schemes.
        percentage: line.average === null ? null : round(line.average * 5, 1),
      })),
      statistics: result.general,
      subjects: subjects(result.subjects),
      ignoredEvaluations: result.ignoredEvaluations,
    }
  }
  const result = rdcResults(input, selection.upTo)
  return {
    ...common,
    scheme: 'rdc' as const,
    students: result.students.map((line) => ({ ...line, fullName: names.get(String(line.student)) ?? '' })),
    statistics: result.percentage,
    subjects: subjects(result.courses),
    ignoredEvaluations: result.ignoredEvaluations,
  }
}

export type ClassFigures = ReturnType<typeof classFigures>

/** A subject's maximum per period for one school year, 0 when the school has not set it. */
export const periodMaximumOf = (maxima: { schoolYear: unknown; periodMaximum: number }[] | null | undefined, year: ID) =>
  maxima?.find((row) => String((row.schoolYear as { id?: ID })?.id ?? row.schoolYear) === String(year))?.periodMaximum ?? 0

/** Pupils in the order of the class list. */
export const byName = (a: { fullName: string }, b: { fullName: string }) => a.fullName.localeCompare(b.fullName, 'fr')
