import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { idOf, type ID } from '../access/ids'
import { dbOf } from '../db/session'
import { inTransaction } from '../db/transaction'
import type { Currency } from '../domain/money'
import { mismatchOf, nextPaymentStatus, refundToRecord, type PaymentStatus } from '../domain/providerNews'

/** What a provider tells about one payment: a verified webhook, or its answer to a status query. */
export interface ProviderNews {
  provider: string
  /** Stable across redeliveries: the same id is applied once. */
  eventId: string
  type: string
  providerReference: string
  invoice?: ID
  status: PaymentStatus
  amount: number
  currency: Currency
  method: 'card' | 'mobileMoney'
  /** What Kelasi asked the provider for, when the event says. */
  asked?: number
  /** The provider's running total of refunds on this payment. */
  refunded?: number
  phone?: string
  operator?: string
}

export type NewsOutcome = { outcome: 'applied' | 'ignored' | 'refused' | 'duplicate'; payment?: ID; detail?: string }
/** What the log records besides: the invoice and school the event turned out to be about. */
type Applied = NewsOutcome & { invoice?: ID; school?: ID }

class Refusal extends Error {}

const messageOf = (error: unknown) => {
  const fields = (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors
  return fields?.length ? fields.map((f) => `${f.path}: ${f.message}`).join('; ') : (error as Error).message
}

/** Serialises, until the transaction ends, everything done about one provider payment (its events, its recording). */
export const lockProviderPayment = async (req: PayloadRequest, provider: string, providerReference: string) => {
  const db = await dbOf(req)
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`${provider}:${providerReference}`}))`)
}

/** The payment a provider knows by this reference, if Kelasi recorded it. */
export const paymentOf = async (req: PayloadRequest, provider: string, providerReference: string) =>
  (await req.payload.find({ collection: 'payments', where: { provider: { equals: provider }, providerReference: { equals: providerReference } }, limit: 1, depth: 0, req })).docs[0]

/**
 * Applies a provider's news in one transaction, under a lock on the payment it names, so that
 * redeliveries and events racing each other follow one another: a known event changes nothing, a
 * payment is created once, its status only moves forward, its amount and currency must be the
 * ones asked, and a refund total is recorded as the refund entries it is still missing.
 */
export const applyProviderNews = async (payload: Payload, news: ProviderNews): Promise<NewsOutcome> => {
  const req = await createLocalReq({ context: { fromProvider: true } }, payload)
  try {
    return await inTransaction(req, async () => {
      await lockProviderPayment(req, news.provider, news.providerReference)
      const seen = await payload.count({ collection: 'payment-events', where: { provider: { equals: news.provider }, eventId: { equals: news.eventId } }, req })
      if (seen.totalDocs) return { outcome: 'duplicate' as const }
      const { invoice, school, ...result } = await act(req, news)
      await logEvent(req, news, { ...result, invoice, school })
      return result
    })
  } catch (error) {
    // The refusal is logged in a transaction of its own: the one that failed rolled back everything.
    const refused: NewsOutcome = { outcome: 'refused', detail: messageOf(error) }
    const logging = await createLocalReq({}, payload)
    await inTransaction(logging, () => logEvent(logging, news, refused)).catch(() => undefined)
    if (!(error instanceof Refusal) && !(error as { data?: unknown }).data) payload.logger.error(error, `payment news ${news.provider}/${news.eventId} failed`)
    return refused
  }
}

const logEvent = async (req: PayloadRequest, news: ProviderNews, result: Applied) => {
  const invoice = result.invoice ?? news.invoice
  // A refusal knows only what the event claimed: the school is looked up, if the invoice exists.
  const school = result.school ?? (invoice != null ? idOf((await req.payload.findByID({ collection: 'invoices', id: invoice, depth: 0, req, disableErrors: true, select: { school: true } }))?.school) : undefined)
  // The system's own log, written straight through the adapter: no hooks, no relation checks to run.
  await req.payload.db.create({
    collection: 'payment-events',
    req,
    data: { provider: news.provider, eventId: news.eventId, type: news.type, providerReference: news.providerReference, invoice: invoice ?? null, payment: result.payment ?? null, school: school ?? null, outcome: result.outcome === 'duplicate' ? 'ignored' : result.outcome, detail: result.detail ?? null },
  })
}

const act = async (req: PayloadRequest, news: ProviderNews): Promise<Applied> => {
  if (news.asked !== undefined && news.asked !== news.amount) throw new Refusal(`amount ${news.amount} is not the ${news.asked} asked for`)
  const existing = await paymentOf(req, news.provider, news.providerReference)
  if (!existing) {
    // Recorded whatever its status (a failed attempt is what a parent asks about), even when the
    // callback outruns the app's own recording of the attempt: that one then finds it here.
    if (news.invoice == null) throw new Refusal('the event names no invoice')
    const invoice = await req.payload.findByID({ collection: 'invoices', id: news.invoice, depth: 0, req, disableErrors: true })
    if (!invoice) throw new Refusal(`unknown invoice ${news.invoice}`)
    if (invoice.currency !== news.currency) throw new Refusal(`currency ${news.currency} is not the invoice's ${invoice.currency}`)
    const created = await req.payload.create({
      collection: 'payments',
      req,
      // school and pupil follow from the invoice in the payments' own hook.
      data: { invoice: invoice.id, amount: news.amount, currency: news.currency, method: news.method, provider: news.provider, providerReference: news.providerReference, status: news.status, phone: news.phone, operator: news.operator } as never,
    })
    return { outcome: 'applied', payment: created.id, invoice: invoice.id, school: idOf(invoice.school), ...(await refunds(req, news, created)) }
  }
  const mismatch = mismatchOf({ amount: existing.amount, currency: existing.currency as Currency }, news)
  if (mismatch) throw new Refusal(`${mismatch} differs from the payment's: ${news.amount} ${news.currency} for ${existing.amount} ${existing.currency}`)
  const next = nextPaymentStatus(existing.status as PaymentStatus, news.status)
  if (next) await req.payload.update({ collection: 'payments', id: existing.id, data: { status: next }, req })
  const refunded = await refunds(req, news, existing)
  const about = { payment: existing.id, invoice: idOf(existing.invoice), school: idOf(existing.school) }
  return next || refunded.detail ? { outcome: 'applied', ...about, ...refunded } : { outcome: 'ignored', ...about, detail: `already ${existing.status}` }
}

/** The refunds a running total asks for beyond those already entered, as one new refund entry. */
const refunds = async (req: PayloadRequest, news: ProviderNews, payment: { id: ID; invoice: unknown; currency?: unknown }) => {
  if (news.refunded === undefined) return {}
  const prefix = `${news.providerReference}:refund:`
  const entered = await req.payload.find({ collection: 'payments', where: { provider: { equals: news.provider }, providerReference: { like: prefix } }, pagination: false, depth: 0, req, select: { amount: true, providerReference: true } })
  const recorded = entered.docs.filter((d) => String(d.providerReference).startsWith(prefix)).reduce((sum, d) => sum + d.amount, 0)
  const amount = refundToRecord(recorded, news.refunded)
  if (!amount) return {}
  await req.payload.create({
    collection: 'payments',
    req,
    data: { invoice: idOf(payment.invoice as never) as number, kind: 'refund', amount, currency: news.currency, method: news.method, provider: news.provider, providerReference: `${prefix}${news.refunded}`, status: 'succeeded' } as never,
  })
  return { detail: `refund of ${amount} recorded` }
}
