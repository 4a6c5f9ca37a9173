import Stripe from 'stripe'
import { ProviderError } from '../../src/payments/provider'
import { invoiceOfEvent, stripeClient, verifyStripeEvent } from '../../src/payments/stripe'

const secret = 'whsec_kelasi_unit_test_secret'
const nowSeconds = () => Math.floor(Date.now() / 1000)

const codeOf = (call: () => unknown) => {
  try {
    call()
    return 'no error'
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError)
    return (error as ProviderError).code
  }
}

/** A webhook body shaped as Stripe sends it. */
const eventJson = (type: string, object: Record<string, unknown>, id = 'evt_1Kelasi') =>
  JSON.stringify({ id, object: 'event', api_version: '2026-10-28.endive', created: nowSeconds(), livemode: false, type, data: { object } }, null, 2)

/** The header the real library computes for a body. */
const sign = (payload: string, timestamp = nowSeconds(), key = secret) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret: key, timestamp })

const session = (fields: Record<string, unknown> = {}) => ({
  id: 'cs_test_a1',
  object: 'checkout.session',
  amount_total: 15_000,
  currency: 'usd',
  metadata: { invoice: '42' },
  payment_intent: 'pi_3Kelasi',
  payment_status: 'paid',
  ...fields,
})

const intent = (fields: Record<string, unknown> = {}) => ({
  id: 'pi_3Kelasi',
  object: 'payment_intent',
  amount: 15_000,
  amount_received: 15_000,
  currency: 'usd',
  metadata: { invoice: '42' },
  ...fields,
})

const charge = (fields: Record<string, unknown> = {}) => ({
  id: 'ch_3Kelasi',
  object: 'charge',
  amount: 15_000,
  amount_refunded: 5_000,
  currency: 'usd',
  metadata: {},
  payment_intent: 'pi_3Kelasi',
  refunded: false,
  ...fields,
})

/** An event as verifyStripeEvent hands it over: signed, sent, verified. */
const received = (type: string, object: Record<string, unknown>) => {
  const payload = eventJson(type, object)
  return verifyStripeEvent(payload, sign(payload), secret)
}

describe('verifyStripeEvent', () => {
  it('accepts a body signed with the secret, as a string or as a Buffer', () => {
    const payload = eventJson('checkout.session.completed', session())
    const header = sign(payload)
    const event = verifyStripeEvent(payload, header, secret)
    expect(event.id).toBe('evt_1Kelasi')
    expect(event.type).toBe('checkout.session.completed')
    expect(verifyStripeEvent(Buffer.from(payload, 'utf8'), header, secret).id).toBe('evt_1Kelasi')
  })

  it('refuses a tampered body, another secret, a missing or a garbled header as bad-signature', () => {
    const payload = eventJson('checkout.session.completed', session())
    const header = sign(payload)
    const richer = payload.replace('"amount_total": 15000', '"amount_total": 1500000')
    expect(richer).not.toBe(payload)
    expect(codeOf(() => verifyStripeEvent(richer, header, secret))).toBe('bad-signature')
    expect(codeOf(() => verifyStripeEvent(payload, sign(payload, nowSeconds(), 'whsec_other'), secret))).toBe('bad-signature')
    expect(codeOf(() => verifyStripeEvent(payload, undefined, secret))).toBe('bad-signature')
    expect(codeOf(() => verifyStripeEvent(payload, 'nonsense', secret))).toBe('bad-signature')
    expect(codeOf(() => verifyStripeEvent(payload, header, ''))).toBe('bad-signature')
  })

  it('refuses a genuine event outside the tolerance as stale, past or future', () => {
    const payload = eventJson('payment_intent.succeeded', intent())
    expect(verifyStripeEvent(payload, sign(payload, nowSeconds() - 240), secret).id).toBe('evt_1Kelasi')
    expect(codeOf(() => verifyStripeEvent(payload, sign(payload, nowSeconds() - 400), secret))).toBe('stale')
    expect(codeOf(() => verifyStripeEvent(payload, sign(payload, nowSeconds() - 120), secret, 60))).toBe('stale')
    expect(verifyStripeEvent(payload, sign(payload, nowSeconds() + 60), secret).id).toBe('evt_1Kelasi')
    expect(codeOf(() => verifyStripeEvent(payload, sign(payload, nowSeconds() + 400), secret))).toBe('stale')
  })

  it('calls an old forgery bad-signature, not stale', () => {
    const payload = eventJson('payment_intent.succeeded', intent())
    expect(codeOf(() => verifyStripeEvent(payload, sign(payload, nowSeconds() - 3600, 'whsec_other'), secret))).toBe('bad-signature')
  })

  it('refuses a well-signed body that is not JSON as bad-payload', () => {
    const payload = 'not json'
    expect(codeOf(() => verifyStripeEvent(payload, sign(payload), secret))).toBe('bad-payload')
  })
})

