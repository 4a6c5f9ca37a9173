import { createHash, randomUUID } from 'node:crypto'
import { createLocalReq, type PayloadRequest } from 'payload'
import { paymentReference } from '../domain/providerNews'
import { formatMoney, type Currency } from '../domain/money'
import { tReq } from '../i18n'
import { isOperator, normalisePhone, operatorOfPhone, ProviderError } from '../payments/provider'
import { callbackUrl, mobileMoneyProviders, stripeSettings } from '../payments/registry'
import { serverURL } from '../email/templates'
import { inTransaction } from '../db/transaction'
import { lockProviderPayment, paymentOf } from './providerNews'
import { invalid } from '../../hooks/invalid'

type Invoice = { id: number; number?: string | null; balance?: number | null; currency?: string | null; status?: string | null }

export interface PayRequest extends Record<string, unknown> {
  method?: unknown
  amount?: unknown
  phone?: unknown
  operator?: unknown
  provider?: unknown
}

const fail = (req: PayloadRequest, path: string, key: string, vars?: Record<string, string>) => invalid(req, [{ path, message: tReq(req, `errors.pay.${key}`, vars) }])

/** How much the family pays now: the balance unless it asks for less; never nothing, never more than is owed. */
const amountToPay = (req: PayloadRequest, invoice: Invoice, asked: unknown) => {
  const balance = invoice.balance ?? 0
  if (invoice.status === 'void') throw fail(req, 'invoice', 'void', { number: invoice.number ?? '' })
  if (balance <= 0) throw fail(req, 'invoice', 'nothingOwed', { number: invoice.number ?? '' })
  if (asked === undefined || asked === null || asked === '') return balance
  const amount = Number(asked)
  if (!Number.isSafeInteger(amount) || amount <= 0) throw fail(req, 'amount', 'positive')
  if (amount > balance) throw fail(req, 'amount', 'aboveBalance', { balance: formatMoney(balance, invoice.currency as Currency) })
  return amount
}

/**
 * Our reference for this attempt. A client that sends an `Idempotency-Key` (a parent tapping "pay"
 * twice on a slow line) gets the same reference, so the provider prompts the phone once.
 */
const attemptKey = (req: PayloadRequest) => {
  const given = req.headers.get('idempotency-key')?.trim()
  return given ? createHash('sha256').update(`${req.user!.id}:${given}`).digest('base64url').slice(0, 32) : randomUUID().replace(/-/g, '')
}

/** Pushes the payment prompt to the payer's phone and records the payment as pending. */
export const payByMobileMoney = async (req: PayloadRequest, invoice: Invoice, body: PayRequest) => {
  const amount = amountToPay(req, invoice, body.amount)
  let phone: string
  try {
    phone = normalisePhone(String(body.phone ?? ''))
  } catch {
    throw fail(req, 'phone', 'phone')
  }
  const operator = body.operator ?? operatorOfPhone(phone)
  if (!isOperator(operator)) throw fail(req, 'operator', 'operator')
  const providers = mobileMoneyProviders()
  const provider = providers.find((p) => p.name === (body.provider ?? providers[0]?.name))
  if (!provider) throw fail(req, 'provider', 'noProvider')
  const reference = paymentReference(invoice.id, attemptKey(req))
  let answer
  try {
    answer = await provider.initiate({ amount, currency: invoice.currency as Currency, phone, operator, reference, description: invoice.number ?? undefined, callbackUrl: callbackUrl(provider.name) })
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error
    throw fail(req, error.code === 'invalid-input' ? 'phone' : 'provider', 'refused', { reason: error.message })
  }
  // The system writes the ledger; the parent is only the one who asked (recordedBy).
  const system = await createLocalReq({ user: req.user ?? undefined, context: { fromProvider: true } }, req.payload)
  const payment = await inTransaction(system, async () => {
    await lockProviderPayment(system, provider.name, answer.providerReference)
    return (
      (await paymentOf(system, provider.name, answer.providerReference)) ??
      (await req.payload.create({
        collection: 'payments',
        req: system,
        data: { invoice: invoice.id, amount, currency: invoice.currency, method: 'mobileMoney', provider: provider.name, providerReference: answer.providerReference, status: answer.status, phone, operator } as never,
      }))
    )
  })
  return { method: 'mobileMoney', payment: payment.id, status: payment.status, providerReference: payment.providerReference, amount, currency: invoice.currency }
}

/** A Stripe Checkout session for the amount, in the invoice's currency; the webhook records the payment. */
export const payByCard = async (req: PayloadRequest, invoice: Invoice, body: PayRequest, returnTo?: string) => {
  const amount = amountToPay(req, invoice, body.amount)
  const stripe = stripeSettings()
  if (!stripe) throw fail(req, 'method', 'noCard')
  const back = returnTo && returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : `/admin/collections/invoices/${invoice.id}`
  const metadata = { invoice: String(invoice.id), amount: String(amount) }
  const session = await stripe.client().checkout.sessions.create(
    {
      mode: 'payment',
      client_reference_id: String(invoice.id),
      customer_email: req.user?.email ?? undefined,
      line_items: [{ quantity: 1, price_data: { currency: String(invoice.currency).toLowerCase(), unit_amount: amount, product_data: { name: tReq(req, 'pay.cardItem', { number: invoice.number ?? '' }) } } }],
      metadata,
      payment_intent_data: { metadata },
      success_url: `${serverURL()}${back}${back.includes('?') ? '&' : '?'}paid=1`,
      cancel_url: `${serverURL()}${back}`,
    },
    { idempotencyKey: paymentReference(invoice.id, attemptKey(req)) },
  )
  return { method: 'card', url: session.url, session: session.id, amount, currency: invoice.currency }
}
