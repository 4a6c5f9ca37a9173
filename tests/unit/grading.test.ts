import {
  classStatistics,
  competitionRanks,
  frenchGeneralAverage,
  frenchSubjectAverage,
  percentage,
  rdcCourse,
  rdcPartMaximum,
  rdcPartPoints,
  rdcTotals,
  round,
  scoreProblem,
  type Evaluation,
} from '../../src/domain/grading'

const scored = (score: number, maximum: number, coefficient?: number): Evaluation => ({ maximum, coefficient, mark: { score } })
const absent = (maximum: number, coefficient?: number): Evaluation => ({ maximum, coefficient, mark: { absent: true } })
const exempt = (maximum: number, coefficient?: number): Evaluation => ({ maximum, coefficient, mark: { exempt: true } })

describe('rounding as printed', () => {
  it('rounds half away from zero without binary artefacts', () => {
    expect(round(2.675, 2)).toBe(2.68)
    expect(round(1.005, 2)).toBe(1.01)
    expect(round(12.345, 1)).toBe(12.3)
    expect(round(66.65, 1)).toBe(66.7)
    expect(round(-1.005, 2)).toBe(-1.01)
    expect(round(10 / 3, 2)).toBe(3.33)
  })
})

describe('scores', () => {
  it('are between 0 and the maximum', () => {
    expect(scoreProblem(0, 20)).toBeNull()
    expect(scoreProblem(20, 20)).toBeNull()
    expect(scoreProblem(12.5, 20)).toBeNull()
    expect(scoreProblem(-0.5, 20)).toBe('belowZero')
    expect(scoreProblem(20.5, 20)).toBe('aboveMaximum')
    expect(scoreProblem(Number.NaN, 20)).toBe('notANumber')
  })
})

describe('French scheme: averages out of 20', () => {
  it('brings every evaluation to /20 and weights it by its coefficient', () => {
    // 15/20 (coef 1), 8/10 = 16/20 (coef 2), 30/40 = 15/20 (coef 1): (15 + 32 + 15) / 4 = 15.5
    expect(frenchSubjectAverage([scored(15, 20), scored(8, 10, 2), scored(30, 40)])).toBe(15.5)
  })

  it('leaves out exempt marks and evaluations not yet marked', () => {
    expect(frenchSubjectAverage([scored(12, 20), exempt(20), { maximum: 20 }])).toBe(12)
  })

  it('leaves out absences by default, or counts them as 0 when the school says so', () => {
    const marks = [scored(16, 20), absent(20)]
    expect(frenchSubjectAverage(marks)).toBe(16)
    expect(frenchSubjectAverage(marks, { absent: 'zero' })).toBe(8)
  })

  it('has no average without a counted mark', () => {
    expect(frenchSubjectAverage([])).toBeNull()
    expect(frenchSubjectAverage([exempt(20), absent(20)])).toBeNull()
  })

  it('weights subjects by their coefficients and skips subjects without an average', () => {
    const general = frenchGeneralAverage([
      { average: 14, coefficient: 4 },
      { average: 10, coefficient: 2 },
      { average: null, coefficient: 3 },
      { average: 18, coefficient: 1 },
    ])
    expect(general).toBe((14 * 4 + 10 * 2 + 18) / 7)
    expect(round(general!, 2)).toBe(13.43)
    expect(frenchGeneralAverage([{ average: null, coefficient: 2 }])).toBeNull()
  })
})

