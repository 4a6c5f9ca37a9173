/** Card and mobile-money payments end to end: the pay endpoint, the providers' webhooks, the poll of lost callbacks. */
import { randomUUID } from 'node:crypto'
import type { Payload } from 'payload'
import Stripe from 'stripe'
import { signSandboxPayload, type SandboxProvider } from '../../src/payments/sandbox'
import { demoAccounts, otherAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { ledgerOf } from '../support/ledger'
import { listenForCallbacks } from '../support/listen'
import { closeTestPayload, testPayload } from '../support/payload'
import { startStripeApi } from '../support/stripeApi'

process.env.SANDBOX_PENDING_MS = '150'
process.env.SANDBOX_PAYMENTS_SECRET = 'sandbox-int-secret'
process.env.STRIPE_SECRET_KEY = 'sk_test_kelasi'
process.env.STRIPE_WEBHOOK_SECRET = 'whsec_kelasi_test'

let payload: Payload
let fx: Fixtures
let finance: string
let parent: string
let callbacks: Awaited<ReturnType<typeof listenForCallbacks>>
let stripeApi: Awaited<ReturnType<typeof startStripeApi>>
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  finance = await tokenFor(payload, demoAccounts.finance)
  parent = await tokenFor(payload, demoAccounts.parent)
  callbacks = await listenForCallbacks()
  stripeApi = await startStripeApi()
  process.env.PAYMENTS_CALLBACK_BASE_URL = callbacks.url
  process.env.STRIPE_API_BASE = stripeApi.url
})
afterAll(async () => {
  await callbacks?.close()
  await stripeApi?.close()
  await closeTestPayload()
})

const sandbox = () => (globalThis as unknown as { kelasiSandbox: SandboxProvider }).kelasiSandbox
const pathsOf = (body: any) => (body?.errors ?? []).flatMap((e: any) => (e.data?.errors ?? []).map((d: any) => d.path))

const ledger = () => ledgerOf(fx, () => finance)
const newInvoice = (amount: number, extra: Record<string, unknown> = {}) => ledger().newInvoice(amount, { lines: [{ kind: 'tuition', label: 'Minerval', amount }], ...extra })
const invoiceNow = (id: number) => payload.findByID({ collection: 'invoices', id, depth: 0, overrideAccess: true })
const paymentsOf = async (invoice: number) => (await payload.find({ collection: 'payments', where: { invoice: { equals: invoice } }, sort: 'createdAt', pagination: false, depth: 0, overrideAccess: true })).docs
const eventsOf = async (invoice: number) => (await payload.find({ collection: 'payment-events', where: { invoice: { equals: invoice } }, sort: 'createdAt', pagination: false, depth: 0, overrideAccess: true })).docs

const settled = async (payment: number) => {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const doc = await payload.findByID({ collection: 'payments', id: payment, depth: 0, overrideAccess: true })
    if (doc.status !== 'pending') return doc
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`payment ${payment} still pending`)
}

const payByPhone = (invoice: number, body: Record<string, unknown>, token = parent, headers: Record<string, string> = {}) =>
  rest('POST', `/invoices/${invoice}/pay`, { token, body: { method: 'mobileMoney', ...body }, headers })

