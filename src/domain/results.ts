/**
 * A class's results from its flat database records, for both grading schemes: what a report
 * card and a marks page show per pupil (subject lines, totals, place) and per class (average,
 * lowest, highest). Pure: the arithmetic is grading.ts's, this file only gathers the records.
 */
import {
  classStatistics,
  competitionRanks,
  frenchGeneralAverage,
  frenchSubjectAverage,
  percentage,
  rdcCourse,
  rdcPeriods,
  rdcTotals,
  round,
  type Evaluation,
  type GradingOptions,
  type Mark,
  type Points,
  type RdcCourseResult,
  type RdcPart,
} from './grading'

export type ID = string | number

export type SubjectRecord = {
  id: ID
  /** Weight in the general average (French scheme). */
  coefficient: number
  /** Maximum per period for this school year (Congolese scheme). */
  periodMaximum: number
}
/** `code` is free text in the Terms collection: the Congolese scheme reads 'P1'..'EX2' in it. */
export type TermRecord = { id: ID; code?: string | null }
export type EvaluationRecord = { id: ID; subject: ID; term: ID; maximum: number; coefficient: number }
export type GradeRecord = { evaluation: ID; student: ID; status: 'scored' | 'absent' | 'exempt'; score: number | null }

export type ResultsInput = {
  students: ID[]
  subjects: SubjectRecord[]
  terms: TermRecord[]
  evaluations: EvaluationRecord[]
  grades: GradeRecord[]
  /** Left out, grading.ts's defaults apply: absences excluded in the French scheme, 0 in the Congolese one. */
  options?: GradingOptions
}

type GradeIndex = Map<ID, Map<ID, GradeRecord>>

/** Grades by evaluation, then pupil: one lookup per mark instead of a scan of every grade. */
const indexGrades = (grades: GradeRecord[]): GradeIndex => {
  const index: GradeIndex = new Map()
  for (const grade of grades) {
    let byStudent = index.get(grade.evaluation)
    if (!byStudent) index.set(grade.evaluation, (byStudent = new Map()))
    byStudent.set(grade.student, grade)
  }
  return index
}

/** A 'scored' row without a score is a mark not yet entered: it does not count. */
const markOf = (grade: GradeRecord | undefined): Mark | undefined => {
  if (grade?.status === 'absent') return { absent: true }
  if (grade?.status === 'exempt') return { exempt: true }
  return grade?.score == null ? undefined : { score: grade.score }
}

/** One pupil's marks on the given evaluations, as grading.ts reads them. */
const marked = (evaluations: EvaluationRecord[], student: ID, grades: GradeIndex): Evaluation[] =>
  evaluations.map(({ id, maximum, coefficient }) => ({ maximum, coefficient, mark: markOf(grades.get(id)?.get(student)) }))

const append = <K, T>(groups: Map<K, T[]>, key: K, item: T) => {
  const group = groups.get(key)
  if (group) group.push(item)
  else groups.set(key, [item])
}

const roundOrNull = (value: number | null, decimals: number) => (value === null ? null : round(value, decimals))

/** Class statistics with the average rounded like the figures it summarises. */
const statistics = (values: (number | null)[], decimals: number) => {
  const stats = classStatistics(values)
  return { ...stats, average: roundOrNull(stats.average, decimals) }
}

// ---------------------------------------------------------------- French scheme

/**
 * Averages out of 20 over the evaluations of `termIds` (one term, or all of them for the year),
 * with each pupil's place per subject and overall. The general average is computed from the
 * subject averages as printed, so the bulletin checks out with a calculator.
 */
