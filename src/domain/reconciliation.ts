/**
 * Matching a bank or mobile-money statement to the payments the school recorded. Amounts are
 * minor units, signed as the statement shows them: a credit (money in, a family's payment) is
 * positive, a debit (money out, a refund) is negative. A line matches a payment when it quotes
 * the payment's provider reference or receipt number; otherwise when amount, currency, day
 * (within a few days) and, when both have one, the phone agree with exactly one payment. A
 * payment is matched to one line at most.
 */
import type { Currency } from './money'

type ID = number | string

export type StatementLine = {
  /** The line's row in the file, to name it to the user. */
  row: number
  /** YYYY-MM-DD */
  date: string
  amount: number
  currency: Currency
  reference?: string | null
  phone?: string | null
  description?: string | null
}

export type PaymentForMatch = {
  id: ID
  receiptNumber?: string | null
  providerReference?: string | null
  amount: number
  currency: Currency
  /** ISO timestamp or day. */
  paidAt?: string | null
  phone?: string | null
  method?: string | null
  kind?: 'payment' | 'refund' | 'reversal' | null
}

export const matchStatuses = ['matched', 'ambiguous', 'unmatched'] as const
export type MatchStatus = (typeof matchStatuses)[number]
export const matchRules = ['reference', 'amountDate'] as const
export type MatchRule = (typeof matchRules)[number]

export type LineMatch = { row: number; status: MatchStatus; rule?: MatchRule; payment?: ID; candidates: ID[] }

export type MatchOptions = { windowDays?: number }

/** What a payment does to the account: money in for a payment, out for a refund or a reversal. */
export const signedAmount = (payment: Pick<PaymentForMatch, 'amount' | 'kind'>) => (payment.kind === 'refund' || payment.kind === 'reversal' ? -payment.amount : payment.amount)

/** The day a payment was made in Kinshasa (UTC+1), as the statement dates it. */
export const paymentDay = (paidAt: string | null | undefined) => {
  if (!paidAt) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(paidAt)) return paidAt
  const time = Date.parse(paidAt)
  return Number.isNaN(time) ? null : new Date(time + 3600_000).toISOString().slice(0, 10)
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000

/** The national part of a DRC number (its last nine digits), so "+243 81…" and "081…" compare equal. */
export const phoneKey = (phone: string | null | undefined) => {
  const digits = String(phone ?? '').replace(/\D/g, '')
  return digits.length >= 9 ? digits.slice(-9) : null
}

/** Upper case without spaces or dashes: "rec-2026 000045" is written many ways on a statement. */
const compact = (text: string | null | undefined) => String(text ?? '').toUpperCase().replace(/[\s\-_/.]/g, '')

// References shorter than this could be found by chance in any description ("12").
const minReference = 5

const referencesOf = (payment: PaymentForMatch) => [payment.providerReference, payment.receiptNumber].map(compact).filter((ref) => ref.length >= minReference)

const quotes = (line: StatementLine, payment: PaymentForMatch) => {
  const haystack = `${compact(line.reference)}|${compact(line.description)}`
  return referencesOf(payment).some((ref) => haystack.includes(ref))
}

const agrees = (line: StatementLine, payment: PaymentForMatch, windowDays: number) => {
  if (payment.currency !== line.currency || signedAmount(payment) !== line.amount) return false
  const day = paymentDay(payment.paidAt)
  if (!day || Math.abs(dayNumber(day) - dayNumber(line.date)) > windowDays) return false
  const [a, b] = [phoneKey(line.phone), phoneKey(payment.phone)]
  return !a || !b || a === b
}

export const matchStatement = (lines: StatementLine[], payments: PaymentForMatch[], { windowDays = 3 }: MatchOptions = {}): LineMatch[] => {
  const taken = new Set<string>()
  const results = new Map<number, LineMatch>()
  // 1. A quoted reference is the strongest evidence, whatever the amount.
  for (const line of lines) {
    const quoted = payments.filter((payment) => !taken.has(String(payment.id)) && quotes(line, payment))
    if (quoted.length === 1) {
      taken.add(String(quoted[0].id))
      results.set(line.row, { row: line.row, status: 'matched', rule: 'reference', payment: quoted[0].id, candidates: [] })
    }
  }
  // 2. Amount, currency, date (and phone): a line with a single candidate takes it, unless another line has
  //    only that one too; taking it may leave another line with a single candidate, so repeat until nothing changes.
  const open = lines.filter((line) => !results.has(line.row))
  const candidates = new Map(open.map((line) => [line.row, payments.filter((payment) => !taken.has(String(payment.id)) && agrees(line, payment, windowDays)).map((p) => p.id)]))
  const available = (row: number) => candidates.get(row)!.filter((id) => !taken.has(String(id)))
  for (let changed = true; changed; ) {
    changed = false
    for (const line of open) {
      if (results.has(line.row)) continue
      const left = available(line.row)
      if (left.length !== 1) continue
      // Another line whose only candidate is this payment too: which of them it is cannot be told.
      const rivals = open.filter((other) => other !== line && !results.has(other.row) && available(other.row).length === 1 && String(available(other.row)[0]) === String(left[0]))
      if (rivals.length) continue
      taken.add(String(left[0]))
      results.set(line.row, { row: line.row, status: 'matched', rule: 'amountDate', payment: left[0], candidates: [] })
      changed = true
    }
  }
  return lines.map((line) => {
    const done = results.get(line.row)
    if (done) return done
    const left = available(line.row)
    return { row: line.row, status: left.length ? 'ambiguous' : 'unmatched', candidates: left }
  })
}

/** Counts per status, for the reconciliation's summary. */
export const summarise = (matches: Pick<LineMatch, 'status'>[]) =>
  Object.fromEntries(matchStatuses.map((status) => [status, matches.filter((m) => m.status === status).length])) as Record<MatchStatus, number>
