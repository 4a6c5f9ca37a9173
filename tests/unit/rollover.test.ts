import { decide, planRollover, type RolloverClass, type RolloverEnrollment, type RolloverLevel } from '../../src/domain/rollover'

// A Congolese school: primaire (6 years), éducation de base (7e-8e), humanités (4 years).
const levels: RolloverLevel[] = [
  { id: 'P', order: 1, years: 6 },
  { id: 'EB', order: 2, years: 2 },
  { id: 'H', order: 3, years: 4 },
]
const klass = (id: string, level: string, grade: number, section: string | null, name: string, capacity: number | null = 40): RolloverClass => ({
  id,
  level,
  grade,
  section,
  code: id,
  name,
  capacity,
})
const closing: RolloverClass[] = [
  klass('5P-A', 'P', 5, 'A', '5e primaire A'),
  klass('6P-A', 'P', 6, 'A', '6e primaire A'),
  klass('6P-B', 'P', 6, 'B', '6e primaire B'),
  klass('7EB-A', 'EB', 1, 'A', '7e EB A', 45),
  klass('7EB-B', 'EB', 1, 'B', '7e EB B', 45),
  klass('8EB-A', 'EB', 2, 'A', '8e EB A'),
  klass('3H-A', 'H', 3, 'A', '3e humanités scientifiques'),
  klass('4H-A', 'H', 4, 'A', '4e humanités scientifiques'),
]
let enrollmentId = 0
const pupil = (student: string, klassId: string, fields: Partial<RolloverEnrollment> = {}): RolloverEnrollment => ({
  id: ++enrollmentId,
  student,
  class: klassId,
  ...fields,
})
const plan = (enrollments: RolloverEnrollment[], nextYearClasses: RolloverClass[] = [], classes = closing, passMark?: number) =>
  planRollover({ levels, classes, enrollments, nextYearClasses, passMark })
const moveOf = (result: ReturnType<typeof plan>, student: string) => result.moves.find((m) => m.student === student)!

describe('the decision for each pupil', () => {
  it('is the deliberation\'s when recorded', () => {
    expect(decide({ decision: 'repeating', percentage: 80 })).toBe('repeating')
    expect(decide({ decision: 'promoted', percentage: 20 })).toBe('promoted')
    expect(decide({ decision: 'leaving', percentage: 80 })).toBe('leaving')
  })

  it('otherwise follows the year\'s percentage: the pass mark itself passes', () => {
    expect(decide({ percentage: 50 })).toBe('promoted')
    expect(decide({ percentage: 49.9 })).toBe('repeating')
    expect(decide({ decision: null, percentage: 0 })).toBe('repeating')
    expect(decide({ percentage: 55 }, 60)).toBe('repeating')
    expect(decide({ percentage: 60 }, 60)).toBe('promoted')
  })

  it('otherwise is promoted', () => {
    expect(decide({})).toBe('promoted')
    expect(decide({ decision: null, percentage: null })).toBe('promoted')
    expect(decide({ percentage: Number.NaN })).toBe('promoted')
  })

  it('uses the pass mark given to the plan', () => {
    const result = plan([pupil('amani', '5P-A', { percentage: 55 })], [], closing, 60)
    expect(moveOf(result, 'amani').decision).toBe('repeating')
  })
})