describe('mobile money', () => {
  it('a parent pays from the phone: pending, then the signed callback settles it with a receipt, and a redelivery changes nothing', async () => {
    const invoice = await newInvoice(12_000)
    const asked = await payByPhone(invoice.id, { phone: '081 234 5678', amount: 5_000 })
    expect(asked.status).toBe(201)
    expect(asked.body).toMatchObject({ status: 'pending', amount: 5_000, currency: 'USD' })
    const paid = await settled(asked.body.payment)
    expect(paid).toMatchObject({ status: 'succeeded', method: 'mobileMoney', provider: 'sandbox', phone: '+243812345678', operator: 'vodacom-mpesa' })
    expect(paid.receiptNumber).toMatch(/^REC-\d{4}-\d{6}$/)
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 5_000, balance: 7_000, status: 'partial' })
    const again = await sandbox().redeliver(paid.providerReference!)
    expect(again.providerReference).toBe(paid.providerReference)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 5_000, balance: 7_000 })
    expect((await eventsOf(invoice.id)).map((e) => e.outcome)).toEqual(['applied'])
  })

  it('the same tap sent twice on a slow line prompts the phone once', async () => {
    const invoice = await newInvoice(3_000)
    const key = randomUUID()
    const [first, second] = [await payByPhone(invoice.id, { phone: '+243 99 123 4567' }, parent, { 'Idempotency-Key': key }), await payByPhone(invoice.id, { phone: '+243 99 123 4567' }, parent, { 'Idempotency-Key': key })]
    expect(second.body.payment).toBe(first.body.payment)
    await settled(first.body.payment)
    expect(await paymentsOf(invoice.id)).toHaveLength(1)
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 3_000, balance: 0, status: 'paid' })
  })

  it('a payer without funds, or who declines, leaves the invoice as it was', async () => {
    const invoice = await newInvoice(4_000)
    const poor = await payByPhone(invoice.id, { phone: '+243 84 000 0000' })
    const declined = await payByPhone(invoice.id, { phone: '+243 97 111 2222' })
    expect((await settled(poor.body.payment)).status).toBe('failed')
    expect((await settled(declined.body.payment)).status).toBe('cancelled')
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 0, balance: 4_000, status: 'unpaid' })
  })

  it('a lost callback is found by the job that asks the provider', async () => {
    const invoice = await newInvoice(2_500)
    const asked = await payByPhone(invoice.id, { phone: '+243 90 123 3333' })
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect((await payload.findByID({ collection: 'payments', id: asked.body.payment, overrideAccess: true })).status).toBe('pending')
    const job = await payload.jobs.queue({ task: 'pollPendingPayments', input: { olderThanMs: 0 } })
    await payload.jobs.runByID({ id: job.id })
    expect((await payload.findByID({ collection: 'payments', id: asked.body.payment, overrideAccess: true })).status).toBe('succeeded')
    expect(await invoiceNow(invoice.id)).toMatchObject({ balance: 0, status: 'paid' })
  })

  it('refuses what cannot be paid, naming the field, and prompts nobody', async () => {
    const invoice = await newInvoice(2_000)
    const cases = [
      [{ phone: '12345' }, 'phone'],
      [{ phone: '+243 81 234 5678', amount: 2_001 }, 'amount'],
      [{ phone: '+243 81 234 5678', amount: 0 }, 'amount'],
      [{ phone: '+243 81 234 5678', operator: 'western-union' }, 'operator'],
      [{ phone: '+243 81 234 5678', operator: 'orange-money' }, 'phone'],
    ] as const
    for (const [body, field] of cases) {
      const answer = await payByPhone(invoice.id, body)
      expect([answer.status, pathsOf(answer.body)]).toEqual([400, [field]])
    }
    expect(await paymentsOf(invoice.id)).toHaveLength(0)
    const voided = await newInvoice(1_000)
    await rest('PATCH', `/invoices/${voided.id}`, { token: finance, body: { voidReason: 'Erreur de saisie' } })
    expect(pathsOf((await payByPhone(voided.id, { phone: '+243 81 234 5678' })).body)).toEqual(['invoice'])
  })

  it('another family’s invoice is not there to pay', async () => {
    const stranger = await tokenFor(payload, otherAccounts.parent)
    expect((await payByPhone(fx.invoices.childA.id, { phone: '+243 81 234 5678' }, stranger)).status).toBe(404)
    const teacher = await tokenFor(payload, demoAccounts.teacher)
    expect((await payByPhone(fx.invoices.childA.id, { phone: '+243 81 234 5678' }, teacher)).status).toBeGreaterThanOrEqual(403)
  })

  it('a forged, stale or tampered callback is refused and counts nothing; a signed one for another amount is logged and refused', async () => {
    const invoice = await newInvoice(6_000)
    const asked = await payByPhone(invoice.id, { phone: '+243 81 555 3333' })
    const body = (amount: number) => JSON.stringify({ id: `evt_${randomUUID()}`, createdAt: new Date().toISOString(), data: { transactionId: asked.body.providerReference, reference: `KEL-${invoice.id}-x`, status: 'SUCCESSFUL', amount, currency: 'USD' } })
    const post = (raw: string, signature: string) => rest('POST', '/payments/webhooks/sandbox', { body: JSON.parse(raw), headers: { 'x-sandbox-signature': signature } })
    const now = Math.floor(Date.now() / 1000)
    const genuine = body(6_000)
    expect((await post(genuine, signSandboxPayload('not-the-secret', genuine, now))).body.error).toBe('bad-signature')
    expect((await post(genuine, signSandboxPayload('sandbox-int-secret', genuine, now - 600))).body.error).toBe('stale')
    expect((await post(genuine, signSandboxPayload('sandbox-int-secret', genuine.replace('6000', '6001'), now))).status).toBe(400)
    const wrong = body(60)
    const refused = await post(wrong, signSandboxPayload('sandbox-int-secret', wrong, now))
    expect(refused.status).toBe(422)
    expect(refused.body.detail).toMatch(/amount/)
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 0, balance: 6_000 })
    expect((await eventsOf(invoice.id)).map((e) => e.outcome)).toEqual(['refused'])
    expect((await rest('POST', '/payments/webhooks/nobody', { body: {} })).status).toBe(404)
  })
})