describe('invoiceOfEvent', () => {
  it('reads a completed Checkout session: invoice, amount, currency upper-cased, the intent as reference', () => {
    expect(invoiceOfEvent(received('checkout.session.completed', session()))).toEqual({
      invoice: '42',
      amount: 15_000,
      currency: 'USD',
      providerReference: 'pi_3Kelasi',
      status: 'succeeded',
    })
  })

  it('names the same payment for the session and for its intent, expanded or not', () => {
    const fromSession = invoiceOfEvent(received('checkout.session.completed', session({ payment_intent: { id: 'pi_3Kelasi', object: 'payment_intent' } })))
    const fromIntent = invoiceOfEvent(received('payment_intent.succeeded', intent()))
    expect(fromSession!.providerReference).toBe('pi_3Kelasi')
    expect(fromIntent!.providerReference).toBe('pi_3Kelasi')
  })

  it('falls back to the session id when the session has no intent', () => {
    expect(invoiceOfEvent(received('checkout.session.expired', session({ payment_intent: null, payment_status: 'unpaid' })))).toEqual({
      invoice: '42',
      amount: 15_000,
      currency: 'USD',
      providerReference: 'cs_test_a1',
      status: 'expired',
    })
  })

  it.each([
    ['checkout.session.completed', { payment_status: 'unpaid' }, 'pending'],
    ['checkout.session.async_payment_succeeded', {}, 'succeeded'],
    ['checkout.session.async_payment_failed', { payment_status: 'unpaid' }, 'failed'],
  ])('%s (%o) is %s', (type, fields, status) => {
    expect(invoiceOfEvent(received(type, session(fields)))!.status).toBe(status)
  })

  it('reads payment intents: the amount received when it succeeded, the amount asked when it failed', () => {
    expect(invoiceOfEvent(received('payment_intent.succeeded', intent({ amount_received: 14_000 })))).toEqual({
      invoice: '42',
      amount: 14_000,
      currency: 'USD',
      providerReference: 'pi_3Kelasi',
      status: 'succeeded',
    })
    expect(invoiceOfEvent(received('payment_intent.payment_failed', intent({ amount_received: 0 })))).toMatchObject({ amount: 15_000, status: 'failed' })
  })

  it('reads a refund as the running total refunded on the intent, with no invoice when the charge is untagged', () => {
    expect(invoiceOfEvent(received('charge.refunded', charge()))).toEqual({
      amount: 15_000,
      currency: 'USD',
      providerReference: 'pi_3Kelasi',
      status: 'succeeded',
      refunded: 5_000,
    })
    expect(invoiceOfEvent(received('charge.refunded', charge({ payment_intent: null, metadata: { invoice: '42' } })))).toMatchObject({
      invoice: '42',
      providerReference: 'ch_3Kelasi',
    })
  })

  it('keeps CDF amounts in centimes: Stripe does not count CDF as a zero-decimal currency', () => {
    expect(invoiceOfEvent(received('payment_intent.succeeded', intent({ currency: 'cdf', amount: 4_250_000, amount_received: 4_250_000 })))).toMatchObject({
      amount: 4_250_000,
      currency: 'CDF',
    })
  })

  it('refuses a currency Kelasi does not keep, and an event without amount or currency', () => {
    expect(codeOf(() => invoiceOfEvent(received('payment_intent.succeeded', intent({ currency: 'eur' }))))).toBe('unsupported-currency')
    expect(codeOf(() => invoiceOfEvent(received('checkout.session.completed', session({ amount_total: null }))))).toBe('bad-payload')
    expect(codeOf(() => invoiceOfEvent(received('checkout.session.completed', session({ currency: null }))))).toBe('bad-payload')
  })

  it('is null for the event types Kelasi does not act on', () => {
    expect(invoiceOfEvent(received('customer.created', { id: 'cus_1', object: 'customer' }))).toBeNull()
    expect(invoiceOfEvent(received('charge.succeeded', charge()))).toBeNull()
  })
})

describe('stripeClient', () => {
  it('builds a client without calling Stripe, and needs a key', () => {
    const client = stripeClient('sk_test_kelasi')
    expect(client).toBeInstanceOf(Stripe)
    expect(typeof client.checkout.sessions.create).toBe('function')
    expect(codeOf(() => stripeClient(''))).toBe('invalid-input')
  })
})