describe('where pupils go', () => {
  it('sends a promoted pupil to the next grade of the level, same section', () => {
    const result = plan([pupil('amani', '5P-A', { decision: 'promoted' })])
    expect(moveOf(result, 'amani')).toEqual({ enrollment: enrollmentId, student: 'amani', decision: 'promoted', fromClass: '5P-A', toClass: { new: 'P:6:A' } })
  })

  it('sends a 6th-primary pupil promoted to 7e EB, the next level', () => {
    const result = plan([pupil('beni', '6P-A', { percentage: 72.5 })])
    expect(moveOf(result, 'beni')).toMatchObject({ decision: 'promoted', fromClass: '6P-A', toClass: { new: 'EB:1:A' } })
    expect(result.classesToCreate).toEqual([
      { key: 'EB:1:A', level: 'EB', grade: 1, section: 'A', code: '7EB-A', name: '7e EB A', capacity: 45, copiedFrom: '7EB-A' },
    ])
  })

  it('graduates a 4th-humanities pupil: out of the school, no class, and says no level follows', () => {
    const result = plan([pupil('chloe', '4H-A', { percentage: 68 })])
    expect(moveOf(result, 'chloe')).toMatchObject({ decision: 'graduated', fromClass: '4H-A', toClass: null })
    expect(result.classesToCreate).toEqual([])
    expect(result.warnings).toEqual([{ code: 'noNextLevel', params: { level: 'H' } }])
    expect(result.counts).toEqual({ promoted: 0, repeating: 0, leaving: 0, graduated: 1 })
  })

  it('keeps a 4th-humanities pupil who fails in 4th humanities', () => {
    const result = plan([pupil('chloe', '4H-A', { percentage: 41 })])
    expect(moveOf(result, 'chloe')).toMatchObject({ decision: 'repeating', toClass: { new: 'H:4:A' } })
    expect(result.warnings).toEqual([])
  })

  it('keeps a repeating pupil in the same grade and section', () => {
    const result = plan([pupil('dieu', '6P-B', { percentage: 31 })])
    expect(moveOf(result, 'dieu')).toMatchObject({ decision: 'repeating', toClass: { new: 'P:6:B' } })
    expect(result.classesToCreate[0]).toMatchObject({ code: '6P-B', name: '6e primaire B', copiedFrom: '6P-B' })
  })

  it('gives a leaving pupil no class', () => {
    const result = plan([pupil('elie', '6P-B', { decision: 'leaving', percentage: 90 })])
    expect(moveOf(result, 'elie')).toMatchObject({ decision: 'leaving', toClass: null })
    expect(result.classesToCreate).toEqual([])
  })

  it('keeps the section across levels when it exists (6e B → 7e EB B)', () => {
    expect(moveOf(plan([pupil('fifi', '6P-B')]), 'fifi').toClass).toEqual({ new: 'EB:1:B' })
  })

  it('sends a pupil whose section does not exist in the next grade to that grade\'s first section', () => {
    // 7e EB has A and B, 8e EB only A.
    const result = plan([pupil('gloire', '7EB-B')])
    expect(moveOf(result, 'gloire').toClass).toEqual({ new: 'EB:2:A' })
    expect(result.classesToCreate.map((c) => c.code)).toEqual(['8EB-A'])
  })

  it('reads sections as people type them: " b" is B', () => {
    const classes = [...closing, { ...klass('5P-B', 'P', 5, ' b', '5e primaire B') }]
    expect(moveOf(plan([pupil('hana', '5P-B')], [], classes), 'hana').toClass).toEqual({ new: 'P:6:B' })
  })

  it('follows levels by their order, whatever the order they are given in and the gaps between orders', () => {
    const shuffled: RolloverLevel[] = [
      { id: 'H', order: 30, years: 4 },
      { id: 'P', order: 10, years: 6 },
      { id: 'EB', order: 20, years: 2 },
    ]
    const result = planRollover({ levels: shuffled, classes: closing, enrollments: [pupil('ira', '8EB-A')], nextYearClasses: [] })
    expect(moveOf(result, 'ira').toClass).toEqual({ new: 'H:1:A' })
  })

  it('treats a grade beyond the level\'s years as its last', () => {
    const classes = [...closing, klass('7P-A', 'P', 7, 'A', '7e primaire A')]
    expect(moveOf(plan([pupil('jo', '7P-A')], [], classes), 'jo').toClass).toEqual({ new: 'EB:1:A' })
  })
})

