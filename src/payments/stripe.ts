import Stripe from 'stripe'
import { isCurrency, ProviderError, type Currency, type PaymentStatus } from './provider'

/**
 * Stripe around the official library. Amounts need no conversion: Stripe counts every currency
 * in its minor unit except its zero-decimal list (docs.stripe.com/currencies#zero-decimal: BIF,
 * CLP, DJF, GNF, JPY, KMF, KRW, MGA, PYG, RWF, UGX, VND, VUV, XAF, XOF, XPF). CDF is not on it,
 * so a CDF amount from Stripe is in centimes, as ours are; USD is in cents.
 */

/** `apiBase` (STRIPE_API_BASE) points the client at another Stripe API server, such as a local stand-in in tests. */
export const stripeClient = (secretKey: string, apiBase?: string) => {
  if (!secretKey) throw new ProviderError('invalid-input', 'A Stripe secret key is required')
  const base = apiBase ? new URL(apiBase) : undefined
  const server = base ? { host: base.hostname, port: base.port || (base.protocol === 'https:' ? 443 : 80), protocol: base.protocol.replace(':', '') as 'http' | 'https' } : {}
  return new Stripe(secretKey, { appInfo: { name: 'Kelasi' }, maxNetworkRetries: 2, ...server })
}

/**
 * The event a webhook carries, once its `Stripe-Signature` header is proven. A bad or missing
 * signature is 'bad-signature'; a proven one outside the tolerance is 'stale' (0 turns the age check
 * off, as in the library). The library only refuses timestamps in the past; one more than the
 * tolerance ahead is refused here too.
 */
export const verifyStripeEvent = (
  rawBody: string | Buffer,
  signatureHeader: string | undefined,
  webhookSecret: string,
  toleranceSeconds = 300,
): Stripe.Event => {
  const header = signatureHeader ?? ''
  let event: Stripe.Event
  try {
    event = Stripe.webhooks.constructEvent(rawBody, header, webhookSecret, toleranceSeconds)
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) {
      throw new ProviderError('bad-payload', 'The Stripe webhook body is not an event', { cause: error })
    }
    // The library says "outside the tolerance zone" only in its message; asking again without a
    // tolerance (0 skips the age check) tells a stale but genuine event from a forged one.
    const code = isSignedIgnoringAge(rawBody, header, webhookSecret) ? 'stale' : 'bad-signature'
    throw new ProviderError(code, error.message, { cause: error })
  }
  const signedAt = Number(/(?:^|,)t=(\d+)(?:,|$)/.exec(header)?.[1])
  if (toleranceSeconds > 0 && !(signedAt - Date.now() / 1000 <= toleranceSeconds)) throw new ProviderError('stale', 'The Stripe webhook is signed in the future')
  return event
}

const isSignedIgnoringAge = (rawBody: string | Buffer, header: string, webhookSecret: string) => {
  try {
    Stripe.webhooks.constructEvent(rawBody, header, webhookSecret, 0)
    return true
  } catch {
    return false
  }
}

/** What an event means for an invoice. */
export interface StripePayment {
  /** From `metadata.invoice`; absent on objects Kelasi did not tag (find the payment by providerReference). */
  invoice?: string
  amount: number
  currency: Currency
  /** The payment intent's id when there is one, so a session's and its intent's events name the same payment. */
  providerReference: string
  status: PaymentStatus
  /** charge.refunded only: the total refunded so far (a running total, so a replay changes nothing). */
  refunded?: number
  /** From `metadata.amount`: what Kelasi asked for when it opened the session, to check the event against. */
  asked?: number
}

/** The payment an event is about, or null for the event types Kelasi does not act on. */
export const invoiceOfEvent = (event: Stripe.Event): StripePayment | null => {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object
      // 'unpaid' means a delayed method (bank debit): the async_payment_* event settles it later.
      return ofSession(session, session.payment_status === 'unpaid' ? 'pending' : 'succeeded')
    }
    case 'checkout.session.async_payment_succeeded':
      return ofSession(event.data.object, 'succeeded')
    case 'checkout.session.async_payment_failed':
      return ofSession(event.data.object, 'failed')
    case 'checkout.session.expired':
      return ofSession(event.data.object, 'expired')
    case 'payment_intent.succeeded': {
      const intent = event.data.object
      return payment(intent.metadata, intent.amount_received, intent.currency, intent.id, 'succeeded')
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object
      return payment(intent.metadata, intent.amount, intent.currency, intent.id, 'failed')
    }
    case 'charge.refunded': {
      const charge = event.data.object
      const reference = idOf(charge.payment_intent) ?? charge.id
      return { ...payment(charge.metadata, charge.amount, charge.currency, reference, 'succeeded'), refunded: charge.amount_refunded }
    }
    default:
      return null
  }
}

const ofSession = (session: Stripe.Checkout.Session, status: PaymentStatus) =>
  payment(session.metadata, session.amount_total, session.currency, idOf(session.payment_intent) ?? session.id, status)

const idOf = (value: string | { id: string } | null) => (typeof value === 'string' ? value : value?.id)

const payment = (
  metadata: Stripe.Metadata | null,
  amount: number | null,
  currency: string | null,
  providerReference: string,
  status: PaymentStatus,
): StripePayment => {
  if (!Number.isSafeInteger(amount) || amount! < 0) throw new ProviderError('bad-payload', `The Stripe event has no valid amount: ${amount}`)
  if (!currency) throw new ProviderError('bad-payload', 'The Stripe event has no currency')
  const code = currency.toUpperCase()
  if (!isCurrency(code)) throw new ProviderError('unsupported-currency', `Unsupported currency "${code}"`)
  const result: StripePayment = { amount: amount!, currency: code, providerReference, status }
  if (metadata?.invoice) result.invoice = metadata.invoice
  if (metadata?.amount && Number.isSafeInteger(Number(metadata.amount))) result.asked = Number(metadata.amount)
  return result
}
