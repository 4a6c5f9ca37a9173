import { frenchFigures, hasAnyMark, rankedCount, rdcFigures } from '../../src/domain/reportCard'
import { frenchResults, rdcResults, type ResultsInput } from '../../src/domain/results'

const subjects = [
  { id: 'A', name: 'Mathématiques', coefficient: 2, periodMaximum: 10 },
  { id: 'B', name: 'Français', coefficient: 1, periodMaximum: 20 },
]
const input: ResultsInput = {
  students: ['s1', 's2'],
  subjects,
  terms: [
    { id: 't1', code: 'P1' },
    { id: 't3', code: 'EX1' },
  ],
  evaluations: [
    { id: 'e1', subject: 'A', term: 't1', maximum: 10, coefficient: 1 },
    { id: 'e2', subject: 'B', term: 't1', maximum: 20, coefficient: 1 },
    { id: 'e3', subject: 'A', term: 't3', maximum: 20, coefficient: 1 },
  ],
  grades: [
    { evaluation: 'e1', student: 's1', status: 'scored', score: 8 },
    { evaluation: 'e2', student: 's1', status: 'scored', score: 15 },
    { evaluation: 'e3', student: 's1', status: 'scored', score: 14 },
    { evaluation: 'e1', student: 's2', status: 'scored', score: 5 },
    { evaluation: 'e2', student: 's2', status: 'scored', score: 20 },
    { evaluation: 'e3', student: 's2', status: 'absent', score: null },
  ],
}

describe('a Congolese bulletin out of the class results', () => {
  const results = rdcResults(input, 'S1')

  it('prints each course per period and exam, the semester, the totals, the percentage and the place', () => {
    // s1: Maths P1 8/10, exam 14/20, S1 22/30; Français P1 15/20, S1 15/20; S1 37/50 = 74.0 %.
    expect(rdcFigures(results, 's1', subjects, 'S1')).toEqual({
      scheme: 'rdc',
      bulletin: 'S1',
      lines: [
        { subject: 'Mathématiques', periodMaximum: 10, P1: 8, P2: null, EX1: 14, S1: 22, P3: null, P4: null, EX2: null, S2: null, total: 22 },
        { subject: 'Français', periodMaximum: 20, P1: 15, P2: null, EX1: null, S1: 15, P3: null, P4: null, EX2: null, S2: null, total: 15 },
      ],
      totals: {
        P1: { points: 23, maximum: 30 },
        P2: null,
        EX1: { points: 14, maximum: 20 },
        S1: { points: 37, maximum: 50 },
        P3: null,
        P4: null,
        EX2: null,
        S2: null,
        total: { points: 37, maximum: 50 },
      },
      percentage: 74,
      // s2: 5 + 0 (absent at the exam) + 20 = 25/50 = 50.0 %; the class: (74 + 50) / 2.
      classAverage: 62,
      min: 50,
      max: 74,
      rank: 1,
    })
    expect(rdcFigures(results, 's2', subjects, 'S1')?.rank).toBe(2)
    expect(rankedCount(results)).toBe(2)
  })

  it('has no card for a pupil who is not in the class', () => {
    expect(rdcFigures(results, 'nobody', subjects, 'S1')).toBeNull()
  })
})

describe('a French bulletin out of the class results', () => {
  it('prints each subject with its coefficient, the class figures and the ranks', () => {
    const results = frenchResults(input, ['t1'])
    // s1: Maths 8/10 = 16/20, Français 15; (16 × 2 + 15) / 3 = 15.67. s2: 10 and 20; 40 / 3 = 13.33.
    expect(frenchFigures(results, 's1', subjects)).toEqual({
      scheme: 'french',
      lines: [
        { subject: 'Mathématiques', coefficient: 2, average: 16, classAverage: 13, min: 10, max: 16, rank: 1 },
        { subject: 'Français', coefficient: 1, average: 15, classAverage: 17.5, min: 15, max: 20, rank: 2 },
      ],
      average: 15.67,
      classAverage: 14.5,
      min: 13.33,
      max: 15.67,
      rank: 1,
    })
  })
})

describe('a card worth publishing', () => {
  it('holds at least one mark, in either scheme', () => {
    const french = (average: number | null) => ({ scheme: 'french' as const, lines: [{ subject: 'Maths', coefficient: 1, average, classAverage: null, min: null, max: null, rank: null }], average, classAverage: null, min: null, max: null, rank: null })
    expect(hasAnyMark(french(12.5))).toBe(true)
    expect(hasAnyMark(french(null))).toBe(false)
    expect(hasAnyMark(null)).toBe(false)
    const blank = { subject: 'Maths', periodMaximum: 10, P1: null, P2: null, EX1: null, S1: null, P3: null, P4: null, EX2: null, S2: null, total: null }
    const rdc = (P2: number | null) => ({ scheme: 'rdc' as const, bulletin: 'P2' as const, lines: [{ ...blank, P2 }], totals: {} as never, percentage: null, classAverage: null, min: null, max: null, rank: null })
    expect(hasAnyMark(rdc(7))).toBe(true)
    expect(hasAnyMark(rdc(0))).toBe(true)
    expect(hasAnyMark(rdc(null))).toBe(false)
  })
})