describe('the next year\'s classes', () => {
  const next7A = klass('n-7A', 'EB', 1, 'A', '7e EB A', 45)
  const next6B = klass('n-6B', 'P', 6, 'B', '6e primaire B')

  it('reuses a class of the next year with the same level, grade and section', () => {
    const result = plan([pupil('amani', '6P-A'), pupil('beni', '6P-A')], [next7A])
    expect(result.moves.map((m) => m.toClass)).toEqual(['n-7A', 'n-7A'])
    expect(result.classesToCreate).toEqual([])
  })

  it('prefers a section the closing year had over squeezing pupils into another', () => {
    // The next year has 6e B only; 5e A pupils go to a new 6e A, copied from this year's.
    const result = plan([pupil('amani', '5P-A')], [next6B])
    expect(moveOf(result, 'amani').toClass).toEqual({ new: 'P:6:A' })
  })

  it('takes the next year\'s first section of the grade when the pupil\'s section exists in neither year', () => {
    const classes = [...closing, klass('5P-C', 'P', 5, 'C', '5e primaire C')]
    const next6A = klass('n-6A', 'P', 6, 'A', '6e primaire A')
    expect(moveOf(plan([pupil('kiese', '5P-C')], [next6B, next6A], classes), 'kiese').toClass).toEqual('n-6A')
    expect(moveOf(plan([pupil('kiese', '5P-C')], [], classes), 'kiese').toClass).toEqual({ new: 'P:6:A' })
  })

  it('plans each new class once, however many pupils go to it, in the order first needed', () => {
    const result = plan([pupil('a', '6P-A'), pupil('b', '5P-A'), pupil('c', '6P-A'), pupil('d', '6P-B', { decision: 'repeating' })])
    expect(result.classesToCreate.map((c) => c.key)).toEqual(['EB:1:A', 'P:6:A', 'P:6:B'])
    expect(result.moves.map((m) => m.toClass)).toEqual([{ new: 'EB:1:A' }, { new: 'P:6:A' }, { new: 'EB:1:A' }, { new: 'P:6:B' }])
  })

  it('derives a grade the school never had from the nearest class of the level, and says so', () => {
    // A school that opened with 1re humanités only: its pupils now need a 2e.
    const young = [klass('1HS', 'H', 1, null, '1re humanités scientifiques', 35)]
    const result = plan([pupil('lumbu', '1HS'), pupil('mbuyi', '1HS')], [], young)
    expect(result.classesToCreate).toEqual([
      { key: 'H:2:', level: 'H', grade: 2, section: null, code: '2HS', name: '2e humanités scientifiques', capacity: 35, copiedFrom: '1HS' },
    ])
    expect(result.moves.map((m) => m.toClass)).toEqual([{ new: 'H:2:' }, { new: 'H:2:' }])
    expect(result.warnings).toEqual([{ code: 'derivedClass', params: { code: '2HS', from: '1HS' } }])
  })

  it('derives from the pupil\'s own class when the next level has no class at all', () => {
    const primaryOnly = closing.filter((c) => c.level === 'P')
    const result = plan([pupil('nzuzi', '6P-A'), pupil('oscar', '6P-A', { decision: 'repeating' })], [], primaryOnly)
    expect(result.classesToCreate).toEqual([
      // Numbering across levels is the school's: the code is made unique, the name left to rename;
      // 6e primaire A keeps its own code.
      { key: 'EB:1:A', level: 'EB', grade: 1, section: 'A', code: '6P-A-2', name: '6e primaire A', capacity: 40, copiedFrom: '6P-A' },
      { key: 'P:6:A', level: 'P', grade: 6, section: 'A', code: '6P-A', name: '6e primaire A', capacity: 40, copiedFrom: '6P-A' },
    ])
    expect(result.warnings).toEqual([{ code: 'derivedClass', params: { code: '6P-A-2', from: '6P-A' } }])
  })

  it('never plans a code the next year already uses', () => {
    const taken = [{ ...klass('n-x', 'P', 1, 'A', '1re primaire A'), code: '6P-A' }]
    const result = plan([pupil('amani', '5P-A')], taken)
    expect(result.classesToCreate[0]).toMatchObject({ key: 'P:6:A', code: '6P-A-2', name: '6e primaire A' })
    expect(result.warnings).toEqual([{ code: 'codeChanged', params: { from: '6P-A', to: '6P-A-2' } }])
  })

  it('warns when more pupils go to a class than it seats, existing or new', () => {
    const small = [klass('n-7A', 'EB', 1, 'A', '7e EB A', 2)]
    const classes = closing.map((c) => (c.id === '6P-B' ? { ...c, capacity: 1 } : c))
    const result = plan(
      [pupil('a', '6P-A'), pupil('b', '6P-A'), pupil('c', '6P-A'), pupil('d', '6P-B', { decision: 'repeating' }), pupil('e', '6P-B', { decision: 'repeating' })],
      small,
      classes,
    )
    expect(result.warnings).toEqual([
      { code: 'overCapacity', params: { class: 'n-7A', capacity: 2, count: 3 } },
      { code: 'overCapacity', params: { class: '6P-B', capacity: 1, count: 2 } },
    ])
  })

  it('does not warn at capacity, nor for a class without a capacity', () => {
    const result = plan([pupil('a', '6P-A'), pupil('b', '6P-A')], [klass('n-7A', 'EB', 1, 'A', '7e EB A', 2), klass('n-6A', 'P', 6, 'A', '6e A', null)])
    expect(result.warnings).toEqual([])
  })
})

