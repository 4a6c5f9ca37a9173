import { createHmac } from 'node:crypto'
import { serverURL } from '../email/templates'
import type { MobileMoneyProvider } from './provider'
import { createSandboxProvider, type SandboxProvider } from './sandbox'
import { stripeClient } from './stripe'

/**
 * The payment providers this installation is configured for, from the environment. The sandbox
 * aggregator is on unless PAYMENTS_SANDBOX=off (a school in production turns it off once it has a
 * real aggregator's contract); card payments need STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.
 */

/** Where providers send their callbacks: the public address of this installation. */
export const callbackUrl = (provider: string) => `${process.env.PAYMENTS_CALLBACK_BASE_URL || serverURL()}/api/payments/webhooks/${provider}`

const sandboxSecret = () => process.env.SANDBOX_PAYMENTS_SECRET || createHmac('sha256', process.env.PAYLOAD_SECRET || 'kelasi').update('sandbox-payments').digest('hex')

/** The sandbox posts its signed callback to the webhook, as an aggregator does; a lost one is found by the pending-payments job. */
const deliverByHttp = async (_event: unknown, rawBody: string, headers: Record<string, string>, url?: string) => {
  if (!url) return
  try {
    const answer = await fetch(url, { method: 'POST', headers, body: rawBody, signal: AbortSignal.timeout(10_000) })
    if (!answer.ok) console.warn(`sandbox: the callback to ${url} was answered ${answer.status}`)
  } catch (error) {
    console.warn(`sandbox: the callback to ${url} failed: ${(error as Error).message}`)
  }
}

// One sandbox per process, whatever the number of module copies the Next bundles make.
const shared = globalThis as unknown as { kelasiSandbox?: SandboxProvider }

export const mobileMoneyProviders = (): MobileMoneyProvider[] => {
  if (process.env.PAYMENTS_SANDBOX === 'off') return []
  shared.kelasiSandbox ??= createSandboxProvider({ secret: sandboxSecret(), pendingMs: Number(process.env.SANDBOX_PENDING_MS || 5000), deliver: deliverByHttp })
  return [shared.kelasiSandbox]
}

export const mobileMoneyProvider = (name: string) => mobileMoneyProviders().find((provider) => provider.name === name)

/** Card payments when configured; the API client is made on first use only (a webhook never needs it). */
export const stripeSettings = () => {
  const secretKey = process.env.STRIPE_SECRET_KEY
  const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET
  return secretKey && webhookSecret ? { client: () => stripeClient(secretKey, process.env.STRIPE_API_BASE), webhookSecret } : undefined
}
