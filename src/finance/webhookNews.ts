import { invoiceOfReference } from '../domain/providerNews'
import { mobileMoneyProvider, stripeSettings } from '../payments/registry'
import { invoiceOfEvent, verifyStripeEvent } from '../payments/stripe'
import type { ProviderNews } from './providerNews'

type Headers = Record<string, string | undefined>

/**
 * A webhook's raw body as a provider's news, once its signature is proven (else ProviderError).
 * null: an authentic event Kelasi does not act on. undefined: no such provider here.
 */
export const newsOfWebhook = (provider: string, rawBody: string, headers: Headers): ProviderNews | null | undefined => {
  if (provider === 'stripe') {
    const stripe = stripeSettings()
    if (!stripe) return undefined
    const event = verifyStripeEvent(rawBody, headers['stripe-signature'], stripe.webhookSecret)
    const payment = invoiceOfEvent(event)
    if (!payment) return null
    const invoice = /^\d{1,15}$/.test(payment.invoice ?? '') ? Number(payment.invoice) : undefined
    return { provider, eventId: event.id, type: event.type, method: 'card', ...payment, invoice }
  }
  const mobileMoney = mobileMoneyProvider(provider)
  if (!mobileMoney) return undefined
  const event = mobileMoney.verifyCallback(rawBody, headers)
  return {
    provider,
    eventId: event.eventId,
    type: 'callback',
    method: 'mobileMoney',
    providerReference: event.providerReference,
    invoice: invoiceOfReference(event.reference),
    status: event.status,
    amount: event.amount,
    currency: event.currency,
    phone: event.phone,
    operator: event.operator,
  }
}
