/**
 * What the families are told of the school's money and report cards: the events' stable keys
 * (the notification service never tells one person of one event twice, whatever the retries)
 * and the texts' variables. The variables hold nothing that needs translating: each reader's
 * language renders them (src/i18n `notifications.<kind>`).
 */
import type { ID } from '../access/ids'
import { formatMoney, type Currency } from './money'

/**
 * The pupils a notification speaks of, kept among its variables (no text shows it): erasing a
 * pupil finds what their family was told about them (src/privacy).
 */
export const pupilsVar = (ids: ID[]) => [...new Set(ids.map(String))].join(',')

/** dd/mm/yyyy of a day (YYYY-MM-DD or an ISO date), read the same in French and English. */
export const numericDate = (value: string) => `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`

/** An amount as the school writes it (French style, its currency's symbol): the same on the bill whatever the reader's language. */
export const amountText = (amount: number, currency: Currency) => formatMoney(amount, currency, 'fr')

/** A bulletin as printed: published again with the same figures, it is the same news. */
export const reportCardEvent = (card: ID, version: string) => `reportCard:${card}:${version.slice(0, 16)}`

export const invoiceIssuedEvent = (invoice: ID) => `invoice:${invoice}:issued`

/** A billing run's invoices, told in one notification per family: the run is its first and last invoice (a run's ids are new, a retried run issues nothing again). */
export const billingRunEvent = (school: ID, ids: ID[]) => `invoices:${school}:${ids[0]}-${ids[ids.length - 1]}`

/** Each overdue reminder step is its own news, as each is its own e-mail. */
export const invoiceOverdueEvent = (invoice: ID, step: string) => `invoice:${invoice}:${step}`

export const isOverdueStep = (step: string) => step.startsWith('overdue')

export const paymentEvent = (payment: ID) => `payment:${payment}`

type PaymentState = { kind?: string | null; method?: string | null; status?: string | null }

/**
 * Whether a payment's change is news to the family: money received (at the till, a transfer, a
 * card, mobile money) the moment it succeeds. A refund or reversal is not a receipt, a credit
 * carried from another invoice moved no money, and a payment already succeeded (a webhook
 * replayed, a status repeated) is old news.
 */
export const isPaymentNews = (before: PaymentState | null | undefined, after: PaymentState) =>
  after.kind === 'payment' && after.method !== 'credit' && after.status === 'succeeded' && before?.status !== 'succeeded'

type Invoice = { number?: string | null; balance?: number | null; currency: Currency; dueDate?: string | null }

/** One overdue invoice: what is left to pay and since when. */
export const invoiceVars = (pupil: string, invoice: Invoice) => ({
  pupil,
  number: invoice.number ?? '',
  balance: amountText(invoice.balance ?? 0, invoice.currency),
  dueDate: invoice.dueDate ? numericDate(invoice.dueDate) : '—',
})

export type IssuedInvoice = { pupil: string; number: string; total: number; currency: Currency; dueDate?: string | null }

/**
 * A family's new invoices, told at once (one invoice by hand, or all of a billing run's): the
 * pupils and numbers, the amount per currency, and the first due date among them.
 */
export const issuedVars = (invoices: IssuedInvoice[]) => {
  const totals = new Map<Currency, number>()
  for (const invoice of invoices) totals.set(invoice.currency, (totals.get(invoice.currency) ?? 0) + invoice.total)
  const due = invoices.flatMap((invoice) => (invoice.dueDate ? [invoice.dueDate.slice(0, 10)] : [])).sort()[0]
  return {
    pupil: [...new Set(invoices.map((invoice) => invoice.pupil))].join(', '),
    number: invoices.map((invoice) => invoice.number).join(', '),
    amount: [...totals].map(([currency, total]) => amountText(total, currency)).join(' + '),
    dueDate: due ? numericDate(due) : '—',
  }
}

export const paymentVars = (pupil: string, payment: { amount: number; currency: Currency; receiptNumber?: string | null }, invoice: { number?: string | null }) => ({
  pupil,
  amount: amountText(payment.amount, payment.currency),
  receipt: payment.receiptNumber ?? '',
  number: invoice.number ?? '',
})
