import type { Endpoint } from 'payload'
import { applyProviderNews } from '../../src/finance/providerNews'
import { newsOfWebhook } from '../../src/finance/webhookNews'
import { ProviderError } from '../../src/payments/provider'

/**
 * `POST /api/payments/webhooks/:provider` (`stripe`, `sandbox`, one per mobile-money aggregator):
 * the signature is checked on the raw body before anything is read from it. 400 for a forged,
 * stale or malformed call; 200 for an event applied, already seen or not ours to act on; 422 for
 * an authentic event that cannot be counted (wrong amount or currency, unknown or void invoice),
 * logged in payment-events for finance to follow up.
 */
export const webhookEndpoint: Endpoint = {
  path: '/webhooks/:provider',
  method: 'post',
  handler: async (req) => {
    const provider = String(req.routeParams?.provider ?? '')
    const rawBody = req.text ? await req.text() : ''
    const headers = Object.fromEntries(req.headers.entries())
    let news
    try {
      news = newsOfWebhook(provider, rawBody, headers)
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error
      return Response.json({ error: error.code, message: error.message }, { status: 400 })
    }
    if (news === undefined) return Response.json({ error: 'unknown-provider', message: `No payment provider "${provider}" here` }, { status: 404 })
    if (news === null) return Response.json({ received: true, outcome: 'ignored' })
    const result = await applyProviderNews(req.payload, news)
    return Response.json({ received: true, ...result }, { status: result.outcome === 'refused' ? 422 : 200 })
  },
}
