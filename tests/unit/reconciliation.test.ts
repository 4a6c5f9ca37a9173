import { matchStatement, paymentDay, phoneKey, summarise, type PaymentForMatch, type StatementLine } from '../../src/domain/reconciliation'
import { parseAmount, parseCsv, parseDay, parseStatementRows } from '../../src/domain/statement'

const line = (row: number, extra: Partial<StatementLine> = {}): StatementLine => ({ row, date: '2026-10-05', amount: 5_000, currency: 'USD', ...extra })
const payment = (id: number, extra: Partial<PaymentForMatch> = {}): PaymentForMatch => ({ id, amount: 5_000, currency: 'USD', paidAt: '2026-10-05T09:00:00.000Z', kind: 'payment', ...extra })

describe('matching statement lines to payments', () => {
  it('matches a quoted provider reference or receipt number, written any way, whatever the amount', () => {
    const payments = [payment(1, { providerReference: 'MP2610AB77', amount: 9_999 }), payment(2, { receiptNumber: 'REC-2026-000045' })]
    const result = matchStatement([line(2, { description: 'Depot mp2610ab77 minerval' }), line(3, { reference: 'REC 2026 000045', date: '2026-12-31' })], payments)
    expect(result).toEqual([
      { row: 2, status: 'matched', rule: 'reference', payment: 1, candidates: [] },
      { row: 3, status: 'matched', rule: 'reference', payment: 2, candidates: [] },
    ])
  })

  it('matches one payment of the same amount, currency and day (within the window) when no reference is quoted', () => {
    const payments = [payment(1, { paidAt: '2026-10-07T10:00:00.000Z' }), payment(2, { currency: 'CDF' }), payment(3, { amount: 5_001 }), payment(4, { paidAt: '2026-10-20T10:00:00.000Z' })]
    expect(matchStatement([line(2)], payments)).toEqual([{ row: 2, status: 'matched', rule: 'amountDate', payment: 1, candidates: [] }])
    expect(matchStatement([line(2)], payments, { windowDays: 1 })).toEqual([{ row: 2, status: 'unmatched', candidates: [] }])
  })

  it('lists several candidates as ambiguous, and none as unmatched', () => {
    const result = matchStatement([line(2), line(3, { amount: 7_700 })], [payment(1), payment(2)])
    expect(result).toEqual([
      { row: 2, status: 'ambiguous', candidates: [1, 2] },
      { row: 3, status: 'unmatched', candidates: [] },
    ])
    expect(summarise(result)).toEqual({ matched: 0, ambiguous: 1, unmatched: 1 })
  })

  it('tells candidates apart by phone when both sides have one, in any national or international form', () => {
    const payments = [payment(1, { phone: '+243 812 345 678' }), payment(2, { phone: '0991234567' })]
    expect(matchStatement([line(2, { phone: '0812345678' })], payments)).toEqual([{ row: 2, status: 'matched', rule: 'amountDate', payment: 1, candidates: [] }])
    // A line without a phone cannot tell them apart.
    expect(matchStatement([line(2)], payments)[0].status).toBe('ambiguous')
    expect(phoneKey('00243 81-234-5678')).toBe('812345678')
    expect(phoneKey('12345')).toBeNull()
  })

  it('gives a payment to one line at most', () => {
    // Two identical lines for one payment: which one it is cannot be told, so both wait for a person.
    expect(matchStatement([line(2), line(3)], [payment(1)]).map((m) => m.status)).toEqual(['ambiguous', 'ambiguous'])
    // A payment quoted by one line is no candidate of another.
    const quoted = matchStatement([line(2), line(3, { reference: 'TX-99887766' })], [payment(1, { providerReference: 'TX-99887766' }), payment(2)])
    expect(quoted).toEqual([
      { row: 2, status: 'matched', rule: 'amountDate', payment: 2, candidates: [] },
      { row: 3, status: 'matched', rule: 'reference', payment: 1, candidates: [] },
    ])
    // A line with a single candidate takes it; the other line is left with the other payment.
    const chained = matchStatement([line(2), line(3, { phone: '0812345678' })], [payment(1, { phone: '0812345678' }), payment(2, { phone: '0977000000' })])
    expect(chained.map((m) => [m.status, m.payment])).toEqual([
      ['matched', 2],
      ['matched', 1],
    ])
  })

  it('reads credits as payments and debits as refunds', () => {
    const result = matchStatement([line(2, { amount: -2_000 }), line(3, { amount: 2_000 })], [payment(1, { amount: 2_000, kind: 'refund' })])
    expect(result.map((m) => [m.row, m.status, m.payment])).toEqual([
      [2, 'matched', 1],
      [3, 'unmatched', undefined],
    ])
  })

  it('dates a payment on its day in Kinshasa (UTC+1)', () => {
    expect(paymentDay('2026-10-05T23:30:00.000Z')).toBe('2026-10-06')
    expect(paymentDay('2026-10-05')).toBe('2026-10-05')
    expect(paymentDay(null)).toBeNull()
  })
})