const stripeEvent = (type: string, object: Record<string, unknown>, id = `evt_${randomUUID().replace(/-/g, '')}`) => ({ id, object: 'event', type, api_version: '2025-12-15', created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, request: null, data: { object } })
const postStripe = (event: object, { secret = 'whsec_kelasi_test', timestamp = Math.floor(Date.now() / 1000) } = {}) =>
  rest('POST', '/payments/webhooks/stripe', { body: event, headers: { 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: JSON.stringify(event), secret, timestamp }) } })
const session = (invoice: number, amount: number, intent: string, extra: Record<string, unknown> = {}) => ({ id: `cs_test_${intent}`, object: 'checkout.session', payment_status: 'paid', amount_total: amount, currency: 'usd', payment_intent: intent, metadata: { invoice: String(invoice), amount: String(amount) }, ...extra })
const intent = (invoice: number, amount: number, id: string) => ({ id, object: 'payment_intent', amount, amount_received: amount, currency: 'usd', metadata: { invoice: String(invoice), amount: String(amount) } })

describe('card payments through Stripe', () => {
  it('opens a Checkout session for the balance in the invoice’s currency, tagged with the invoice', async () => {
    const invoice = await newInvoice(9_900)
    const answer = await rest('POST', `/invoices/${invoice.id}/pay`, { token: parent, body: { method: 'card', returnTo: '/fr/factures' } })
    expect(answer.status).toBe(201)
    expect(answer.body.url).toMatch(/^https:\/\/checkout\.stripe\.com\//)
    const sent = stripeApi.sessions.find((s) => s.id === answer.body.session)!.form
    expect(sent).toMatchObject({ mode: 'payment', 'line_items[0][price_data][unit_amount]': '9900', 'line_items[0][price_data][currency]': 'usd', 'metadata[invoice]': String(invoice.id), 'payment_intent_data[metadata][invoice]': String(invoice.id) })
    expect(sent.success_url).toMatch(/\/fr\/factures\?paid=1$/)
    expect(await paymentsOf(invoice.id)).toHaveLength(0)
  })

  it('counts a completed checkout once, whatever the order and the number of deliveries of its events', async () => {
    const invoice = await newInvoice(8_000)
    const pi = `pi_${randomUUID().replace(/-/g, '')}`
    const completed = stripeEvent('checkout.session.completed', session(invoice.id, 8_000, pi))
    // The intent's success arrives first, the session's twice after it.
    expect((await postStripe(stripeEvent('payment_intent.succeeded', intent(invoice.id, 8_000, pi)))).body.outcome).toBe('applied')
    expect((await postStripe(completed)).body.outcome).toBe('ignored')
    expect((await postStripe(completed)).body.outcome).toBe('duplicate')
    const payments = await paymentsOf(invoice.id)
    expect(payments).toHaveLength(1)
    expect(payments[0]).toMatchObject({ method: 'card', provider: 'stripe', providerReference: pi, status: 'succeeded', amount: 8_000 })
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 8_000, balance: 0, status: 'paid' })
  })

  it('a failure after the success changes nothing; refunds are entered as their running total grows, once', async () => {
    const invoice = await newInvoice(5_000)
    const pi = `pi_${randomUUID().replace(/-/g, '')}`
    await postStripe(stripeEvent('checkout.session.completed', session(invoice.id, 5_000, pi)))
    expect((await postStripe(stripeEvent('payment_intent.payment_failed', intent(invoice.id, 5_000, pi)))).body.outcome).toBe('ignored')
    const refund = (total: number) => stripeEvent('charge.refunded', { id: `ch_${pi}`, object: 'charge', amount: 5_000, amount_refunded: total, currency: 'usd', payment_intent: pi, metadata: { invoice: String(invoice.id) } })
    await postStripe(refund(1_000))
    await postStripe(refund(1_000))
    await postStripe(refund(2_500))
    const refunds = (await paymentsOf(invoice.id)).filter((p) => p.kind === 'refund')
    expect(refunds.map((r) => r.amount)).toEqual([1_000, 1_500])
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 2_500, balance: 2_500, status: 'partial' })
  })

  it('refuses a forged or stale signature, another currency or amount than asked, and a void invoice, counting nothing', async () => {
    const invoice = await newInvoice(7_000)
    const pi = () => `pi_${randomUUID().replace(/-/g, '')}`
    const good = stripeEvent('checkout.session.completed', session(invoice.id, 7_000, pi()))
    expect((await postStripe(good, { secret: 'whsec_forged' })).body.error).toBe('bad-signature')
    expect((await postStripe(good, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).body.error).toBe('stale')
    const francs = await postStripe(stripeEvent('checkout.session.completed', session(invoice.id, 7_000, pi(), { currency: 'cdf' })))
    expect([francs.status, francs.body.detail]).toEqual([422, expect.stringMatching(/currency/)])
    const tampered = await postStripe(stripeEvent('checkout.session.completed', session(invoice.id, 700, pi(), { metadata: { invoice: String(invoice.id), amount: '7000' } })))
    expect([tampered.status, tampered.body.detail]).toEqual([422, expect.stringMatching(/amount/)])
    const unknown = await postStripe(stripeEvent('checkout.session.completed', session(999_999_999, 7_000, pi())))
    expect(unknown.status).toBe(422)
    const voided = await newInvoice(1_000)
    await rest('PATCH', `/invoices/${voided.id}`, { token: finance, body: { voidReason: 'Doublon' } })
    expect((await postStripe(stripeEvent('checkout.session.completed', session(voided.id, 1_000, pi())))).status).toBe(422)
    expect(await paymentsOf(invoice.id)).toHaveLength(0)
    expect(await paymentsOf(voided.id)).toHaveLength(0)
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 0, balance: 7_000 })
  })
})

describe('the provider log', () => {
  it('is read by finance of the school and written by nobody over the API', async () => {
    const listed = await rest('GET', '/payment-events?limit=5', { token: finance })
    expect(listed.status).toBe(200)
    expect(listed.body.totalDocs).toBeGreaterThan(0)
    expect((await rest('POST', '/payment-events', { token: finance, body: { provider: 'x', eventId: 'y', outcome: 'applied' } })).status).toBe(403)
    expect((await rest('GET', '/payment-events', { token: parent })).body.totalDocs ?? 0).toBe(0)
  })
})
