import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import {
  isCurrency,
  isOperator,
  normalisePhone,
  normaliseStatus,
  operatorOfPhone,
  ProviderError,
  type CallbackEvent,
  type Currency,
  type InitiateInput,
  type MobileMoneyProvider,
  type Operator,
  type PaymentStatus,
} from './provider'

/**
 * A mobile-money aggregator without a network, for development and tests. It answers like the
 * Congolese aggregators do: `initiate` pushes a prompt to the payer's phone and answers pending;
 * the payment settles `pendingMs` later and a signed callback is delivered.
 *
 * The outcome is chosen by the payer's number (its last four digits):
 *   …0000  failed: insufficient funds
 *   …1111  expired: the payer never answered the prompt
 *   …2222  cancelled: the payer declined on the phone
 *   …3333  succeeded, but the callback is lost (never delivered): the app must find out through status()
 *   other  succeeded
 */

export const sandboxSignatureHeader = 'x-sandbox-signature'
const toleranceSeconds = 5 * 60

/** The signature header value for a body sent at `timestamp` (unix seconds): `t=<seconds>,v1=<hex HMAC-SHA256>`. */
export const signSandboxPayload = (secret: string, rawBody: string, timestamp: number) =>
  `t=${timestamp},v1=${hmac(secret, `${timestamp}.${rawBody}`)}`

const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text, 'utf8').digest('hex')


type Deliver = (event: CallbackEvent, rawBody: string, headers: Record<string, string>, callbackUrl?: string) => Promise<void>

export interface SandboxOptions {
  secret: string
  /** The wall clock; advance() moves the sandbox's time on from it. */
  clock?: () => Date
  pendingMs?: number
  /** The transport of callbacks (a fetch to callbackUrl, or a direct call in tests). */
  deliver?: Deliver
}

export interface SandboxProvider extends MobileMoneyProvider {
  refund(providerReference: string, amount: number): Promise<{ providerReference: string; status: PaymentStatus }>
  /** Settles one pending payment, or every pending one, now; resolves with the callbacks sent. */
  settle(providerReference?: string): Promise<CallbackEvent[]>
  /** Moves the sandbox's time on and settles what has come due. */
  advance(ms: number): Promise<CallbackEvent[]>
  /** Sends a settled payment's callback again, as aggregators retry: same body and eventId, fresh signature. */
  redeliver(providerReference: string): Promise<CallbackEvent>
  /** Stops the settlement timers. */
  close(): void
}

interface Payment {
  input: InitiateInput & { phone: string }
  providerReference: string
  status: PaymentStatus
  settlesAt: number
  refunded: number
  refunds: number
  timer?: ReturnType<typeof setTimeout>
  callback?: { event: CallbackEvent; rawBody: string }
}

/** What the sandbox's callback body carries: the aggregator's words, which verifyCallback translates. */
interface CallbackBody {
  id: string
  createdAt: string
  data: {
    transactionId: string
    reference: string
    status: string
    amount: number
    currency: string
    phone?: string
    operator?: string
  }
}

const outcomes: Record<string, { status: PaymentStatus; word: string }> = {
  '0000': { status: 'failed', word: 'INSUFFICIENT_FUNDS' },
  '1111': { status: 'expired', word: 'TIMEOUT' },
  '2222': { status: 'cancelled', word: 'CANCELLED' },
}
const success = { status: 'succeeded' as const, word: 'SUCCESSFUL' }
const lostCallback = '3333'

/**
 * A reference that carries the payment it names, signed: another process holding the same secret
 * (the worker polling pending payments, a second app server) answers status() for it without
 * sharing this one's memory, as a real aggregator answers from its own database.
 */
interface Described {
  input: InitiateInput & { phone: string }
  settlesAt: number
}
const describe = (secret: string, { input, settlesAt }: Described) => {
  const body = Buffer.from(JSON.stringify({ r: input.reference, a: input.amount, c: input.currency, p: input.phone, o: input.operator, s: settlesAt })).toString('base64url')
  return `SBX-${body}.${hmac(secret, `reference.${body}`).slice(0, 32)}`
}
const undescribe = (secret: string, providerReference: string): Described | undefined => {
  const [, body, signature] = /^SBX-([A-Za-z0-9_-]+)\.([0-9a-f]{32})$/.exec(providerReference) ?? []
  if (!body || hmac(secret, `reference.${body}`).slice(0, 32) !== signature) return undefined
  const { r, a, c, p, o, s } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  return { input: { reference: r, amount: a, currency: c, phone: p, operator: o }, settlesAt: s }
}
const outcomeOf = (phone: string) => outcomes[phone.slice(-4)] ?? success

