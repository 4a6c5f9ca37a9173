import { rdcPeriods } from '../../src/domain/grading'
import { frenchResults, rdcResults, type EvaluationRecord, type GradeRecord, type ID, type ResultsInput } from '../../src/domain/results'

// Every expected figure below is worked out by hand in the comment next to it.

const evaluation = (id: ID, subject: ID, term: ID, maximum: number, coefficient = 1): EvaluationRecord => ({
  id,
  subject,
  term,
  maximum,
  coefficient,
})
const scored = (evaluation: ID, student: ID, score: number | null): GradeRecord => ({ evaluation, student, status: 'scored', score })
const absent = (evaluation: ID, student: ID): GradeRecord => ({ evaluation, student, status: 'absent', score: null })
const exempt = (evaluation: ID, student: ID): GradeRecord => ({ evaluation, student, status: 'exempt', score: null })

describe('French scheme results', () => {
  // Maths has coefficient 4, French 2. Pupil d has no marks at all; z is not in the class.
  const input: ResultsInput = {
    students: ['a', 'b', 'c', 'd'],
    subjects: [
      { id: 'maths', coefficient: 4, periodMaximum: 20 },
      { id: 'french', coefficient: 2, periodMaximum: 20 },
    ],
    terms: [
      { id: 'T1', code: 'T1' },
      { id: 'T2', code: 'T2' },
    ],
    evaluations: [
      evaluation('m1', 'maths', 'T1', 20),
      evaluation('m2', 'maths', 'T1', 10, 2),
      evaluation('f1', 'french', 'T1', 20),
      evaluation('f2', 'french', 'T1', 40),
      evaluation('m3', 'maths', 'T2', 20),
      evaluation('x1', 'ghost', 'T1', 20),
    ],
    grades: [
      ...[scored('m1', 'a', 15), scored('m2', 'a', 8), scored('f1', 'a', 12), scored('f2', 'a', 30), scored('m3', 'a', 10)],
      ...[absent('m1', 'b'), scored('m2', 'b', 6), exempt('f1', 'b'), scored('f2', 'b', 20)],
      // c: a 'scored' row still empty, and no row at all for f2
      ...[scored('m1', 'c', null), scored('m2', 'c', 7), scored('f1', 'c', 16)],
      scored('m1', 'z', 20),
      scored('x1', 'a', 0),
    ],
  }
  const byStudent = (result: ReturnType<typeof frenchResults>) => Object.fromEntries(result.students.map((s) => [s.student, s]))

  it('weights evaluations within a subject and subjects within the general average', () => {
    const { a } = byStudent(frenchResults(input, ['T1']))
    // maths: 15/20 (coef 1) and 8/10 = 16/20 (coef 2): (15 + 32) / 3 = 15.666… → 15.67
    // french: 12/20 and 30/40 = 15/20: (12 + 15) / 2 = 13.5
    expect(a.subjects).toEqual([
      { subject: 'maths', average: 15.67, rank: 1 },
      { subject: 'french', average: 13.5, rank: 2 },
    ])
    // from the printed averages: (15.67 × 4 + 13.5 × 2) / 6 = 89.68 / 6 = 14.946… → 14.95
    // (the unrounded 15.666… would give 14.944… → 14.94, which the bulletin could not justify)
    expect(a.average).toBe(14.95)
    expect(a.rank).toBe(1)
  })

  it('leaves out exempt marks, missing marks, empty rows and, by default, absences', () => {
    const { b, c } = byStudent(frenchResults(input, ['T1']))
    // b maths: absence left out, 6/10 = 12/20; french: exemption left out, 20/40 = 10/20
    // general (12 × 4 + 10 × 2) / 6 = 68 / 6 = 11.333… → 11.33
    expect(b.subjects.map((s) => s.average)).toEqual([12, 10])
    expect(b.average).toBe(11.33)
    // c maths: empty m1 row left out, 7/10 = 14/20; french: no f2 row, 16/20
    // general (14 × 4 + 16 × 2) / 6 = 88 / 6 = 14.666… → 14.67
    expect(c.subjects.map((s) => s.average)).toEqual([14, 16])
    expect(c.average).toBe(14.67)
  })

  it('counts absences as 0 when the school says so', () => {
    const { b, c } = byStudent(frenchResults({ ...input, options: { absent: 'zero' } }, ['T1']))
    // b maths: (0 × 1 + 12 × 2) / 3 = 8; general (8 × 4 + 10 × 2) / 6 = 52 / 6 = 8.666… → 8.67
    expect(b.subjects[0].average).toBe(8)
    expect(b.average).toBe(8.67)
    // an empty row is still not an absence
    expect(c.subjects[0].average).toBe(14)
  })

  it('gives a pupil without marks no average and no place, and ranks the others 1..n', () => {
    const result = frenchResults(input, ['T1'])
    const { d } = byStudent(result)
    expect(d).toEqual({
      student: 'd',
      subjects: [
        { subject: 'maths', average: null, rank: null },
        { subject: 'french', average: null, rank: null },
      ],
      average: null,
      rank: null,
    })
    // general 14.95 (a), 11.33 (b), 14.67 (c)
    expect(result.students.map((s) => s.rank)).toEqual([1, 3, 2, null])
    // maths 15.67, 12, 14; french 13.5, 10, 16
    expect(result.students.map((s) => s.subjects.map((x) => x.rank))).toEqual([
      [1, 2],
      [3, 3],
      [2, 1],
      [null, null],
    ])
  })

  it('gives the class average, lowest and highest of each subject and overall, over pupils who have one', () => {
    const result = frenchResults(input, ['T1'])
    expect(result.subjects).toEqual([
      // (15.67 + 12 + 14) / 3 = 41.67 / 3 = 13.89
      { subject: 'maths', count: 3, average: 13.89, min: 12, max: 15.67 },
      // (13.5 + 10 + 16) / 3 = 39.5 / 3 = 13.166… → 13.17
      { subject: 'french', count: 3, average: 13.17, min: 10, max: 16 },
    ])
    // (14.95 + 11.33 + 14.67) / 3 = 40.95 / 3 = 13.65
    expect(result.general).toEqual({ count: 3, average: 13.65, min: 11.33, max: 14.95 })
  })

  it('pools the evaluations of several terms for the year', () => {
    const result = frenchResults(input, ['T1', 'T2'])
    const { a } = byStudent(result)
    // maths: (15 + 16 × 2 + 10) / 4 = 57 / 4 = 14.25; general (14.25 × 4 + 13.5 × 2) / 6 = 84 / 6 = 14
    expect(a.subjects[0].average).toBe(14.25)
    expect(a.average).toBe(14)
    // now c 14.67, a 14, b 11.33
    expect(result.students.map((s) => s.rank)).toEqual([2, 3, 1, null])
    // T2 alone: only a has a mark, 10/20 in maths
    expect(frenchResults(input, ['T2']).students.map((s) => [s.average, s.rank])).toEqual([
      [10, 1],
      [null, null],
      [null, null],
      [null, null],
    ])
  })

  it('reports evaluations of unknown subjects instead of counting them', () => {
    expect(frenchResults(input, ['T1']).ignoredEvaluations).toEqual(['x1'])
    expect(frenchResults(input, ['T2']).ignoredEvaluations).toEqual([])
  })

  it('ranks on printed averages: ties share a place and the next place skips', () => {
    const result = frenchResults(
      {
        students: ['p', 'q', 'r', 's', 't'],
        subjects: [{ id: 'maths', coefficient: 1, periodMaximum: 20 }],
        terms: [{ id: 'T1', code: 'T1' }],
        evaluations: [evaluation('e', 'maths', 'T1', 20)],
        grades: [scored('e', 'p', 16), scored('e', 'q', 13.334), scored('e', 'r', 13.33), scored('e', 's', 10)],
      },
      ['T1'],
    )
    // 13.334 prints as 13.33, like r's: both 2nd, then s is 4th; t has no mark
    expect(result.students.map((s) => [s.average, s.rank, s.subjects[0].rank])).toEqual([
      [16, 1, 1],
      [13.33, 2, 2],
      [13.33, 2, 2],
      [10, 4, 4],
      [null, null, null],
    ])
  })
})