describe('Congolese scheme: points over maxima', () => {
  it('gives exams twice the period maximum, semesters four times, the year eight times', () => {
    expect(rdcPartMaximum('P1', 20)).toBe(20)
    expect(rdcPartMaximum('EX1', 20)).toBe(40)
    const full = Object.fromEntries(
      (['P1', 'P2', 'EX1', 'P3', 'P4', 'EX2'] as const).map((part) => [part, [scored(rdcPartMaximum(part, 10), rdcPartMaximum(part, 10))]]),
    )
    const course = rdcCourse(10, full)
    expect(course.semester1).toEqual({ points: 40, maximum: 40 })
    expect(course.semester2).toEqual({ points: 40, maximum: 40 })
    expect(course.total).toEqual({ points: 80, maximum: 80 })
  })

  it("brings a period's daily work to the period maximum", () => {
    // Interrogations 7/10 and 12/20 in a course with a period maximum of 20: 19/30 of 20.
    const part = rdcPartPoints([scored(7, 10), scored(12, 20)], 20)!
    expect(part.maximum).toBe(20)
    expect(round(part.points, 2)).toBe(12.67)
  })

  it('totals a bulletin line: P1 + P2 + Exam = S1, P3 + P4 + Exam = S2, T.G.', () => {
    const course = rdcCourse(20, {
      P1: [scored(14, 20)],
      P2: [scored(16, 20)],
      EX1: [scored(30, 40)],
      P3: [scored(12, 20)],
      P4: [scored(18, 20)],
      EX2: [scored(25, 40)],
    })
    expect(course.semester1).toEqual({ points: 60, maximum: 80 })
    expect(course.semester2).toEqual({ points: 55, maximum: 80 })
    expect(course.total).toEqual({ points: 115, maximum: 160 })
    expect(percentage(course.total)).toBe(71.9)
  })

  it('counts an absence at an exam as 0 by default; an exemption drops the part from points and maxima', () => {
    const absentAtExam = rdcCourse(10, { P1: [scored(8, 10)], P2: [scored(6, 10)], EX1: [absent(20)] })
    expect(absentAtExam.semester1).toEqual({ points: 14, maximum: 40 })
    const exemptAtExam = rdcCourse(10, { P1: [scored(8, 10)], P2: [scored(6, 10)], EX1: [exempt(20)] })
    expect(exemptAtExam.semester1).toEqual({ points: 14, maximum: 20 })
    expect(exemptAtExam.parts.EX1).toBeNull()
  })

  it('leaves parts not yet marked out, so a mid-year bulletin shows the year so far', () => {
    const course = rdcCourse(10, { P1: [scored(9, 10)] })
    expect(course.semester1).toEqual({ points: 9, maximum: 10 })
    expect(course.semester2).toBeNull()
    expect(course.total).toEqual({ points: 9, maximum: 10 })
    expect(rdcCourse(10, {}).total).toBeNull()
  })

  it('totals every column over the courses and prints the percentage with one decimal', () => {
    const french = rdcCourse(40, { P1: [scored(30, 40)], P2: [scored(28, 40)], EX1: [scored(61, 80)] })
    const drawing = rdcCourse(10, { P1: [scored(7, 10)], P2: [scored(9, 10)], EX1: [exempt(20)] })
    const totals = rdcTotals([french, drawing])
    expect(totals.parts.P1).toEqual({ points: 37, maximum: 50 })
    expect(totals.parts.EX1).toEqual({ points: 61, maximum: 80 })
    expect(totals.semester1).toEqual({ points: 135, maximum: 180 })
    expect(totals.total).toEqual({ points: 135, maximum: 180 })
    expect(totals.percentage).toBe(75)
    expect(percentage({ points: 2, maximum: 3 })).toBe(66.7)
    expect(percentage(null)).toBeNull()
  })
})

describe('class figures', () => {
  it('gives tied pupils the same place and skips the next ones', () => {
    expect(competitionRanks([12.5, 15, 12.5, 9, 15, 18])).toEqual([4, 2, 4, 6, 2, 1])
  })

  it('gives no place to a pupil without a result', () => {
    expect(competitionRanks([10, null, 14])).toEqual([2, null, 1])
    expect(competitionRanks([])).toEqual([])
  })

  it('ranks on printed figures: equal once rounded means the same place', () => {
    const averages = [40 / 3, 13.3333333334, 12].map((v) => round(v, 2))
    expect(competitionRanks(averages)).toEqual([1, 1, 3])
  })

  it('computes the class average, lowest and highest of those with a result', () => {
    expect(classStatistics([12, null, 8, 16])).toEqual({ count: 3, average: 12, min: 8, max: 16 })
    expect(classStatistics([null])).toEqual({ count: 0, average: null, min: null, max: null })
  })

  it('ranks 1,000 pupils quickly', () => {
    const values = Array.from({ length: 1000 }, (_, i) => round((i * 7919) % 2000 / 100, 2))
    // CPU time: a busy machine must not fail it.
    const started = process.cpuUsage()
    const ranks = competitionRanks(values)
    const used = process.cpuUsage(started)
    expect((used.user + used.system) / 1000).toBeLessThan(50)
    expect(ranks[values.indexOf(Math.max(...values))]).toBe(1)
  })
})
