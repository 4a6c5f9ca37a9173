import { amountsLocked, draftFromSalary, parsePeriod, payslipFigures, payslipProblems, periodLabel, transitionProblem } from '../../src/domain/payroll'

describe('payroll periods', () => {
  it('reads a calendar month written YYYY-MM', () => {
    expect(parsePeriod('2026-11')).toEqual({ year: 2026, month: 11 })
    expect(parsePeriod(' 2027-01 ')).toEqual({ year: 2027, month: 1 })
  })
  it.each(['2026-13', '2026-00', '2026-1', '26-11', '2026/11', '2026-11-01', '', null, 202611, '1999-12', '2101-01'])('refuses %p', (value) => {
    expect(parsePeriod(value)).toBeUndefined()
  })
  it('names the month in French and English', () => {
    expect(periodLabel('2026-11')).toBe('novembre 2026')
    expect(periodLabel('2026-02', 'en')).toBe('February 2026')
    expect(periodLabel('n’importe quoi')).toBe('n’importe quoi')
  })
})

describe('payslip figures', () => {
  const slip = { gross: 45_000, allowances: [{ label: 'Prime de transport', amount: 5_000 }, { label: 'Prime de craie', amount: 2_500 }], deductions: [{ label: 'INSS (5 %)', amount: 2_250 }, { label: 'Avance sur salaire', amount: 10_000 }] }

  it('net is gross plus allowances minus deductions, in whole minor units', () => {
    expect(payslipFigures(slip)).toEqual({ allowancesTotal: 7_500, deductionsTotal: 12_250, net: 40_250 })
    expect(payslipFigures({ gross: 300_000_00 })).toEqual({ allowancesTotal: 0, deductionsTotal: 0, net: 300_000_00 })
    expect(payslipProblems(slip)).toEqual([])
  })
  it('refuses a negative net, naming the deductions', () => {
    expect(payslipProblems({ gross: 10_000, deductions: [{ label: 'Avance', amount: 10_001 }] })).toEqual([{ path: 'deductions', key: 'negativeNet' }])
    expect(payslipProblems({ gross: 10_000, deductions: [{ label: 'Avance', amount: 10_000 }] })).toEqual([])
  })
  it('refuses fractions, floats and empty lines, naming each field', () => {
    expect(payslipProblems({ gross: 450.5 })).toEqual([{ path: 'gross', key: 'gross' }])
    expect(payslipProblems({ gross: -1 })).toEqual([{ path: 'gross', key: 'gross' }])
    expect(payslipProblems({ gross: 0 })).toEqual([{ path: 'gross', key: 'gross' }])
    expect(payslipProblems({ gross: 1_000, allowances: [{ label: ' ', amount: 0.5 }], deductions: [{ label: 'Retenue', amount: -3 }] })).toEqual([
      { path: 'allowances.0.label', key: 'lineLabel' },
      { path: 'allowances.0.amount', key: 'lineAmount' },
      { path: 'deductions.0.amount', key: 'lineAmount' },
    ])
  })
})

describe('payslip statuses', () => {
  it('move one step forward: the direction approves, the direction or finance pays', () => {
    expect(transitionProblem('draft', 'approved', ['admin'])).toBeNull()
    expect(transitionProblem('draft', 'approved', ['it'])).toBeNull()
    expect(transitionProblem('approved', 'paid', ['finance'])).toBeNull()
    expect(transitionProblem('approved', 'paid', ['admin'])).toBeNull()
    expect(transitionProblem('paid', 'paid', ['finance'])).toBeNull()
  })
  it('finance does not approve, nobody else pays', () => {
    expect(transitionProblem('draft', 'approved', ['finance'])).toBe('approveRole')
    expect(transitionProblem('approved', 'paid', ['secretariat', 'teacher'])).toBe('payRole')
  })
  it('never go back nor skip approval', () => {
    expect(transitionProblem('approved', 'draft', ['it'])).toBe('backwards')
    expect(transitionProblem('paid', 'approved', ['admin'])).toBe('backwards')
    expect(transitionProblem('draft', 'paid', ['admin', 'finance'])).toBe('skipped')
  })
  it('lock the amounts once approved', () => {
    expect(amountsLocked('draft')).toBe(false)
    expect(amountsLocked('approved')).toBe(true)
    expect(amountsLocked('paid')).toBe(true)
  })
})

describe('monthly drafts', () => {
  it('start from the base salary, in its currency', () => {
    expect(draftFromSalary({ baseSalary: 35_000_000, currency: 'CDF' })).toEqual({ gross: 35_000_000, currency: 'CDF', allowances: [], deductions: [] })
    expect(draftFromSalary({ baseSalary: null, currency: 'USD' })).toBeUndefined()
    expect(draftFromSalary({ baseSalary: 0 })).toBeUndefined()
  })
})