describe('Congolese scheme results', () => {
  // French: period maximum 20 (exams /40); drawing: period maximum 10 (exams /20).
  const terms = [...rdcPeriods.map((code) => ({ id: `t-${code}`, code })), { id: 't-REP', code: 'REP' }]
  const input: ResultsInput = {
    students: ['a', 'b', 'c', 'd'],
    subjects: [
      { id: 'fr', coefficient: 1, periodMaximum: 20 },
      { id: 'dr', coefficient: 1, periodMaximum: 10 },
    ],
    terms,
    evaluations: [
      evaluation('fr-p1a', 'fr', 't-P1', 10),
      evaluation('fr-p1b', 'fr', 't-P1', 10, 2),
      evaluation('fr-p2', 'fr', 't-P2', 20),
      evaluation('fr-ex1', 'fr', 't-EX1', 40),
      evaluation('fr-p3', 'fr', 't-P3', 20),
      evaluation('fr-p4', 'fr', 't-P4', 20),
      evaluation('fr-ex2', 'fr', 't-EX2', 40),
      evaluation('fr-rep', 'fr', 't-REP', 40),
      evaluation('fr-lost', 'fr', 't-missing', 20),
      evaluation('dr-p1', 'dr', 't-P1', 10),
      evaluation('dr-p2', 'dr', 't-P2', 10),
      evaluation('dr-ex1', 'dr', 't-EX1', 20),
      evaluation('dr-p3', 'dr', 't-P3', 10),
      evaluation('dr-p4', 'dr', 't-P4', 10),
      evaluation('dr-ex2', 'dr', 't-EX2', 20),
    ],
    grades: [
      ...[scored('fr-p1a', 'a', 8), scored('fr-p1b', 'a', 8), scored('fr-p2', 'a', 15), scored('fr-ex1', 'a', 30)],
      ...[
        scored('fr-p3', 'a', 12),
        scored('fr-p4', 'a', 18),
        scored('fr-ex2', 'a', 25),
        scored('fr-rep', 'a', 40),
        scored('fr-lost', 'a', 20),
      ],
      ...[scored('dr-p1', 'a', 7), scored('dr-p2', 'a', 9), scored('dr-ex1', 'a', 16), scored('dr-p3', 'a', 8), scored('dr-p4', 'a', 6)],
      absent('dr-ex2', 'a'),
      ...[scored('fr-p1a', 'b', 6), absent('fr-p1b', 'b'), scored('fr-p2', 'b', 10), scored('fr-ex1', 'b', 20)],
      ...[scored('dr-p1', 'b', 5), exempt('dr-p2', 'b'), scored('dr-ex1', 'b', 10)],
      ...[scored('fr-p1a', 'c', 8), scored('fr-p1b', 'c', 8), scored('dr-p1', 'c', 7)],
    ],
  }
  const byStudent = (result: ReturnType<typeof rdcResults>) => Object.fromEntries(result.students.map((s) => [s.student, s]))
  const places = (result: ReturnType<typeof rdcResults>) => result.students.map((s) => [s.percentage, s.rank])

  it('fills a course line: each period at the period maximum, exams at twice it, semesters and T.G.', () => {
    const [french, drawing] = byStudent(rdcResults(input)).a.courses
    expect(french).toEqual({
      subject: 'fr',
      parts: {
        // 8/10 (weight 10) and 8/10 (coef 2, weight 20): 24/30 of 20 = 16
        P1: { points: 16, maximum: 20 },
        P2: { points: 15, maximum: 20 },
        EX1: { points: 30, maximum: 40 },
        P3: { points: 12, maximum: 20 },
        P4: { points: 18, maximum: 20 },
        EX2: { points: 25, maximum: 40 },
      },
      semester1: { points: 61, maximum: 80 }, // 16 + 15 + 30
      semester2: { points: 55, maximum: 80 }, // 12 + 18 + 25
      total: { points: 116, maximum: 160 },
    })
    // the absence at EX2 counts 0 over 20
    expect(drawing.parts.EX1).toEqual({ points: 16, maximum: 20 })
    expect(drawing.parts.EX2).toEqual({ points: 0, maximum: 20 })
    expect(drawing.semester1).toEqual({ points: 32, maximum: 40 }) // 7 + 9 + 16
    expect(drawing.semester2).toEqual({ points: 14, maximum: 40 }) // 8 + 6 + 0
    expect(drawing.total).toEqual({ points: 46, maximum: 80 })
  })

  it('totals the bulletin and ranks the year on T.G.', () => {
    const result = rdcResults(input)
    const { a, b, d } = byStudent(result)
    expect(a.totals.semester1).toEqual({ points: 93, maximum: 120 }) // 61 + 32
    expect(a.totals.semester2).toEqual({ points: 69, maximum: 120 }) // 55 + 14
    expect(a.totals.total).toEqual({ points: 162, maximum: 240 })
    // b: French P1 = 6/10 and an absence (coef 2) over 30 of 20 = 4; drawing P2 exempt drops its /10
    expect(b.courses[0].parts.P1).toEqual({ points: 4, maximum: 20 })
    expect(b.courses[1].parts.P2).toBeNull()
    expect(b.totals.parts.P2).toEqual({ points: 10, maximum: 20 })
    expect(b.totals.semester1).toEqual({ points: 49, maximum: 110 }) // (4 + 10 + 20) + (5 + 10)
    expect(b.totals.semester2).toBeNull()
    expect(d.totals.total).toBeNull()
    // a 162/240 = 67.5; b 49/110 = 44.545… → 44.5; c (P1 only) 23/30 = 76.666… → 76.7
    expect(places(result)).toEqual([
      [67.5, 2],
      [44.5, 3],
      [76.7, 1],
      [null, null],
    ])
  })

  it('gives the class average, lowest and highest of the percentage and of each course', () => {
    const result = rdcResults(input)
    // (67.5 + 44.5 + 76.7) / 3 = 188.7 / 3 = 62.9
    expect(result.percentage).toEqual({ count: 3, average: 62.9, min: 44.5, max: 76.7 })
    // T.G. points: French 116, 34, 16; drawing 46, 15, 7
    expect(result.courses[0]).toEqual({ subject: 'fr', count: 3, average: expect.closeTo(166 / 3, 9), min: 16, max: 116 })
    expect(result.courses[1]).toEqual({ subject: 'dr', count: 3, average: expect.closeTo(68 / 3, 9), min: 7, max: 46 })
  })

  it("counts only the parts up to a period's bulletin and ranks on that period", () => {
    const result = rdcResults(input, 'P1')
    const { a } = byStudent(result)
    expect(a.courses[0].parts.P2).toBeNull()
    expect(a.totals.total).toEqual({ points: 23, maximum: 30 }) // 16 + 7
    // a 23/30 = 76.7, b 9/30 = 30, c 23/30 = 76.7: a and c share the 1st place, b is 3rd
    expect(places(result)).toEqual([
      [76.7, 1],
      [30, 3],
      [76.7, 1],
      [null, null],
    ])
    // (76.7 + 30 + 76.7) / 3 = 183.4 / 3 = 61.133… → 61.1; P1 points: French 16, 4, 16; drawing 7, 5, 7
    expect(result.percentage).toEqual({ count: 3, average: 61.1, min: 30, max: 76.7 })
    expect(result.courses[0]).toEqual({ subject: 'fr', count: 3, average: 12, min: 4, max: 16 })
    expect(result.courses[1]).toEqual({ subject: 'dr', count: 3, average: expect.closeTo(19 / 3, 9), min: 5, max: 7 })
  })

  it('ranks the 2nd period, the exam and the semester each on their own column', () => {
    // P2: a (15 + 9)/30 = 80; b 10/20 = 50 (drawing exempt); c has no P2 mark, so no place
    expect(places(rdcResults(input, 'P2'))).toEqual([
      [80, 1],
      [50, 2],
      [null, null],
      [null, null],
    ])
    expect(byStudent(rdcResults(input, 'P2')).a.totals.semester1).toEqual({ points: 47, maximum: 60 }) // 16 + 15 + 7 + 9
    // EX1: a (30 + 16)/60 = 76.666… → 76.7; b (20 + 10)/60 = 50
    expect(places(rdcResults(input, 'EX1')).slice(0, 3)).toEqual([
      [76.7, 1],
      [50, 2],
      [null, null],
    ])
    // S1: a 93/120 = 77.5; b 49/110 = 44.5; c 23/30 = 76.7
    expect(places(rdcResults(input, 'S1')).slice(0, 3)).toEqual([
      [77.5, 1],
      [44.5, 3],
      [76.7, 2],
    ])
    // P3: a (12 + 8)/30 = 66.666… → 66.7, the first semester still on the bulletin
    const p3 = byStudent(rdcResults(input, 'P3')).a
    expect(p3.percentage).toBe(66.7)
    expect(p3.courses[0].parts.P4).toBeNull()
    expect(p3.totals.semester1).toEqual({ points: 93, maximum: 120 })
    // S2: a 69/120 = 57.5; nobody else has second-semester marks
    expect(places(rdcResults(input, 'S2')).slice(0, 2)).toEqual([
      [57.5, 1],
      [null, null],
    ])
  })

  it('leaves absences out when the school says so', () => {
    const result = rdcResults({ ...input, options: { absent: 'excluded' } })
    const { a, b } = byStudent(result)
    expect(b.courses[0].parts.P1).toEqual({ points: 12, maximum: 20 }) // 6/10 of 20
    expect(b.totals.semester1).toEqual({ points: 57, maximum: 110 }) // (12 + 10 + 20) + 15
    expect(a.totals.semester2).toEqual({ points: 69, maximum: 100 }) // drawing EX2 drops its /20
    // a 162/220 = 73.636… → 73.6; b 57/110 = 51.818… → 51.8; c 76.7
    expect(places(result)).toEqual([
      [73.6, 2],
      [51.8, 3],
      [76.7, 1],
      [null, null],
    ])
  })

  it('ignores and reports evaluations of terms that are not P1..EX2, whatever the bulletin', () => {
    // a's 40/40 at the second session and 20/20 of an unknown term count nowhere (T.G. stayed 162/240 above)
    expect(rdcResults(input).ignoredEvaluations).toEqual(['fr-rep', 'fr-lost'])
    expect(rdcResults(input, 'P1').ignoredEvaluations).toEqual(['fr-rep', 'fr-lost'])
  })

  it('reads term codes typed by hand, and reports terms without a code', () => {
    const retyped = terms.map((t) => (t.code === 'EX1' ? { ...t, code: ' ex1' } : t.code === 'P2' ? { ...t, code: null } : t))
    const result = rdcResults({ ...input, terms: retyped }, 'S1')
    expect(result.ignoredEvaluations).toEqual(['fr-p2', 'fr-rep', 'fr-lost', 'dr-p2'])
    // a without P2: French 16 + 30, drawing 7 + 16 = 69/90 = 76.666… → 76.7
    expect(byStudent(result).a.totals.semester1).toEqual({ points: 69, maximum: 90 })
    expect(byStudent(result).a.percentage).toBe(76.7)
  })
})