const invalid = (message: string) => new ProviderError('invalid-input', message)
const isPositiveInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0

export const createSandboxProvider = ({ secret, clock = () => new Date(), pendingMs = 2000, deliver }: SandboxOptions): SandboxProvider => {
  if (!secret) throw invalid('The sandbox needs a signing secret')
  if (!Number.isFinite(pendingMs) || pendingMs < 0) throw invalid('pendingMs must be a finite number of milliseconds')
  const payments = new Map<string, Payment>()
  const byReference = new Map<string, string>()
  let offset = 0
  const now = () => clock().getTime() + offset

  const find = (providerReference: string) => {
    const payment = payments.get(providerReference)
    if (!payment) throw new ProviderError('unknown-payment', `No sandbox payment "${providerReference}"`)
    return payment
  }

  const send = async (payment: Payment) => {
    const { event, rawBody } = payment.callback!
    const headers = { 'content-type': 'application/json', [sandboxSignatureHeader]: signSandboxPayload(secret, rawBody, Math.floor(now() / 1000)) }
    await deliver?.(event, rawBody, headers, payment.input.callbackUrl)
  }

  const settleOne = async (payment: Payment): Promise<CallbackEvent[]> => {
    clearTimeout(payment.timer)
    const { input, providerReference } = payment
    const outcome = outcomeOf(input.phone)
    payment.status = outcome.status
    const body: CallbackBody = {
      id: `evt_${randomUUID()}`,
      createdAt: new Date(now()).toISOString(),
      data: { transactionId: providerReference, reference: input.reference, status: outcome.word, amount: input.amount, currency: input.currency, phone: input.phone, operator: input.operator },
    }
    const rawBody = JSON.stringify(body)
    payment.callback = { event: parseBody(rawBody), rawBody }
    if (input.phone.endsWith(lostCallback)) return []
    await send(payment)
    return [payment.callback.event]
  }

  const settleAll = async (due: (payment: Payment) => boolean) => {
    const events: CallbackEvent[] = []
    for (const payment of payments.values()) if (payment.status === 'pending' && due(payment)) events.push(...(await settleOne(payment)))
    return events
  }

  const validate = (input: InitiateInput): Payment['input'] => {
    if (!isPositiveInteger(input.amount)) throw invalid(`The amount must be a positive integer of minor units, not ${input.amount}`)
    if (!isCurrency(input.currency)) throw new ProviderError('unsupported-currency', `Unsupported currency "${input.currency}"`)
    if (typeof input.reference !== 'string' || !input.reference.trim()) throw invalid('A payment needs a reference')
    const phone = normalisePhone(input.phone)
    if (!isOperator(input.operator)) throw invalid(`Unknown operator "${input.operator}"`)
    const prefixOperator = operatorOfPhone(phone)
    if (prefixOperator && prefixOperator !== input.operator) throw invalid(`${phone} is a ${prefixOperator} number, not ${input.operator}`)
    return { ...input, phone }
  }

  return {
    name: 'sandbox',

    async initiate(raw) {
      const input = validate(raw)
      const existing = byReference.get(input.reference)
      if (existing) {
        const payment = payments.get(existing)!
        const { amount, currency, phone, operator } = payment.input
        const same = amount === input.amount && currency === input.currency && phone === input.phone && operator === input.operator
        if (!same) throw new ProviderError('reference-conflict', `Reference "${input.reference}" was already used for another payment`)
        return { providerReference: existing, status: payment.status }
      }
      const settlesAt = now() + pendingMs
      const providerReference = describe(secret, { input, settlesAt })
      const payment: Payment = { input, providerReference, status: 'pending', settlesAt, refunded: 0, refunds: 0 }
      // The timer is the real-time path; advance() and settle() are the tests' path. unref: a pending
      // payment does not keep the process alive.
      payment.timer = setTimeout(() => {
        if (payment.status !== 'pending') return
        settleOne(payment).catch((error) => console.error(`sandbox: callback for ${providerReference} not delivered`, error))
      }, pendingMs)
      payment.timer.unref()
      payments.set(providerReference, payment)
      byReference.set(input.reference, providerReference)
      return { providerReference, status: payment.status }
    },

    verifyCallback(rawBody, headers) {
      const header = Object.entries(headers).find(([name]) => name.toLowerCase() === sandboxSignatureHeader)?.[1]
      const parts = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header?.trim() ?? '')
      if (!parts) throw new ProviderError('bad-signature', 'Missing or malformed signature header')
      const [, timestamp, signature] = parts
      const expected = Buffer.from(hmac(secret, `${timestamp}.${rawBody}`), 'hex')
      if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) throw new ProviderError('bad-signature', 'The signature does not match the body')
      // Checked after the signature, so that an unsigned request learns nothing about our clock.
      if (Math.abs(now() / 1000 - Number(timestamp)) > toleranceSeconds) throw new ProviderError('stale', 'The callback is more than five minutes old or ahead')
      return parseBody(rawBody)
    },

    async status(providerReference) {
      const known = payments.get(providerReference)
      if (known) return { status: known.status, amount: known.input.amount, currency: known.input.currency }
      const described = undescribe(secret, providerReference)
      if (!described) throw new ProviderError('unknown-payment', `No sandbox payment "${providerReference}"`)
      const { input, settlesAt } = described
      return { status: now() >= settlesAt ? outcomeOf(input.phone).status : 'pending', amount: input.amount, currency: input.currency }
    },

    async refund(providerReference, amount) {
      const payment = find(providerReference)
      if (!isPositiveInteger(amount)) throw invalid(`A refund must be a positive integer of minor units, not ${amount}`)
      if (payment.status !== 'succeeded') throw new ProviderError('refund-refused', `Only a succeeded payment can be refunded; this one is ${payment.status}`)
      const left = payment.input.amount - payment.refunded
      if (amount > left) throw new ProviderError('refund-refused', `Refund of ${amount} is more than the ${left} left to refund`)
      payment.refunded += amount
      payment.refunds += 1
      return { providerReference: `${providerReference}-R${payment.refunds}`, status: 'succeeded' }
    },

    async settle(providerReference) {
      if (providerReference === undefined) return settleAll(() => true)
      const payment = find(providerReference)
      return payment.status === 'pending' ? settleOne(payment) : []
    },

    async advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw invalid('advance() takes a finite, non-negative number of milliseconds')
      offset += ms
      return settleAll((payment) => payment.settlesAt <= now())
    },

    async redeliver(providerReference) {
      const payment = find(providerReference)
      if (!payment.callback) throw new ProviderError('unknown-payment', `Payment "${providerReference}" has not settled yet`)
      await send(payment)
      return payment.callback.event
    },

    close() {
      for (const payment of payments.values()) clearTimeout(payment.timer)
    },
  }
}