describe('what the direction must fix first', () => {
  it('a class without level or grade: its pupils get no class, said once per class', () => {
    const loose = { id: 'X', code: 'X', name: 'Classe passerelle', level: null, grade: null }
    const result = plan([pupil('a', 'X'), pupil('b', 'X', { percentage: 20 }), pupil('c', 'X', { decision: 'leaving' })], [], [...closing, loose])
    expect(result.moves.map((m) => [m.decision, m.toClass])).toEqual([
      ['promoted', null],
      ['repeating', null],
      ['leaving', null],
    ])
    expect(result.warnings).toEqual([{ code: 'classWithoutLevel', params: { class: 'X' } }])
  })

  it('a class whose level is not among the levels counts as without level', () => {
    const orphan = klass('M-1', 'maternelle', 1, null, '1re maternelle')
    expect(plan([pupil('a', 'M-1')], [], [...closing, orphan]).warnings).toEqual([{ code: 'classWithoutLevel', params: { class: 'M-1' } }])
  })

  it('an enrollment in a class that is not in the closing year', () => {
    const result = plan([pupil('a', 'ghost'), pupil('b', 'ghost')])
    expect(moveOf(result, 'a')).toMatchObject({ decision: 'promoted', toClass: null })
    expect(result.warnings).toEqual([{ code: 'unknownClass', params: { class: 'ghost' } }])
  })

  it('no next level: said once per level, however many graduate', () => {
    const result = plan([pupil('a', '4H-A'), pupil('b', '4H-A')])
    expect(result.warnings).toEqual([{ code: 'noNextLevel', params: { level: 'H' } }])
  })
})

describe('the plan as a whole', () => {
  const enrollments = [
    pupil('a', '5P-A', { percentage: 61 }),
    pupil('b', '5P-A', { percentage: 38 }),
    pupil('c', '6P-A', { decision: 'promoted' }),
    pupil('d', '6P-B', { decision: 'leaving' }),
    pupil('e', '8EB-A'),
    pupil('f', '4H-A', { percentage: 74 }),
    pupil('g', '4H-A', { percentage: 45 }),
    pupil('h', '3H-A', { decision: 'repeating' }),
  ]
  const nextYear = [klass('n-6A', 'P', 6, 'A', '6e primaire A')]

  it('counts each outcome', () => {
    expect(plan(enrollments, nextYear).counts).toEqual({ promoted: 3, repeating: 3, leaving: 1, graduated: 1 })
  })

  it('lists one move per enrollment, in enrollment order', () => {
    expect(plan(enrollments, nextYear).moves.map((m) => [m.student, m.decision, m.toClass])).toEqual([
      ['a', 'promoted', 'n-6A'],
      ['b', 'repeating', { new: 'P:5:A' }],
      ['c', 'promoted', { new: 'EB:1:A' }],
      ['d', 'leaving', null],
      ['e', 'promoted', { new: 'H:1:A' }],
      ['f', 'graduated', null],
      ['g', 'repeating', { new: 'H:4:A' }],
      ['h', 'repeating', { new: 'H:3:A' }],
    ])
  })

  it('is the same plan whatever the order of its input, so the preview is what gets applied', () => {
    const reversed = planRollover({
      levels: [...levels].reverse(),
      classes: [...closing].reverse(),
      enrollments: [...enrollments].reverse(),
      nextYearClasses: [...nextYear].reverse(),
    })
    expect(reversed).toEqual(plan(enrollments, nextYear))
  })

  it('orders enrollments by id as numbers, not as text', () => {
    const ids = planRollover({
      levels,
      classes: closing,
      enrollments: [10, 9, 100].map((id) => ({ id, student: `s${id}`, class: '5P-A' })),
      nextYearClasses: [],
    }).moves.map((m) => m.enrollment)
    expect(ids).toEqual([9, 10, 100])
  })

  it('is empty for a year without pupils', () => {
    expect(plan([])).toEqual({ classesToCreate: [], moves: [], warnings: [], counts: { promoted: 0, repeating: 0, leaving: 0, graduated: 0 } })
  })
})