describe('a 1,000-pupil school', () => {
  // 25 classes of 40, 12 subjects, 6 evaluations per subject in each of the 6 parts: 432,000 grades.
  const terms = rdcPeriods.map((code) => ({ id: code, code }))
  const termIds = terms.map((t) => t.id)
  const subjects = Array.from({ length: 12 }, (_, s) => ({ id: `s${s}`, coefficient: 1 + (s % 4), periodMaximum: 10 * (1 + (s % 4)) }))
  const classes: ResultsInput[] = Array.from({ length: 25 }, (_, k) => {
    const students = Array.from({ length: 40 }, (_, i) => `c${k}-p${i}`)
    const evaluations = subjects.flatMap((subject) =>
      terms.flatMap((term) =>
        Array.from({ length: 6 }, (_, e) => evaluation(`c${k}-${subject.id}-${term.id}-${e}`, subject.id, term.id, 20)),
      ),
    )
    const grades = evaluations.flatMap((e, n) =>
      students.map((student, i) => {
        const draw = (i * 7919 + n * 104729) % 97
        return draw === 0 ? absent(e.id, student) : draw === 1 ? exempt(e.id, student) : scored(e.id, student, draw % 21)
      }),
    )
    return { students, subjects, terms, evaluations, grades }
  })

  it('computes every class for both schemes in well under a second', () => {
    // CPU time, not wall time: another process on the machine (CI's other work) must not fail it.
    const started = process.cpuUsage()
    const year = classes.map((input) => rdcResults(input))
    const french = classes.map((input) => frenchResults(input, termIds))
    const used = process.cpuUsage(started)
    expect((used.user + used.system) / 1000).toBeLessThan(1000)
    expect(year.flatMap((r) => r.students).filter((s) => s.rank !== null)).toHaveLength(1000)
    expect(french.flatMap((r) => r.students).filter((s) => s.rank !== null)).toHaveLength(1000)
  })
})
