/**
 * Marks arithmetic for both grading schemes of DESIGN.md, pure and exact enough for report
 * cards: figures are rounded only where a school shows them (averages to 2 decimals,
 * percentages to 1), and ranks are computed on the shown figures, so two pupils whose
 * averages print the same share their place.
 */

/** A pupil's result on one evaluation: a score, absent, or exempt (excused, not counted). */
export type Mark = { score: number } | { absent: true } | { exempt: true }

export type Evaluation = {
  maximum: number
  /** Weight of the evaluation within its subject (French scheme); 1 when omitted. */
  coefficient?: number
  /** No mark yet: the evaluation does not count for this pupil. */
  mark?: Mark
}

export type GradingOptions = {
  /** An unexcused absence counts as 0 (`zero`) or is left out like an exemption (`excluded`). */
  absent: 'zero' | 'excluded'
}

/** Rounds half away from zero at `decimals`, without binary artefacts (2.675 → 2.68). */
export const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * factor).toPrecision(15)))) / factor
}

/** Why a score cannot be recorded against a maximum, or null when it can. */
export const scoreProblem = (score: number, maximum: number): 'notANumber' | 'belowZero' | 'aboveMaximum' | null => {
  if (!Number.isFinite(score)) return 'notANumber'
  if (score < 0) return 'belowZero'
  if (score > maximum) return 'aboveMaximum'
  return null
}

/** The share of the maximum a mark earns (0..1), or null when it does not count. */
const earned = (evaluation: Evaluation, options: GradingOptions): number | null => {
  const { mark, maximum } = evaluation
  if (!mark || 'exempt' in mark || maximum <= 0) return null
  if ('absent' in mark) return options.absent === 'zero' ? 0 : null
  return mark.score / maximum
}

// ---------------------------------------------------------------- French scheme: out of 20

/** A subject's average out of 20: evaluations brought to /20 and weighted by their coefficients. */
export const frenchSubjectAverage = (evaluations: Evaluation[], options: GradingOptions = { absent: 'excluded' }) => {
  let weighted = 0
  let weights = 0
  for (const evaluation of evaluations) {
    const share = earned(evaluation, options)
    if (share === null) continue
    const coefficient = evaluation.coefficient ?? 1
    weighted += share * 20 * coefficient
    weights += coefficient
  }
  return weights > 0 ? weighted / weights : null
}

/** The general average out of 20: subject averages weighted by the subjects' coefficients. */
export const frenchGeneralAverage = (subjects: { average: number | null; coefficient: number }[]) => {
  let weighted = 0
  let weights = 0
  for (const { average, coefficient } of subjects) {
    if (average === null || coefficient <= 0) continue
    weighted += average * coefficient
    weights += coefficient
  }
  return weights > 0 ? weighted / weights : null
}

// ---------------------------------------------------------------- Congolese scheme: points over maxima

export const rdcPeriods = ['P1', 'P2', 'EX1', 'P3', 'P4', 'EX2'] as const
export type RdcPart = (typeof rdcPeriods)[number]
const exams: readonly RdcPart[] = ['EX1', 'EX2']

/** A part's maximum: the course's period maximum, twice that for a semester exam. */
export const rdcPartMaximum = (part: RdcPart, periodMaximum: number) => (exams.includes(part) ? 2 : 1) * periodMaximum

export type Points = { points: number; maximum: number }

/**
 * A course's points in one part (period or exam): the pupil's evaluations of that part,
 * summed over their maxima and brought to the part's maximum. Null when nothing counts yet.
 */
export const rdcPartPoints = (evaluations: Evaluation[], maximum: number, options: GradingOptions = { absent: 'zero' }): Points | null => {
  let scored = 0
  let possible = 0
  for (const evaluation of evaluations) {
    const share = earned(evaluation, options)
    if (share === null) continue
    const weight = evaluation.maximum * (evaluation.coefficient ?? 1)
    scored += share * weight
    possible += weight
  }
  return possible > 0 ? { points: (scored / possible) * maximum, maximum } : null
}

const sum = (parts: (Points | null)[]): Points | null => {
  const counted = parts.filter((p): p is Points => p !== null)
  return counted.length
    ? { points: counted.reduce((t, p) => t + p.points, 0), maximum: counted.reduce((t, p) => t + p.maximum, 0) }
    : null
}

export type RdcCourseResult = {
  parts: Record<RdcPart, Points | null>
  semester1: Points | null
  semester2: Points | null
  /** T.G., total général: both semesters. */
  total: Points | null
}

/**
 * A course's line on the bulletin: each part, the semester totals (P1 + P2 + EX1, P3 + P4 + EX2)
 * and the general total. A part with no counted mark is left out of points and maxima alike.
 */
export const rdcCourse = (
  periodMaximum: number,
  evaluations: Partial<Record<RdcPart, Evaluation[]>>,
  options: GradingOptions = { absent: 'zero' },
): RdcCourseResult => {
  const parts = Object.fromEntries(
    rdcPeriods.map((part) => [part, rdcPartPoints(evaluations[part] ?? [], rdcPartMaximum(part, periodMaximum), options)]),
  ) as Record<RdcPart, Points | null>
  const semester1 = sum([parts.P1, parts.P2, parts.EX1])
  const semester2 = sum([parts.P3, parts.P4, parts.EX2])
  return { parts, semester1, semester2, total: sum([semester1, semester2]) }
}

/** Percentage of points over maxima, one decimal as printed on the bulletin. */
export const percentage = (total: Points | null) => (total && total.maximum > 0 ? round((total.points / total.maximum) * 100, 1) : null)

/** The bulletin's footer for one pupil: totals of every column over all courses, and the percentage. */
export const rdcTotals = (courses: RdcCourseResult[]) => {
  const column = (pick: (c: RdcCourseResult) => Points | null) => sum(courses.map(pick))
  const parts = Object.fromEntries(rdcPeriods.map((part) => [part, column((c) => c.parts[part])])) as Record<RdcPart, Points | null>
  const total = column((c) => c.total)
  return {
    parts,
    semester1: column((c) => c.semester1),
    semester2: column((c) => c.semester2),
    total,
    percentage: percentage(total),
  }
}

// ---------------------------------------------------------------- class figures

/**
 * Places in class: the best value is 1st, equal values share a place and the next place skips
 * ("1, 2, 2, 4"). Pupils without a value have no place.
 */
export const competitionRanks = (values: (number | null)[]): (number | null)[] => {
  const ranked = values.filter((v): v is number => v !== null).sort((a, b) => b - a)
  const place = new Map<number, number>()
  ranked.forEach((value, index) => place.has(value) || place.set(value, index + 1))
  return values.map((value) => (value === null ? null : place.get(value)!))
}

/** Class average, lowest and highest of the pupils who have a value. */
export const classStatistics = (values: (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null)
  if (!present.length) return { count: 0, average: null, min: null, max: null }
  return {
    count: present.length,
    average: present.reduce((t, v) => t + v, 0) / present.length,
    min: Math.min(...present),
    max: Math.max(...present),
  }
}
