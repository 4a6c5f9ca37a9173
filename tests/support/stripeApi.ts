import { randomUUID } from 'node:crypto'
import { listen } from './listen'

export type CheckoutRequest = Record<string, string>

/**
 * A stand-in for Stripe's API on a local port (this machine has no network): it answers the one
 * call Kelasi makes, creating a Checkout session, with the shape Stripe gives, and keeps what it
 * was sent (form-encoded, as the official library sends it) for the test to read.
 */
export const startStripeApi = async () => {
  const sessions: { id: string; form: CheckoutRequest; idempotencyKey?: string }[] = []
  const server = await listen(async (request, body, response) => {
    if (request.method !== 'POST' || request.url !== '/v1/checkout/sessions') {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `No route ${request.url}`, type: 'invalid_request_error' } }))
      return
    }
    const form = Object.fromEntries(new URLSearchParams(body.toString('utf8')))
    const idempotencyKey = request.headers['idempotency-key'] as string | undefined
    const again = idempotencyKey ? sessions.find((s) => s.idempotencyKey === idempotencyKey) : undefined
    const id = again?.id ?? `cs_test_${randomUUID().replace(/-/g, '')}`
    if (!again) sessions.push({ id, form, idempotencyKey })
    response.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${randomUUID()}` }).end(
      JSON.stringify({ id, object: 'checkout.session', url: `https://checkout.stripe.com/c/pay/${id}`, mode: 'payment', payment_status: 'unpaid', status: 'open', amount_total: Number(form['line_items[0][price_data][unit_amount]']), currency: form['line_items[0][price_data][currency]'], metadata: { invoice: form['metadata[invoice]'], amount: form['metadata[amount]'] } }),
    )
  })
  return { ...server, sessions }
}