describe('reading statements', () => {
  it('reads French and English amounts into minor units, without floats', () => {
    expect(parseAmount('1 234,50')).toBe(123_450)
    expect(parseAmount('1\u202f234,5')).toBe(123_450)
    expect(parseAmount('1.234,50')).toBe(123_450)
    expect(parseAmount('1,234.50')).toBe(123_450)
    expect(parseAmount('1,234')).toBe(123_400)
    expect(parseAmount('-25')).toBe(-2_500)
    expect(parseAmount('(25,00)')).toBe(-2_500)
    expect(parseAmount('25,00 $')).toBe(2_500)
    expect(parseAmount(12.34)).toBe(1_234)
    expect(parseAmount('12,345')).toBe(1_234_500)
    expect(parseAmount('12,3456')).toBe('decimals')
    expect(parseAmount(1.005)).toBe('decimals')
    for (const bad of ['', 'abc', '12,34,5', '1..2', '--5']) expect(parseAmount(bad)).toBeUndefined()
  })

  it('reads dates as dd/mm/yyyy, ISO, spreadsheet dates and serial days; impossible dates are refused', () => {
    expect(parseDay('05/10/2026')).toBe('2026-10-05')
    expect(parseDay('5-10-2026 14:03')).toBe('2026-10-05')
    expect(parseDay('2026-10-05T10:00:00Z')).toBe('2026-10-05')
    expect(parseDay(new Date('2026-10-05T00:00:00Z'))).toBe('2026-10-05')
    expect(parseDay(46_300)).toBe('2026-10-05')
    for (const bad of ['31/02/2026', '2026-13-01', 'hier', '', '10/2026']) expect(parseDay(bad)).toBeUndefined()
  })

  it('splits CSV on semicolons or commas, with quotes and a byte order mark', () => {
    expect(parseCsv('\ufeffDate;Montant;Libellé\r\n05/10/2026;"1 234,50";"Dépôt ""minerval""; Grâce"\r\n')).toEqual([
      { number: 1, cells: ['Date', 'Montant', 'Libellé'] },
      { number: 2, cells: ['05/10/2026', '1 234,50', 'Dépôt "minerval"; Grâce'] },
    ])
    expect(parseCsv('Date,Amount,Reference\n2026-10-05,1234.50,TX1\n\n2026-10-06,10,TX2').map((r) => r.number)).toEqual([1, 2, 4])
  })

  it('finds the header under a title block, in French or English and any order', () => {
    const rows = parseCsv(['Rawbank — relevé du compte 0001', 'Période : octobre 2026', '', 'Libellé;Téléphone;Référence;Devise;Montant;Date', 'Minerval;0812345678;MP1;USD;50,00;05/10/2026', 'Solde;;;;;'].join('\n'))
    expect(parseStatementRows(rows)).toEqual({
      lines: [{ row: 5, date: '2026-10-05', amount: 5_000, currency: 'USD', reference: 'MP1', phone: '0812345678', description: 'Minerval' }],
      errors: [],
    })
    const english = parseStatementRows(parseCsv('Transaction date,Paid in,Paid out,Currency,Details\n2026-10-05,,20.00,CDF,Refund\n2026-10-06,30.00,,FC,Deposit'))
    expect(english.lines.map((l) => [l.amount, l.currency])).toEqual([
      [-2_000, 'CDF'],
      [3_000, 'CDF'],
    ])
  })

  it('names the row and the column of every bad cell, and keeps no line then', () => {
    const rows = parseCsv('Date;Montant;Devise\n05/10/2026;50,00;USD\n31/02/2026;abc;EUR\n06/10/2026;1,234;USD')
    expect(parseStatementRows(rows).errors).toEqual([
      { row: 3, column: 'Date', code: 'badDate', value: '31/02/2026' },
      { row: 3, column: 'Montant', code: 'badAmount', value: 'abc' },
      { row: 3, column: 'Devise', code: 'badCurrency', value: 'EUR' },
    ])
    expect(parseStatementRows(parseCsv('Date;Montant\n05/10/2026;50')).errors).toEqual([{ row: 2, column: '', code: 'noCurrency', value: '' }])
    expect(parseStatementRows(parseCsv('Date;Montant\n05/10/2026;50'), 'CDF').lines[0]).toMatchObject({ amount: 5_000, currency: 'CDF' })
    expect(parseStatementRows(parseCsv('Nom;Classe\nA;B')).errors[0].code).toBe('noHeader')
    // A dated line without an amount is an error; a line with neither is a subtotal, skipped.
    expect(parseStatementRows(parseCsv('Date;Montant;Devise\n05/10/2026;;USD\nTotal;;')).errors).toEqual([{ row: 2, column: 'Montant', code: 'badAmount', value: '' }])
    expect(parseStatementRows([{ number: 1, cells: ['Date', 'Montant'] }, { number: 2, cells: [new Date('2026-10-05'), { formula: 'A1*2', result: 4 }] }], 'USD').errors).toEqual([{ row: 2, column: 'Montant', code: 'formula', value: '' }])
  })
})
