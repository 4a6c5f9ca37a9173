/**
 * The school's finance reports as tables: plain rows in, columns and rows and totals per
 * currency out. Amounts stay integer minor units; dollars and francs are never added together.
 * Column keys name translations (`reports.columns.<key>`); a cell is text, a count or money.
 */
import type { Currency } from './money'

/** `decimal`: a figure with decimals (an average, a rate in percent); `date`: a day, YYYY-MM-DD. */
export type ColumnKind = 'text' | 'money' | 'number' | 'decimal' | 'date'
/** `width`: the column's share of a printed page's width, for long texts (names). */
export type ReportColumn = { key: string; kind: ColumnKind; width?: number }
export type ReportRow = Record<string, string | number | null> & { currency?: Currency }
/** A total row: per currency for money, or one row of counts and rates; `label` names it (`reports.<label>`, "Total" by default). */
export type ReportTotal = { currency?: Currency; label?: string; values: Record<string, number | null> }
/** `title` names a table of a report that has several (`reports.sections.<title>`). */
export type ReportTable = { columns: ReportColumn[]; rows: ReportRow[]; totals: ReportTotal[]; title?: string }

export type PaymentRow = {
  paidAt: string
  amount: number
  currency: Currency
  method: string
  kind: 'payment' | 'refund' | 'reversal'
  /** The pupil's class when the payment was made, by name. */
  className?: string | null
}
export type InvoiceRow = {
  number: string
  currency: Currency
  balance: number
  dueDate?: string | null
  status: string
  student: string
  /** The payer guardians' ids and names; empty when the invoice names none. */
  payers: { id: string | number; name: string }[]
}
export type ExpenseRow = { date: string; category: string; amount: number; currency: Currency; status: 'submitted' | 'approved' | 'rejected' }

const signed = (p: Pick<PaymentRow, 'amount' | 'kind'>) => (p.kind === 'payment' ? p.amount : -p.amount)
const dayOf = (iso: string) => new Date(Date.parse(iso) + 3600_000).toISOString().slice(0, 10) // Kinshasa's day (UTC+1)
const byText = (a: string, b: string) => a.localeCompare(b, 'fr')

/** Totals per currency of the money columns, currencies in a fixed order. */
const totalsOf = (columns: ReportColumn[], rows: ReportRow[]): ReportTotal[] => {
  const money = columns.filter((c) => c.kind === 'money').map((c) => c.key)
  const out = new Map<Currency, Record<string, number | null>>()
  for (const row of rows) {
    if (!row.currency) continue
    const sums = out.get(row.currency) ?? Object.fromEntries(money.map((key) => [key, 0]))
    for (const key of money) sums[key] = Number(sums[key]) + Number(row[key] ?? 0)
    out.set(row.currency, sums)
  }
  return (['USD', 'CDF'] as Currency[]).filter((c) => out.has(c)).map((currency) => ({ currency, values: out.get(currency)! }))
}

const table = (columns: ReportColumn[], rows: ReportRow[]): ReportTable => ({ columns, rows, totals: totalsOf(columns, rows) })

/** Money received (refunds and reversals counted off) per period and method, or per class and method. */
export const collectionsReport = (payments: PaymentRow[], groupBy: 'day' | 'month' | 'class'): ReportTable => {
  const first = groupBy === 'class' ? 'class' : 'period'
  const keyOf = (p: PaymentRow) => (groupBy === 'class' ? (p.className ?? '') : groupBy === 'day' ? dayOf(p.paidAt) : dayOf(p.paidAt).slice(0, 7))
  const groups = new Map<string, ReportRow>()
  for (const p of payments) {
    const id = JSON.stringify([keyOf(p), p.method, p.currency])
    const row = groups.get(id) ?? { [first]: keyOf(p), method: p.method, currency: p.currency, count: 0, received: 0, refunded: 0, net: 0 }
    row.count = Number(row.count) + 1
    if (p.kind === 'payment') row.received = Number(row.received) + p.amount
    else row.refunded = Number(row.refunded) + p.amount
    row.net = Number(row.net) + signed(p)
    groups.set(id, row)
  }
  const rows = [...groups.values()].sort((a, b) => byText(String(a[first]), String(b[first])) || byText(String(a.method), String(b.method)) || byText(String(a.currency), String(b.currency)))
  return table(
    [
      { key: first, kind: 'text' },
      { key: 'method', kind: 'text' },
      { key: 'currency', kind: 'text' },
      { key: 'count', kind: 'number' },
      { key: 'received', kind: 'money' },
      { key: 'refunded', kind: 'money' },
      { key: 'net', kind: 'money' },
    ],
    rows,
  )
}

export const agingBuckets = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const
export type AgingBucket = (typeof agingBuckets)[number]

