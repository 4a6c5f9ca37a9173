import { agingBucket, agingReport, cashPositionReport, collectionsReport, decimal, expensesReport, type InvoiceRow, type PaymentRow } from '../../src/domain/financeReports'

const pay = (paidAt: string, amount: number, extra: Partial<PaymentRow> = {}): PaymentRow => ({ paidAt, amount, currency: 'USD', method: 'cash', kind: 'payment', ...extra })

describe('collections', () => {
  const payments = [
    pay('2026-10-01T08:00:00Z', 5_000, { className: '5P-A' }),
    pay('2026-10-01T23:30:00Z', 2_000, { className: '5P-A' }), // 2 October in Kinshasa
    pay('2026-10-03T08:00:00Z', 1_000, { kind: 'refund', className: '5P-A' }),
    pay('2026-11-03T08:00:00Z', 10_000, { method: 'bank', className: '1HS' }),
    pay('2026-10-05T08:00:00Z', 1_425_000, { currency: 'CDF', className: '1HS' }),
  ]
  it('by month and method, refunds counted off, totals per currency never mixed', () => {
    const report = collectionsReport(payments, 'month')
    expect(report.columns.map((c) => c.key)).toEqual(['period', 'method', 'currency', 'count', 'received', 'refunded', 'net'])
    expect(report.rows).toEqual([
      { period: '2026-10', method: 'cash', currency: 'CDF', count: 1, received: 1_425_000, refunded: 0, net: 1_425_000 },
      { period: '2026-10', method: 'cash', currency: 'USD', count: 3, received: 7_000, refunded: 1_000, net: 6_000 },
      { period: '2026-11', method: 'bank', currency: 'USD', count: 1, received: 10_000, refunded: 0, net: 10_000 },
    ])
    expect(report.totals).toEqual([
      { currency: 'USD', values: { received: 17_000, refunded: 1_000, net: 16_000 } },
      { currency: 'CDF', values: { received: 1_425_000, refunded: 0, net: 1_425_000 } },
    ])
  })
  it('by day (Kinshasa’s day) and by class', () => {
    expect(collectionsReport(payments.slice(0, 2), 'day').rows.map((r) => r.period)).toEqual(['2026-10-01', '2026-10-02'])
    expect(collectionsReport(payments, 'class').rows.map((r) => [r.class, r.method, r.currency, r.net])).toEqual([
      ['1HS', 'bank', 'USD', 10_000],
      ['1HS', 'cash', 'CDF', 1_425_000],
      ['5P-A', 'cash', 'USD', 6_000],
    ])
  })
})

describe('outstanding and aging per family', () => {
  it('puts each day late in its bucket', () => {
    // 0 days late, 1, 30, 31, 60, 61, 90, 91, and no due date.
    const dues = ['2026-11-30', '2026-11-29', '2026-10-31', '2026-10-30', '2026-10-01', '2026-09-30', '2026-09-01', '2026-08-31', null]
    expect(dues.map((due) => agingBucket(due, '2026-11-30'))).toEqual(['current', 'days1to30', 'days1to30', 'days31to60', 'days31to60', 'days61to90', 'days61to90', 'over90', 'current'])
    expect(agingBucket('2026-12-01', '2026-11-30')).toBe('current')
  })
  it('groups a family’s invoices by its guardians, or by the pupil without any; void and paid ones owe nothing', () => {
    const mukendi = [{ id: 2, name: 'MUKENDI Joseph' }, { id: 1, name: 'MUKENDI Marie' }]
    const invoices: InvoiceRow[] = [
      { number: 'F1', currency: 'USD', balance: 10_000, dueDate: '2026-11-20', status: 'overdue', student: 'Grâce', payers: mukendi },
      { number: 'F2', currency: 'USD', balance: 5_000, dueDate: '2026-08-01', status: 'overdue', student: 'Jonathan', payers: [...mukendi].reverse() },
      { number: 'F3', currency: 'USD', balance: 3_000, dueDate: '2026-12-31', status: 'unpaid', student: 'Exaucé', payers: [] },
      { number: 'F4', currency: 'USD', balance: 9_000, dueDate: '2026-08-01', status: 'void', student: 'Exaucé', payers: [] },
      { number: 'F5', currency: 'USD', balance: 0, dueDate: '2026-08-01', status: 'paid', student: 'Exaucé', payers: [] },
      { number: 'F6', currency: 'CDF', balance: 700_000, dueDate: '2026-10-15', status: 'overdue', student: 'Grâce', payers: mukendi },
    ]
    const report = agingReport(invoices, '2026-11-30')
    expect(report.rows).toEqual([
      { family: 'MUKENDI Marie, MUKENDI Joseph', students: 'Grâce', currency: 'CDF', invoices: 1, current: 0, days1to30: 0, days31to60: 700_000, days61to90: 0, over90: 0, total: 700_000 },
      { family: 'MUKENDI Marie, MUKENDI Joseph', students: 'Grâce, Jonathan', currency: 'USD', invoices: 2, current: 0, days1to30: 10_000, days31to60: 0, days61to90: 0, over90: 5_000, total: 15_000 },
      { family: 'Exaucé', students: 'Exaucé', currency: 'USD', invoices: 1, current: 3_000, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0, total: 3_000 },
    ])
    expect(report.totals).toEqual([
      { currency: 'USD', values: { current: 3_000, days1to30: 10_000, days31to60: 0, days61to90: 0, over90: 5_000, total: 18_000 } },
      { currency: 'CDF', values: { current: 0, days1to30: 0, days31to60: 700_000, days61to90: 0, over90: 0, total: 700_000 } },
    ])
  })
})