export const frenchResults = (input: ResultsInput, termIds: ID[]) => {
  const terms = new Set(termIds)
  const subjectIds = new Set(input.subjects.map((s) => s.id))
  const ignoredEvaluations: ID[] = []
  const bySubject = new Map<ID, EvaluationRecord[]>()
  for (const evaluation of input.evaluations) {
    if (!terms.has(evaluation.term)) continue
    if (!subjectIds.has(evaluation.subject)) ignoredEvaluations.push(evaluation.id)
    else append(bySubject, evaluation.subject, evaluation)
  }
  const grades = indexGrades(input.grades)

  // averages[pupil][subject], as printed
  const averages = input.students.map((student) =>
    input.subjects.map((subject) =>
      roundOrNull(frenchSubjectAverage(marked(bySubject.get(subject.id) ?? [], student, grades), input.options), 2),
    ),
  )
  const column = (j: number) => averages.map((row) => row[j])
  const subjectRanks = input.subjects.map((_, j) => competitionRanks(column(j)))
  const general = averages.map((row) =>
    roundOrNull(frenchGeneralAverage(row.map((average, j) => ({ average, coefficient: input.subjects[j].coefficient }))), 2),
  )
  const generalRanks = competitionRanks(general)

  return {
    students: input.students.map((student, i) => ({
      student,
      subjects: input.subjects.map((subject, j) => ({ subject: subject.id, average: averages[i][j], rank: subjectRanks[j][i] })),
      average: general[i],
      rank: generalRanks[i],
    })),
    subjects: input.subjects.map((subject, j) => ({ subject: subject.id, ...statistics(column(j), 2) })),
    general: statistics(general, 2),
    /** In the requested terms but of a subject not in `subjects`. */
    ignoredEvaluations,
  }
}

// ---------------------------------------------------------------- Congolese scheme

/** Which bulletin: after a period, an exam, a semester, or the year. */
export type RdcBulletin = RdcPart | 'S1' | 'S2' | 'year'

/** The last part a bulletin counts: a semester's and the year's end with their exam. */
const lastPart = (bulletin: RdcBulletin): RdcPart =>
  bulletin === 'S1' ? 'EX1' : bulletin === 'S2' || bulletin === 'year' ? 'EX2' : bulletin

/** The column a bulletin ranks on: the period or exam itself, the semester, or T.G. for the year. */
export const rankedColumn = (bulletin: RdcBulletin, line: RdcCourseResult): Points | null => {
  if (bulletin === 'S1') return line.semester1
  if (bulletin === 'S2') return line.semester2
  if (bulletin === 'year') return line.total
  return line.parts[bulletin]
}

/** The part a term code names; typed by hand, so ' ex1' reads as 'EX1'. */
const partOf = (code: string | null | undefined) => {
  const part = code?.trim().toUpperCase()
  return rdcPeriods.includes(part as RdcPart) ? (part as RdcPart) : null
}

/**
 * Each pupil's bulletin lines and footer with only the parts up to `upTo` counted, the
 * percentage and place of the column that bulletin ranks on, and the class figures: the
 * percentage's average, lowest and highest, and per course those of the ranked column's points.
 */
export const rdcResults = (input: ResultsInput, upTo: RdcBulletin = 'year') => {
  const counted = rdcPeriods.slice(0, rdcPeriods.indexOf(lastPart(upTo)) + 1)
  const byPart = new Map(counted.map((part) => [part, new Map<ID, EvaluationRecord[]>()]))
  const partOfTerm = new Map(input.terms.map((t) => [t.id, partOf(t.code)]))
  const subjectIds = new Set(input.subjects.map((s) => s.id))
  const ignoredEvaluations: ID[] = []
  for (const evaluation of input.evaluations) {
    const part = partOfTerm.get(evaluation.term)
    if (!part || !subjectIds.has(evaluation.subject)) ignoredEvaluations.push(evaluation.id)
    else if (byPart.has(part)) append(byPart.get(part)!, evaluation.subject, evaluation)
  }
  const grades = indexGrades(input.grades)

  const lines = input.students.map((student) => {
    const courses = input.subjects.map((subject) => {
      const parts = [...byPart].map(([part, bySubject]) => [part, marked(bySubject.get(subject.id) ?? [], student, grades)])
      return { subject: subject.id, ...rdcCourse(subject.periodMaximum, Object.fromEntries(parts), input.options) }
    })
    const totals = rdcTotals(courses)
    return { student, courses, totals, percentage: percentage(rankedColumn(upTo, totals)) }
  })
  const percentages = lines.map((line) => line.percentage)
  const ranks = competitionRanks(percentages)

  return {
    students: lines.map((line, i) => ({ ...line, rank: ranks[i] })),
    percentage: statistics(percentages, 1),
    courses: input.subjects.map((subject, j) => ({
      subject: subject.id,
      ...classStatistics(lines.map((line) => rankedColumn(upTo, line.courses[j])?.points ?? null)),
    })),
    /** Of a term whose code is not P1..EX2 (or of an unknown term or subject): never counted. */
    ignoredEvaluations,
  }
}