/** The bucket of an amount due on `dueDate`, seen on `asOf` (both days). */
export const agingBucket = (dueDate: string | null | undefined, asOf: string): AgingBucket => {
  if (!dueDate) return 'current'
  const late = Math.round((Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`) - Date.parse(`${dueDate.slice(0, 10)}T00:00:00Z`)) / 86_400_000)
  return late <= 0 ? 'current' : late <= 30 ? 'days1to30' : late <= 60 ? 'days31to60' : late <= 90 ? 'days61to90' : 'over90'
}

/**
 * What each family still owes, by how late: a family is the invoice's payer guardians (the same
 * set of guardians whatever their order), or the pupil when the invoice names none. Void and
 * settled invoices owe nothing.
 */
export const agingReport = (invoices: InvoiceRow[], asOf: string): ReportTable => {
  const groups = new Map<string, ReportRow & { students: Set<string> }>()
  for (const invoice of invoices) {
    if (invoice.status === 'void' || invoice.balance <= 0) continue
    const payers = [...invoice.payers].sort((a, b) => String(a.id).localeCompare(String(b.id)))
    const family = payers.length ? `g:${payers.map((p) => p.id).join(',')}` : `s:${invoice.student}`
    const id = `${family}|${invoice.currency}`
    const row = groups.get(id) ?? ({
      family: payers.length ? payers.map((p) => p.name).join(', ') : invoice.student,
      students: new Set<string>(),
      currency: invoice.currency,
      invoices: 0,
      ...Object.fromEntries(agingBuckets.map((b) => [b, 0])),
      total: 0,
    } as unknown as ReportRow & { students: Set<string> })
    row.students.add(invoice.student)
    row.invoices = Number(row.invoices) + 1
    const bucket = agingBucket(invoice.dueDate, asOf)
    row[bucket] = Number(row[bucket]) + invoice.balance
    row.total = Number(row.total) + invoice.balance
    groups.set(id, row)
  }
  const rows = [...groups.values()]
    .map(({ students, ...row }) => ({ ...row, students: [...students].sort(byText).join(', ') }) as ReportRow)
    .sort((a, b) => Number(b.total) - Number(a.total) || byText(String(a.family), String(b.family)))
  return table(
    [
      { key: 'family', kind: 'text' },
      { key: 'students', kind: 'text' },
      { key: 'currency', kind: 'text' },
      { key: 'invoices', kind: 'number' },
      ...agingBuckets.map((key): ReportColumn => ({ key, kind: 'money' })),
      { key: 'total', kind: 'money' },
    ],
    rows,
  )
}

/** Spending per category and currency: what was approved, and what still waits for approval (rejected is left out). */
export const expensesReport = (expenses: ExpenseRow[]): ReportTable => {
  const groups = new Map<string, ReportRow>()
  for (const e of expenses) {
    if (e.status === 'rejected') continue
    const id = `${e.category}|${e.currency}`
    const row = groups.get(id) ?? { category: e.category, currency: e.currency, count: 0, approved: 0, submitted: 0 }
    row.count = Number(row.count) + 1
    row[e.status] = Number(row[e.status]) + e.amount
    groups.set(id, row)
  }
  const rows = [...groups.values()].sort((a, b) => byText(String(a.category), String(b.category)) || byText(String(a.currency), String(b.currency)))
  return table(
    [
      { key: 'category', kind: 'text' },
      { key: 'currency', kind: 'text' },
      { key: 'count', kind: 'number' },
      { key: 'approved', kind: 'money' },
      { key: 'submitted', kind: 'money' },
    ],
    rows,
  )
}

/**
 * Cash on hand per currency and method: received minus refunded; approved expenses (paid out,
 * method unknown) come off as a line of their own when given, so the totals are the position.
 */
export const cashPositionReport = (payments: PaymentRow[], expenses?: ExpenseRow[]): ReportTable => {
  const groups = new Map<string, ReportRow>()
  const rowOf = (method: string, currency: Currency) => {
    const id = `${method}|${currency}`
    const row = groups.get(id) ?? { method, currency, received: 0, refunded: 0, expenses: 0, net: 0 }
    groups.set(id, row)
    return row
  }
  for (const p of payments) {
    const row = rowOf(p.method, p.currency)
    if (p.kind === 'payment') row.received = Number(row.received) + p.amount
    else row.refunded = Number(row.refunded) + p.amount
    row.net = Number(row.net) + signed(p)
  }
  for (const e of expenses ?? []) {
    if (e.status !== 'approved') continue
    const row = rowOf('expenses', e.currency)
    row.expenses = Number(row.expenses) + e.amount
    row.net = Number(row.net) - e.amount
  }
  const order = (m: string) => (m === 'expenses' ? 'zzz' : m)
  const rows = [...groups.values()].sort((a, b) => byText(String(a.currency), String(b.currency)) * -1 || byText(order(String(a.method)), order(String(b.method))))
  return table(
    [
      { key: 'method', kind: 'text' },
      { key: 'currency', kind: 'text' },
      { key: 'received', kind: 'money' },
      { key: 'refunded', kind: 'money' },
      ...(expenses ? [{ key: 'expenses', kind: 'money' } as ReportColumn] : []),
      { key: 'net', kind: 'money' },
    ],
    rows,
  )
}

/** "1234,50" / "1234.50" from minor units, exactly (for CSV cells). */
export const decimal = (minor: number, separator = ',') => {
  const sign = minor < 0 ? '-' : ''
  const abs = Math.abs(minor)
  return `${sign}${Math.floor(abs / 100)}${separator}${String(abs % 100).padStart(2, '0')}`
}
