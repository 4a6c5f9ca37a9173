import type { Currency } from './money'

export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled' | 'expired'

/**
 * Where a provider's news takes a payment, or null when it changes nothing. Events arrive late,
 * twice and out of order: a pending payment settles; a succeeded one stays succeeded whatever
 * comes after it; a failed, cancelled or expired one can still succeed (an aggregator that timed
 * out sometimes debits the payer after all, and money received must be counted), nothing else.
 */
export const nextPaymentStatus = (current: PaymentStatus, incoming: PaymentStatus): PaymentStatus | null => {
  if (current === incoming || incoming === 'pending' || current === 'succeeded') return null
  if (current === 'pending' || incoming === 'succeeded') return incoming
  return null
}

/** Why news about a payment cannot be about this payment: the amount or the currency differs from what was asked. */
export const mismatchOf = (expected: { amount: number; currency: Currency }, news: { amount: number; currency: Currency }) => {
  if (news.currency !== expected.currency) return 'currency' as const
  if (news.amount !== expected.amount) return 'amount' as const
  return null
}

/** A provider reports its refunds as a running total: what is still to be recorded beyond those already counted. */
export const refundToRecord = (recorded: number, runningTotal: number | undefined) =>
  runningTotal === undefined ? 0 : Math.max(0, runningTotal - recorded)

/**
 * Our payment reference for a provider: it names the invoice, so a callback can be tied to its
 * invoice even when the app never stored the provider's answer (it crashed right after asking).
 */
export const paymentReference = (invoice: number | string, key: string) => `KEL-${invoice}-${key}`
export const invoiceOfReference = (reference: string) => {
  const id = /^KEL-(\d{1,15})-[A-Za-z0-9_-]{1,64}$/.exec(reference)?.[1]
  return id ? Number(id) : undefined
}
