import { appliedAmount, creditPlan, discountLines, documentNumber, invoiceState, penaltyFor, planInvoices, type Line, type Schedule } from '../../src/domain/billing'
import { exchange, formatMoney, parseRate, percentOf, split } from '../../src/domain/money'

describe('money in minor units', () => {
  it('reads a rate as an exact decimal, with a comma or a point', () => {
    expect(parseRate('2850.5')).toEqual({ num: 28505n, den: 10n })
    expect(parseRate('2850,5')).toEqual({ num: 28505n, den: 10n })
    for (const bad of ['', '0', '-2850', '1e3', 'abc', '2850.']) expect(parseRate(bad)).toBeUndefined()
  })

  it('exchanges dollars and francs at the day’s rate, rounding once, half away from zero', () => {
    // 12.34 $ at 2 850 FC: 35 169,00 FC.
    expect(exchange(1234, 'USD', 'CDF', '2850')).toBe(3_516_900)
    // 100 000 FC at 2 850.5: 35.0815… $ → 35.08 $.
    expect(exchange(10_000_000, 'CDF', 'USD', '2850.5')).toBe(3508)
    // 1 425 FC at 2 850 is exactly half a dollar: 0.50 $; 1 FC is 0.035 cent → 0.
    expect(exchange(142_500, 'CDF', 'USD', '2850')).toBe(50)
    expect(exchange(100, 'CDF', 'USD', '2850')).toBe(0)
    expect(exchange(500, 'USD', 'USD', null)).toBe(500)
    expect(() => exchange(500, 'USD', 'CDF', '')).toThrow('not a rate')
  })

  it('takes percentages with decimals and splits a fee into installments that add up', () => {
    expect(percentOf(12_345, '10')).toBe(1235)
    expect(percentOf(10_000, '12.5')).toBe(1250)
    expect(split(10_000, [1, 1, 1])).toEqual([3334, 3333, 3333])
    expect(split(45_000, [40, 30, 30])).toEqual([18_000, 13_500, 13_500])
    expect(split(1, [1, 1])).toEqual([1, 0])
    const parts = split(99_999, [3, 5, 7])
    expect(parts.reduce((a, b) => a + b, 0)).toBe(99_999)
  })

  it('writes amounts as families read them', () => {
    expect(formatMoney(125_000, 'USD', 'fr')).toBe('1 250,00 $US')
    expect(formatMoney(28_500_000, 'CDF', 'fr')).toBe('285 000,00 FC')
    expect(formatMoney(125_000, 'USD', 'en')).toBe('$1,250.00')
  })
})

const schedule: Schedule = {
  currency: 'USD',
  items: [
    { kind: 'registration', label: 'Inscription', amount: 2_000, billing: 'enrollment' },
    { kind: 'tuition', label: 'Minerval', amount: 30_000, billing: 'installments' },
    { kind: 'exam', label: 'Frais d’examen', amount: 1_000, billing: 'installments' },
  ],
  installments: [
    { label: '1re tranche', dueDate: '2026-09-15', weight: 40 },
    { label: '2e tranche', dueDate: '2027-01-15', weight: 30 },
    { label: '3e tranche', dueDate: '2027-04-15', weight: 30 },
  ],
}

