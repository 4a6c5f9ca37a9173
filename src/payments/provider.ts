/**
 * What Kelasi expects of a mobile-money aggregator (and anything that works like one: a push to the
 * payer's phone, a signed callback later, a status query as fallback). Pure Node, no Payload.
 * Amounts are integer minor units: USD cents, CDF centimes (ISO 4217 gives CDF two decimals).
 */
import { currencies, isCurrency, type Currency } from '../domain/money'
import type { PaymentStatus } from '../domain/providerNews'

export { currencies, isCurrency, type Currency, type PaymentStatus }
export type Operator = 'vodacom-mpesa' | 'orange-money' | 'airtel-money' | 'africell-money'
export const operators: readonly Operator[] = ['vodacom-mpesa', 'orange-money', 'airtel-money', 'africell-money']

export interface InitiateInput {
  amount: number
  currency: Currency
  phone: string
  operator: Operator
  /** Our idempotency key: the same reference never makes a second payment. */
  reference: string
  description?: string
  callbackUrl?: string
}

/** A verified callback. `eventId` is stable across redeliveries, so the app can deduplicate on it. */
export interface CallbackEvent {
  providerReference: string
  reference: string
  status: PaymentStatus
  amount: number
  currency: Currency
  phone?: string
  operator?: Operator
  occurredAt: string
  eventId: string
}

export interface MobileMoneyProvider {
  name: string
  initiate(input: InitiateInput): Promise<{ providerReference: string; status: PaymentStatus }>
  /** Throws ProviderError ('bad-signature', 'stale', 'bad-payload') unless the callback is authentic and fresh. */
  verifyCallback(rawBody: string, headers: Record<string, string | undefined>): CallbackEvent
  status(providerReference: string): Promise<{ status: PaymentStatus; amount: number; currency: Currency }>
  refund?(providerReference: string, amount: number): Promise<{ providerReference: string; status: PaymentStatus }>
}

export type ProviderErrorCode =
  | 'bad-signature'
  | 'stale'
  | 'bad-payload'
  | 'unknown-payment'
  | 'invalid-input'
  | 'unsupported-currency'
  | 'reference-conflict'
  | 'refund-refused'

/** The message is for logs; the app shows a translation chosen by `code`. */
export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'ProviderError'
  }
}

const statuses: Record<string, PaymentStatus> = {
  SUCCESSFUL: 'succeeded',
  SUCCESS: 'succeeded',
  SUCCEEDED: 'succeeded',
  COMPLETED: 'succeeded',
  PENDING: 'pending',
  SUBMITTED: 'pending',
  ACCEPTED: 'pending',
  PROCESSING: 'pending',
  FAILED: 'failed',
  REJECTED: 'failed',
  DECLINED: 'failed',
  INSUFFICIENT_FUNDS: 'failed',
  CANCELLED: 'cancelled',
  CANCELED: 'cancelled',
  EXPIRED: 'expired',
  TIMEOUT: 'expired',
  TIMED_OUT: 'expired',
}

/** An aggregator's status word as ours. An unknown word is refused: guessing could credit an unpaid invoice. */
export const normaliseStatus = (providerStatus: string): PaymentStatus => {
  const status = statuses[String(providerStatus).trim().toUpperCase().replace(/[\s-]+/g, '_')]
  if (!status) throw new ProviderError('bad-payload', `Unknown provider status "${providerStatus}"`)
  return status
}

export const isOperator = (value: unknown): value is Operator => operators.includes(value as Operator)

/**
 * A DRC number as +243 and nine digits. Accepts +243…, 00243…, 243… and the national 0…, with
 * spaces, dots, dashes or brackets, and the trunk 0 people often keep after the country code.
 */
export const normalisePhone = (phone: string): string => {
  const compact = String(phone).trim().replace(/[\s.\-()]/g, '')
  const national = /^(?:\+243|00243|243)0?(\d{9})$/.exec(compact)?.[1] ?? /^0(\d{9})$/.exec(compact)?.[1]
  if (!national || national.startsWith('0')) throw new ProviderError('invalid-input', `Not a DRC phone number: "${phone}"`)
  return `+243${national}`
}

const prefixes: Record<string, Operator> = {
  '81': 'vodacom-mpesa',
  '82': 'vodacom-mpesa',
  '83': 'vodacom-mpesa',
  '80': 'orange-money',
  '84': 'orange-money',
  '85': 'orange-money',
  '89': 'orange-money',
  '97': 'airtel-money',
  '98': 'airtel-money',
  '99': 'airtel-money',
  '90': 'africell-money',
  '91': 'africell-money',
}

/** The operator a number's prefix belongs to; undefined for an invalid number or a prefix we do not know. */
export const operatorOfPhone = (phone: string): Operator | undefined => {
  try {
    return prefixes[normalisePhone(phone).slice(4, 6)]
  } catch {
    return undefined
  }
}