const badPayload = (message: string) => new ProviderError('bad-payload', message)

/** The callback body as our event, checked field by field: a signed body can still be malformed. */
const parseBody = (rawBody: string): CallbackEvent => {
  let body: CallbackBody
  try {
    body = JSON.parse(rawBody)
  } catch (cause) {
    throw new ProviderError('bad-payload', 'The callback body is not JSON', { cause })
  }
  const data = body?.data
  if (typeof body?.id !== 'string' || !body.id) throw badPayload('The callback has no event id')
  if (typeof data?.transactionId !== 'string' || typeof data.reference !== 'string') throw badPayload('The callback names no payment')
  if (!isPositiveInteger(data.amount)) throw badPayload(`The callback's amount is not a positive integer: ${data.amount}`)
  if (!isCurrency(data.currency)) throw new ProviderError('unsupported-currency', `Unsupported currency "${data.currency}"`)
  if (typeof body.createdAt !== 'string' || Number.isNaN(Date.parse(body.createdAt))) throw badPayload('The callback has no valid date')
  if (data.operator !== undefined && !isOperator(data.operator)) throw badPayload(`Unknown operator "${data.operator}"`)
  const event: CallbackEvent = {
    providerReference: data.transactionId,
    reference: data.reference,
    status: normaliseStatus(String(data.status)),
    amount: data.amount,
    currency: data.currency as Currency,
    occurredAt: new Date(body.createdAt).toISOString(),
    eventId: body.id,
  }
  if (data.phone !== undefined) event.phone = normalisePhoneOrRefuse(data.phone)
  if (data.operator !== undefined) event.operator = data.operator as Operator
  return event
}

const normalisePhoneOrRefuse = (phone: unknown) => {
  try {
    return normalisePhone(String(phone))
  } catch (cause) {
    throw new ProviderError('bad-payload', `The callback's phone is not a DRC number: ${phone}`, { cause })
  }
}