describe('expenses and cash position', () => {
  const expenses = [
    { date: '2026-10-02', category: 'Fournitures', amount: 2_500, currency: 'USD' as const, status: 'approved' as const },
    { date: '2026-10-03', category: 'Fournitures', amount: 1_000, currency: 'USD' as const, status: 'submitted' as const },
    { date: '2026-10-04', category: 'Électricité', amount: 50_000, currency: 'CDF' as const, status: 'approved' as const },
    { date: '2026-10-05', category: 'Fournitures', amount: 9_999, currency: 'USD' as const, status: 'rejected' as const },
  ]
  it('by category and currency, approved apart from what waits, rejected left out', () => {
    const report = expensesReport(expenses)
    expect(report.rows).toEqual([
      { category: 'Électricité', currency: 'CDF', count: 1, approved: 50_000, submitted: 0 },
      { category: 'Fournitures', currency: 'USD', count: 2, approved: 2_500, submitted: 1_000 },
    ])
    expect(report.totals).toEqual([
      { currency: 'USD', values: { approved: 2_500, submitted: 1_000 } },
      { currency: 'CDF', values: { approved: 50_000, submitted: 0 } },
    ])
  })
  it('received minus refunded per method and currency, approved expenses subtracted when given', () => {
    const payments = [pay('2026-10-01T08:00:00Z', 5_000), pay('2026-10-02T08:00:00Z', 1_000, { kind: 'reversal' }), pay('2026-10-02T08:00:00Z', 3_000, { method: 'bank' }), pay('2026-10-02T08:00:00Z', 100_000, { currency: 'CDF' })]
    const without = cashPositionReport(payments)
    expect(without.columns.map((c) => c.key)).toEqual(['method', 'currency', 'received', 'refunded', 'net'])
    expect(without.totals).toEqual([
      { currency: 'USD', values: { received: 8_000, refunded: 1_000, net: 7_000 } },
      { currency: 'CDF', values: { received: 100_000, refunded: 0, net: 100_000 } },
    ])
    const withExpenses = cashPositionReport(payments, expenses)
    expect(withExpenses.rows.map((r) => [r.method, r.currency, r.net])).toEqual([
      ['bank', 'USD', 3_000],
      ['cash', 'USD', 4_000],
      ['expenses', 'USD', -2_500],
      ['cash', 'CDF', 100_000],
      ['expenses', 'CDF', -50_000],
    ])
    expect(withExpenses.totals.map((t) => [t.currency, t.values.net])).toEqual([
      ['USD', 4_500],
      ['CDF', 50_000],
    ])
  })
  it('writes amounts as exact decimals', () => {
    expect([decimal(123_450), decimal(-5), decimal(0, '.')]).toEqual(['1234,50', '-0,05', '0.00'])
  })
})
