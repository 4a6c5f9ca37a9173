import {
  billingRunEvent,
  invoiceOverdueEvent,
  invoiceVars,
  isOverdueStep,
  isPaymentNews,
  issuedVars,
  numericDate,
  paymentVars,
  pupilsVar,
  reportCardEvent,
} from '../../src/domain/familyNews'

describe('the events families are told of', () => {
  it('a bulletin as printed: the same figures are the same news, new figures are news again', () => {
    const version = 'a'.repeat(64)
    expect(reportCardEvent(7, version)).toBe(`reportCard:7:${'a'.repeat(16)}`)
    expect(reportCardEvent(7, 'b'.repeat(64))).not.toBe(reportCardEvent(7, version))
  })

  it('a billing run is its first and last invoice; each overdue step is its own news, the reminder before the due date is none', () => {
    expect(billingRunEvent(1, [501, 502, 590])).toBe('invoices:1:501-590')
    expect(invoiceOverdueEvent(12, 'overdue2')).toBe('invoice:12:overdue2')
    expect(['before', 'overdue1', 'overdue3'].map(isOverdueStep)).toEqual([false, true, true])
  })

  it('a payment is news when it succeeds, once, and only when money came in', () => {
    const cash = { kind: 'payment', method: 'cash', status: 'succeeded' }
    expect(isPaymentNews(null, cash)).toBe(true)
    expect(isPaymentNews({ ...cash, status: 'pending' }, { ...cash, method: 'mobileMoney' })).toBe(true)
    // A replayed webhook, or the same status said again.
    expect(isPaymentNews(cash, cash)).toBe(false)
    expect(isPaymentNews(null, { ...cash, status: 'pending' })).toBe(false)
    expect(isPaymentNews(null, { ...cash, status: 'failed' })).toBe(false)
    expect(isPaymentNews(null, { ...cash, kind: 'refund' })).toBe(false)
    expect(isPaymentNews(null, { ...cash, kind: 'reversal' })).toBe(false)
    // A credit carried from another invoice moved no money.
    expect(isPaymentNews(null, { ...cash, method: 'credit' })).toBe(false)
  })
})

describe('what the texts say', () => {
  it('the pupils a notification speaks of are kept, once each, for erasing a pupil to find them', () => {
    expect(pupilsVar([12, '15', 12])).toBe('12,15')
    expect(pupilsVar([7])).toBe('7')
  })

  it('dates read the same in French and English', () => {
    expect(numericDate('2027-01-15')).toBe('15/01/2027')
    expect(numericDate('2027-01-15T00:00:00.000Z')).toBe('15/01/2027')
  })

  it('one invoice: its pupil, number, amount and due date', () => {
    expect(issuedVars([{ pupil: 'MUKENDI Grâce', number: 'FAC-2026-000123', total: 12_000, currency: 'USD', dueDate: '2027-01-15T00:00:00.000Z' }])).toEqual({
      pupil: 'MUKENDI Grâce',
      number: 'FAC-2026-000123',
      amount: '120,00 $US',
      dueDate: '15/01/2027',
    })
  })

  it("a family's invoices of one run: every child once, every number, the amount per currency and the first due date", () => {
    expect(
      issuedVars([
        { pupil: 'MUKENDI Grâce', number: 'FAC-2026-000124', total: 5_000, currency: 'USD', dueDate: '2027-02-15' },
        { pupil: 'MUKENDI Grâce', number: 'FAC-2026-000125', total: 2_550, currency: 'USD', dueDate: null },
        { pupil: 'MUKENDI Jonathan', number: 'FAC-2026-000126', total: 300_000, currency: 'CDF', dueDate: '2027-01-15' },
      ]),
    ).toEqual({ pupil: 'MUKENDI Grâce, MUKENDI Jonathan', number: 'FAC-2026-000124, FAC-2026-000125, FAC-2026-000126', amount: '75,50 $US + 3 000,00 FC', dueDate: '15/01/2027' })
    expect(issuedVars([{ pupil: 'KASONGO Exaucé', number: 'FAC-2026-000001', total: 100, currency: 'USD' }]).dueDate).toBe('—')
  })

  it('an overdue invoice: what is left and since when; a payment: how much, on which invoice, its receipt', () => {
    expect(invoiceVars('MUKENDI Grâce', { number: 'FAC-2026-000123', balance: 7_000, currency: 'USD', dueDate: '2026-11-30T00:00:00.000Z' })).toEqual({
      pupil: 'MUKENDI Grâce',
      number: 'FAC-2026-000123',
      balance: '70,00 $US',
      dueDate: '30/11/2026',
    })
    expect(paymentVars('MUKENDI Grâce', { amount: 5_000, currency: 'USD', receiptNumber: 'REC-2026-000009' }, { number: 'FAC-2026-000123' })).toEqual({
      pupil: 'MUKENDI Grâce',
      amount: '50,00 $US',
      receipt: 'REC-2026-000009',
      number: 'FAC-2026-000123',
    })
  })
})