describe('invoices a fee schedule makes', () => {
  it('bills the enrollment items once and spreads the others over the installments, to the cent', () => {
    const planned = planInvoices(schedule, '2026-09-01')
    expect(planned.map((p) => [p.key, p.dueDate, p.lines.map((l) => l.amount)])).toEqual([
      ['enrollment', '2026-09-01', [2_000]],
      ['i1', '2026-09-15', [12_000, 400]],
      ['i2', '2027-01-15', [9_000, 300]],
      ['i3', '2027-04-15', [9_000, 300]],
    ])
    expect(planned[1].lines[0].label).toBe('Minerval — 1re tranche')
    const total = planned.flatMap((p) => p.lines).reduce((sum, l) => sum + l.amount, 0)
    expect(total).toBe(33_000)
  })

  it('gives a sibling discount from the second child on, on tuition only unless told otherwise', () => {
    const lines: Line[] = [
      { kind: 'tuition', label: 'Minerval', amount: 12_000 },
      { kind: 'exam', label: 'Examens', amount: 400 },
    ]
    const sibling = { kind: 'sibling' as const, label: 'Fratrie −10 %', mode: 'percent' as const, value: '10', fromChild: 2 }
    expect(discountLines(lines, [sibling], 1)).toEqual([])
    expect(discountLines(lines, [sibling], 2)).toEqual([{ kind: 'discount', label: 'Fratrie −10 %', amount: -1_200 }])
    const wide = { ...sibling, appliesTo: ['tuition' as const, 'exam' as const] }
    expect(discountLines(lines, [wide], 3)[0].amount).toBe(-1_240)
  })

  it('never discounts more than the fees it covers, however many discounts a pupil has', () => {
    const lines: Line[] = [{ kind: 'tuition', label: 'Minerval', amount: 12_000 }]
    const out = discountLines(lines, [
      { kind: 'scholarship', label: 'Bourse', mode: 'percent', value: '75' },
      { kind: 'staffChild', label: 'Enfant du personnel', mode: 'fixed', value: 5_000 },
    ])
    expect(out.map((l) => l.amount)).toEqual([-9_000, -3_000])
    expect(discountLines([{ kind: 'uniform', label: 'Uniforme', amount: 2_500 }], [{ kind: 'scholarship', label: 'Bourse', mode: 'percent', value: '100' }])).toEqual([])
  })

  it('charges a late penalty only after the grace days, on what is still owed', () => {
    const rule = { mode: 'percent' as const, value: '5', afterDays: 10 }
    const invoice = { dueDate: '2026-09-15', balance: 8_000 }
    expect(penaltyFor(invoice, rule, '2026-09-25')).toBe(0)
    expect(penaltyFor(invoice, rule, '2026-09-26')).toBe(400)
    expect(penaltyFor({ ...invoice, balance: 0 }, rule, '2026-12-01')).toBe(0)
    expect(penaltyFor(invoice, { mode: 'fixed', value: 500, afterDays: 0 }, '2026-09-16')).toBe(500)
    expect(penaltyFor(invoice, null, '2027-01-01')).toBe(0)
  })
})

describe('an invoice’s balance and status', () => {
  const invoice = { lines: [{ kind: 'tuition' as const, label: 'Minerval', amount: 12_000 }], dueDate: '2026-09-15', voided: false }
  it('follows its payments, refunds and the due date', () => {
    expect(invoiceState(invoice, [], '2026-09-10')).toMatchObject({ total: 12_000, paid: 0, balance: 12_000, status: 'unpaid' })
    expect(invoiceState(invoice, [5_000], '2026-09-10')).toMatchObject({ paid: 5_000, balance: 7_000, status: 'partial' })
    expect(invoiceState(invoice, [5_000], '2026-09-16')).toMatchObject({ status: 'overdue' })
    expect(invoiceState(invoice, [5_000, 7_000], '2026-12-01')).toMatchObject({ balance: 0, status: 'paid' })
    expect(invoiceState(invoice, [15_000], '2026-09-10')).toMatchObject({ balance: 0, credit: 3_000, status: 'paid' })
    expect(invoiceState({ ...invoice, voided: true }, [], '2026-09-16').status).toBe('void')
  })

  it('counts a payment in another currency at its rate, and a refund against the invoice', () => {
    expect(appliedAmount({ status: 'succeeded', kind: 'payment', amount: 14_250_000, currency: 'CDF', exchangeRate: '2850' }, 'USD')).toBe(5_000)
    expect(appliedAmount({ status: 'succeeded', kind: 'refund', amount: 1_000, currency: 'USD' }, 'USD')).toBe(-1_000)
  })

  it('numbers documents per school year, six digits', () => {
    expect(documentNumber('FAC', 2026, 123)).toBe('FAC-2026-000123')
  })
})

describe('a family’s credit', () => {
  it('goes onto the open invoices in the order given, each taking what it owes, until it is used up', () => {
    expect(creditPlan(3_000, [{ id: 1, balance: 2_000 }, { id: 2, balance: 5_000 }, { id: 3, balance: 1_000 }])).toEqual([{ to: 1, amount: 2_000 }, { to: 2, amount: 1_000 }])
    expect(creditPlan(500, [{ id: 1, balance: 0 }, { id: 2, balance: 800 }])).toEqual([{ to: 2, amount: 500 }])
  })

  it('waits when there is nothing open, and is never more than the credit', () => {
    expect(creditPlan(3_000, [])).toEqual([])
    expect(creditPlan(0, [{ id: 1, balance: 2_000 }])).toEqual([])
    expect(creditPlan(9_000, [{ id: 1, balance: 2_000 }, { id: 2, balance: 1_000 }]).reduce((sum, move) => sum + move.amount, 0)).toBe(3_000)
  })
})
