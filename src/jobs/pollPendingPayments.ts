import type { Payload, TaskConfig } from 'payload'
import type { Currency } from '../domain/money'
import { applyProviderNews } from '../finance/providerNews'
import { mobileMoneyProvider } from '../payments/registry'

/** A callback usually arrives within seconds; after this long the provider is asked instead. */
const quietMs = 2 * 60_000

/**
 * Mobile-money payments still pending after a while: their callback was lost or is late, so the
 * provider is asked for the status and its answer applied like a callback (once per status).
 */
export const pollPendingPayments: TaskConfig<'pollPendingPayments'> = {
  slug: 'pollPendingPayments',
  label: 'Pending mobile-money payments',
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [{ name: 'olderThanMs', type: 'number' }],
  handler: async ({ input, req }) => {
    const before = new Date(Date.now() - (input.olderThanMs ?? quietMs)).toISOString()
    const pending = await req.payload.find({
      collection: 'payments',
      where: { status: { equals: 'pending' }, method: { equals: 'mobileMoney' }, createdAt: { less_than: before } },
      pagination: false,
      depth: 0,
      select: { provider: true, providerReference: true, amount: true, currency: true, phone: true, operator: true, invoice: true },
      req,
    })
    const output = { asked: 0, settled: 0, failed: 0 }
    for (const payment of pending.docs) {
      const provider = mobileMoneyProvider(String(payment.provider))
      if (!provider || !payment.providerReference) continue
      output.asked += 1
      try {
        const answer = await provider.status(payment.providerReference)
        if (answer.status === 'pending') continue
        const result = await applyProviderNews(req.payload, {
          provider: provider.name,
          eventId: `status:${payment.providerReference}:${answer.status}`,
          type: 'status',
          method: 'mobileMoney',
          providerReference: payment.providerReference,
          status: answer.status,
          amount: answer.amount,
          currency: answer.currency as Currency,
        })
        if (result.outcome === 'applied') output.settled += 1
      } catch (error) {
        output.failed += 1
        req.payload.logger.warn(`payment ${payment.id}: status not available from ${provider.name}: ${(error as Error).message}`)
      }
    }
    return { output }
  },
}

/** Queues the poll unless one is waiting. */
export const queuePendingPaymentsPoll = async (payload: Payload) => {
  const waiting = await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'pollPendingPayments' }, completedAt: { exists: false }, hasError: { not_equals: true } }, overrideAccess: true })
  if (!waiting.totalDocs) await payload.jobs.queue({ task: 'pollPendingPayments', input: {} })
}
