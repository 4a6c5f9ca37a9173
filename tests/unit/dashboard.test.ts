import {
  attendanceFigures,
  expenseFigures,
  formatRate,
  isMonth,
  lastEndedTerm,
  monthSpan,
  moneyFigures,
  resultFigures,
  studentFigures,
  weekdays,
  type HeadcountRow,
} from '../../src/domain/dashboard'
import { listHref } from '../../src/dashboard/links'

const row = (klass: string, level: number, sex: 'M' | 'F' | null, count: number): HeadcountRow => ({
  level,
  levelName: level === 1 ? 'Primaire' : 'Secondaire',
  levelOrder: level,
  class: klass,
  className: `Classe ${klass}`,
  classCode: klass,
  sex,
  count,
})

describe('dates', () => {
  it('spans a month up to today when it is the current one, else to its end', () => {
    expect(monthSpan('2026-10', '2026-12-04')).toEqual({ from: '2026-10-01', to: '2026-10-31', upTo: '2026-10-31' })
    expect(monthSpan('2026-12', '2026-12-04')).toEqual({ from: '2026-12-01', to: '2026-12-31', upTo: '2026-12-04' })
    expect(monthSpan('2027-02', '2026-12-04').to).toBe('2027-02-28')
    expect(isMonth('2026-13')).toBe(false)
    expect(isMonth('2026-09')).toBe(true)
  })
  it('counts Monday to Friday', () => {
    // October 2026 begins on a Thursday: 22 weekdays.
    expect(weekdays('2026-10-01', '2026-10-31')).toHaveLength(22)
    expect(weekdays('2026-10-03', '2026-10-04')).toEqual([])
  })
  it('takes the last term that has ended', () => {
    const terms = [
      { id: 1, endDate: '2026-10-31T00:00:00.000Z' },
      { id: 2, endDate: '2026-12-15T00:00:00.000Z' },
    ]
    expect(lastEndedTerm(terms, '2026-12-04')?.id).toBe(1)
    expect(lastEndedTerm(terms, '2026-12-16')?.id).toBe(2)
    expect(lastEndedTerm(terms, '2026-10-31')).toBeNull()
  })
})

describe('students', () => {
  it('totals by level in order and by class, split by sex', () => {
    const figures = studentFigures([row('2S', 2, 'M', 4), row('1P', 1, 'F', 3), row('1P', 1, 'M', 2), row('10P', 1, 'F', 1)])
    expect(figures.total).toBe(10)
    expect(figures.sexes).toEqual({ M: 6, F: 4 })
    expect(figures.levels.map((l) => [l.name, l.total, l.sexes])).toEqual([
      ['Primaire', 6, { M: 2, F: 4 }],
      ['Secondaire', 4, { M: 4, F: 0 }],
    ])
    expect(figures.classes.map((c) => [c.code, c.total])).toEqual([
      ['1P', 5],
      ['2S', 4],
      ['10P', 1],
    ])
  })
  it('has no split when the sex is not shown', () => {
    const figures = studentFigures([row('1P', 1, null, 5)])
    expect(figures.sexes).toBeNull()
    expect(figures.levels[0].sexes).toBeNull()
    expect(figures.classes[0]).toMatchObject({ total: 5, sexes: null })
  })
})

describe('attendance', () => {
  const span = { from: '2026-10-01', upTo: '2026-10-09' } // 7 weekdays
  const absence = (student: number, day: string, counts: Partial<{ absent: number; excused: number; late: number }>) => ({
    student,
    fullName: `Élève ${student}`,
    classCode: '1P',
    day,
    absent: 0,
    excused: 0,
    late: 0,
    ...counts,
  })
  it('rates pupil-days present, a late pupil being present', () => {
    const figures = attendanceFigures(
      [absence(1, '2026-10-05', { absent: 2 }), absence(2, '2026-10-05', { excused: 1 }), absence(3, '2026-10-06', { late: 1 }), absence(1, '2026-10-20', { absent: 1 })],
      10,
      span,
    )
    expect(figures.schoolDays).toBe(7)
    expect(figures.absentPupilDays).toBe(2)
    expect(figures.rate).toBeCloseTo(68 / 70)
    expect(figures.days.find((d) => d.day === '2026-10-05')).toEqual({ day: '2026-10-05', absent: 2, rate: 0.8 })
    expect(figures.days.find((d) => d.day === '2026-10-06')?.absent).toBe(0)
    expect(figures.mostAbsent.map((p) => [p.student, p.days, p.absent, p.excused])).toEqual([
      [1, 1, 2, 0],
      [2, 1, 0, 1],
    ])
  })
  it('counts a Saturday on which a roll was taken as a school day', () => {
    expect(attendanceFigures([absence(1, '2026-10-03', { absent: 1 })], 10, span).schoolDays).toBe(8)
  })
  it('ranks by days absent, then unexcused absences, then name, and keeps the top', () => {
    const rows = [absence(3, '2026-10-05', { absent: 1 }), absence(2, '2026-10-05', { absent: 3 }), absence(2, '2026-10-06', { absent: 1 }), absence(1, '2026-10-05', { absent: 1 })]
    expect(attendanceFigures(rows, 10, span).mostAbsent.map((p) => p.student)).toEqual([2, 1, 3])
    expect(attendanceFigures(rows, 10, span, 1).mostAbsent).toHaveLength(1)
  })
  it('has no rate without pupils', () => {
    expect(attendanceFigures([], 0, span).rate).toBeNull()
  })
})

