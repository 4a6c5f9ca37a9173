/**
 * What a family owes: the invoices a fee schedule makes, their discounts and late penalties, and
 * an invoice's balance and status from its payments. Amounts are minor units (see money.ts).
 */
import { exchange, percentOf, split, type Currency } from './money'

export const feeKinds = ['tuition', 'registration', 'exam', 'uniform', 'transport', 'extra'] as const
export type FeeKind = (typeof feeKinds)[number]
/** An item is billed once, on the invoice at enrollment, or spread over the installments. */
export const billings = ['enrollment', 'installments'] as const
export type Billing = (typeof billings)[number]

export type FeeItem = { kind: FeeKind; label: string; amount: number; billing: Billing }
export type Installment = { label: string; dueDate: string; weight: number }
export type Schedule = { currency: Currency; items: FeeItem[]; installments: Installment[] }

export const lineKinds = [...feeKinds, 'discount', 'penalty', 'credit'] as const
export type LineKind = (typeof lineKinds)[number]
export type Line = { kind: LineKind; label: string; amount: number }

/** One invoice a schedule plans: `key` makes it unique per pupil and schedule ('enrollment', 'i1', 'i2'…). */
export type PlannedInvoice = { key: string; label: string; dueDate: string | null; lines: Line[] }

/** The invoices of a schedule for one pupil, before discounts: the enrollment one, then one per installment. */
export const planInvoices = (schedule: Schedule, enrollmentDate: string): PlannedInvoice[] => {
  const once = schedule.items.filter((item) => item.billing === 'enrollment')
  const spread = schedule.items.filter((item) => item.billing === 'installments')
  const planned: PlannedInvoice[] = []
  if (once.length) planned.push({ key: 'enrollment', label: 'enrollment', dueDate: enrollmentDate, lines: once.map(({ kind, label, amount }) => ({ kind, label, amount })) })
  if (spread.length && schedule.installments.length) {
    const weights = schedule.installments.map((i) => i.weight)
    const shares = spread.map((item) => split(item.amount, weights))
    schedule.installments.forEach((installment, k) =>
      planned.push({
        key: `i${k + 1}`,
        label: installment.label,
        dueDate: installment.dueDate,
        lines: spread.map((item, j) => ({ kind: item.kind, label: `${item.label} — ${installment.label}`, amount: shares[j][k] })).filter((l) => l.amount > 0),
      }),
    )
  }
  return planned
}

export const discountKinds = ['sibling', 'staffChild', 'scholarship', 'other'] as const
export type DiscountKind = (typeof discountKinds)[number]
export type Discount = {
  kind: DiscountKind
  label: string
  mode: 'percent' | 'fixed'
  /** A percentage ("10", "12.5") or a fixed amount in minor units of the invoice's currency per invoice. */
  value: string | number
  /** The fee kinds it reduces (tuition when empty). */
  appliesTo?: FeeKind[]
  /** For a sibling rule: from which child of the family (2 = the second and after). */
  fromChild?: number | null
}

/**
 * The discount lines (negative) for an invoice's lines: each discount on the fee kinds it
 * covers, never more than what is left of them; a sibling rule only from its child rank on
 * (children ranked by age, the eldest first, as schools count them).
 */
export const discountLines = (lines: Line[], discounts: Discount[], childRank = 1): Line[] => {
  const out: Line[] = []
  for (const discount of discounts) {
    if (discount.kind === 'sibling' && childRank < (discount.fromChild ?? 2)) continue
    const kinds = discount.appliesTo?.length ? discount.appliesTo : ['tuition']
    const base = lines.filter((line) => (kinds as string[]).includes(line.kind)).reduce((sum, line) => sum + line.amount, 0)
    const already = -out.reduce((sum, line) => sum + line.amount, 0)
    const left = Math.max(0, base - already)
    const wanted = discount.mode === 'percent' ? percentOf(base, discount.value) : Math.round(Number(discount.value))
    const amount = Math.min(left, Math.max(0, wanted))
    if (amount > 0) out.push({ kind: 'discount', label: discount.label, amount: -amount })
  }
  return out
}

export type PenaltyRule = { mode: 'percent' | 'fixed'; value: string | number; afterDays: number }

const dayOf = (date: string | Date) => (typeof date === 'string' ? date : date.toISOString()).slice(0, 10)
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/**
 * The late penalty an invoice takes on `today`: once its due date is more than `afterDays` days
 * behind and something is still owed, a fixed amount or a percentage of the balance; else 0.
 */
export const penaltyFor = (invoice: { dueDate: string | null; balance: number }, rule: PenaltyRule | null | undefined, today: string | Date) => {
  if (!rule || !invoice.dueDate || invoice.balance <= 0) return 0
  if (dayOf(today) <= addDays(dayOf(invoice.dueDate), rule.afterDays)) return 0
  return Math.max(0, rule.mode === 'percent' ? percentOf(invoice.balance, rule.value) : Math.round(Number(rule.value)))
}

export const invoiceStatuses = ['unpaid', 'partial', 'paid', 'overdue', 'void'] as const
export type InvoiceStatus = (typeof invoiceStatuses)[number]

/** A payment as it counts on its invoice: refunds and reversals count against it. */
export type Settlement = { status: string; kind: 'payment' | 'refund' | 'reversal'; amount: number; currency: Currency; exchangeRate?: string | null }

/** What a payment is worth in the invoice's currency (at the rate it recorded, francs a dollar), signed. */
export const appliedAmount = (payment: Settlement, invoiceCurrency: Currency) => {
  const amount = exchange(payment.amount, payment.currency, invoiceCurrency, payment.exchangeRate)
  return payment.kind === 'payment' ? amount : -amount
}

/** Total, paid, balance (never below zero: an overpayment is the family's credit) and status of an invoice. */
export const invoiceState = (invoice: { lines: Line[]; dueDate: string | null; voided: boolean }, applied: number[], today: string | Date) => {
  const total = invoice.lines.reduce((sum, line) => sum + line.amount, 0)
  const paid = applied.reduce((sum, amount) => sum + amount, 0)
  const balance = Math.max(0, total - paid)
  const credit = Math.max(0, paid - total)
  const status: InvoiceStatus = invoice.voided
    ? 'void'
    : balance === 0
      ? 'paid'
      : invoice.dueDate && dayOf(today) > dayOf(invoice.dueDate)
        ? 'overdue'
        : paid > 0
          ? 'partial'
          : 'unpaid'
  return { total, paid, balance, credit, status }
}

/**
 * Where a family's credit goes: onto its open invoices in the order they fall due, each taking
 * what it still owes, until the credit is used up; what is left waits for the next invoice.
 */
export const creditPlan = (credit: number, open: { id: number | string; balance: number }[]) => {
  const plan: { to: number | string; amount: number }[] = []
  let left = credit
  for (const invoice of open) {
    if (left <= 0) break
    const amount = Math.min(left, invoice.balance)
    if (amount <= 0) continue
    plan.push({ to: invoice.id, amount })
    left -= amount
  }
  return plan
}

/** "FAC-2026-000123": the school's sequence for the year the school year starts in. */
export const documentNumber = (prefix: string, year: string | number, n: number) => `${prefix}-${year}-${String(n).padStart(6, '0')}`