describe('results', () => {
  it('passes at 50 % and averages the pupils who have a result', () => {
    const figures = resultFigures([
      { class: 1, name: 'A', code: 'A', percentages: [50, 49.9, 80, null] },
      { class: 2, name: 'B', code: 'B', percentages: [null] },
    ])
    expect(figures.classes[0]).toMatchObject({ pupils: 4, counted: 3, passed: 2, passRate: 2 / 3, average: 60 })
    expect(figures.classes[1]).toMatchObject({ counted: 0, passRate: null, average: null })
    expect(figures.school).toMatchObject({ pupils: 5, counted: 3, passed: 2 })
  })
})

describe('money', () => {
  it('totals per currency, never across, with the collection rate per class', () => {
    const figures = moneyFigures([
      { class: 2, className: 'B', classCode: '2P', currency: 'USD', students: [3], invoices: 2, total: 30_000, paid: 10_000, balance: 20_000 },
      { class: 1, className: 'A', classCode: '1P', currency: 'USD', students: [1, 2], invoices: 3, total: 10_000, paid: 10_000, balance: 0 },
      { class: null, className: '', classCode: '', currency: 'USD', students: [9], invoices: 1, total: 5_000, paid: 0, balance: 5_000 },
      { class: 1, className: 'A', classCode: '1P', currency: 'CDF', students: [1], invoices: 1, total: 5_000_000, paid: 1_250_000, balance: 3_750_000 },
    ])
    expect(figures.currencies).toEqual([
      { currency: 'CDF', invoices: 1, invoiced: 5_000_000, collected: 1_250_000, outstanding: 3_750_000, rate: 0.25 },
      { currency: 'USD', invoices: 6, invoiced: 45_000, collected: 20_000, outstanding: 25_000, rate: 20_000 / 45_000 },
    ])
    expect(figures.classes.map((c) => [c.currency, c.code, c.rate])).toEqual([
      ['CDF', '1P', 0.25],
      ['USD', '1P', 1],
      ['USD', '2P', 1 / 3],
      ['USD', '', 0],
    ])
  })
})

describe('expenses', () => {
  it('separates approved from awaiting, per currency and category', () => {
    const figures = expenseFigures([
      { category: 'supplies', currency: 'USD', status: 'approved', count: 2, amount: 1_000 },
      { category: 'supplies', currency: 'USD', status: 'submitted', count: 1, amount: 500 },
      { category: 'rent', currency: 'CDF', status: 'approved', count: 1, amount: 9_000_000 },
    ])
    expect(figures.currencies).toEqual([
      { currency: 'CDF', count: 1, approved: 9_000_000, submitted: 0 },
      { currency: 'USD', count: 3, approved: 1_000, submitted: 500 },
    ])
    expect(figures.categories).toEqual([
      { category: 'rent', currency: 'CDF', count: 1, approved: 9_000_000, submitted: 0 },
      { category: 'supplies', currency: 'USD', count: 3, approved: 1_000, submitted: 500 },
    ])
  })
})

describe('formats and links', () => {
  it('prints rates in each language', () => {
    expect(formatRate(0.875, 'fr')).toBe('87,5 %')
    expect(formatRate(0.875, 'en')).toBe('87.5%')
    expect(formatRate(null)).toBe('—')
  })
  it('puts the filter in the list’s query string, lists comma-separated', () => {
    const href = listHref('/admin', 'invoices', [['school', 'equals', 1], ['student', 'in', [4, 5]]])
    expect(decodeURIComponent(href)).toBe('/admin/collections/invoices?where[and][0][school][equals]=1&where[and][1][student][in]=4,5')
  })
})
