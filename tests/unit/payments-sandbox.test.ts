import {
  normalisePhone,
  normaliseStatus,
  operatorOfPhone,
  ProviderError,
  type CallbackEvent,
  type InitiateInput,
} from '../../src/payments/provider'
import { createSandboxProvider, signSandboxPayload, type SandboxOptions, type SandboxProvider } from '../../src/payments/sandbox'

const secret = 'sandbox-test-secret'
const start = new Date('2026-09-01T08:00:00.000Z')
const startSeconds = start.getTime() / 1000

/** The ProviderError code a call fails with (sync or async), or 'no error'. */
const codeOf = async (call: () => unknown) => {
  try {
    await call()
    return 'no error'
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError)
    return (error as ProviderError).code
  }
}

interface Delivery {
  event: CallbackEvent
  rawBody: string
  headers: Record<string, string>
  callbackUrl?: string
}

const providers: SandboxProvider[] = []
afterEach(() => providers.splice(0).forEach((provider) => provider.close()))

/** A sandbox on a frozen clock with a long pending time, so only advance()/settle() move it. */
const setup = (options: Partial<SandboxOptions> = {}) => {
  const delivered: Delivery[] = []
  const provider = createSandboxProvider({
    secret,
    clock: () => start,
    pendingMs: 60_000,
    deliver: async (event, rawBody, headers, callbackUrl) => {
      delivered.push({ event, rawBody, headers, callbackUrl })
    },
    ...options,
  })
  providers.push(provider)
  return { provider, delivered }
}

const payment = (fields: Partial<InitiateInput> = {}): InitiateInput => ({
  amount: 15_000, // 150.00 USD
  currency: 'USD',
  phone: '+243 81 234 5678',
  operator: 'vodacom-mpesa',
  reference: 'PAY-2026-000001',
  ...fields,
})

describe('normalisePhone', () => {
  it.each([
    ['+243 81 234 5678', '+243812345678'],
    ['+243812345678', '+243812345678'],
    ['0812345678', '+243812345678'],
    ['081 234 56 78', '+243812345678'],
    ['00243 99 123 4567', '+243991234567'],
    ['243-85-123-4567', '+243851234567'],
    ['+243 (0)97 123 4567', '+243971234567'],
    ['+243 090 123 4567', '+243901234567'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected)
  })

  it.each(['', 'abc', '12345', '+33612345678', '08123456789', '081234567', '+24381234567', '+243 01 234 5678', '0012345678'])(
    'refuses %p with invalid-input',
    async (input) => {
      expect(await codeOf(() => normalisePhone(input))).toBe('invalid-input')
    },
  )
})

describe('operatorOfPhone', () => {
  it.each([
    ['081', 'vodacom-mpesa'],
    ['082', 'vodacom-mpesa'],
    ['083', 'vodacom-mpesa'],
    ['097', 'airtel-money'],
    ['098', 'airtel-money'],
    ['099', 'airtel-money'],
    ['080', 'orange-money'],
    ['084', 'orange-money'],
    ['085', 'orange-money'],
    ['089', 'orange-money'],
    ['090', 'africell-money'],
    ['091', 'africell-money'],
  ])('%s… is %s, in every notation', (prefix, operator) => {
    const national = `${prefix}1234567`
    expect(operatorOfPhone(national)).toBe(operator)
    expect(operatorOfPhone(`+243 ${national.slice(1, 3)} ${national.slice(3)}`)).toBe(operator)
  })

  it('is undefined for a prefix no operator holds, and for a number that is not one', () => {
    expect(operatorOfPhone('0861234567')).toBeUndefined()
    expect(operatorOfPhone('0121234567')).toBeUndefined()
    expect(operatorOfPhone('not a phone')).toBeUndefined()
  })
})

describe('normaliseStatus', () => {
  it.each([
    ['SUCCESSFUL', 'succeeded'],
    ['SUCCESS', 'succeeded'],
    ['COMPLETED', 'succeeded'],
    ['successful', 'succeeded'],
    ['PENDING', 'pending'],
    ['SUBMITTED', 'pending'],
    ['ACCEPTED', 'pending'],
    ['FAILED', 'failed'],
    ['REJECTED', 'failed'],
    ['INSUFFICIENT_FUNDS', 'failed'],
    ['insufficient funds', 'failed'],
    ['CANCELLED', 'cancelled'],
    ['EXPIRED', 'expired'],
    ['TIMEOUT', 'expired'],
    [' timed-out ', 'expired'],
  ])('%p → %s', (word, status) => {
    expect(normaliseStatus(word)).toBe(status)
  })

  it.each(['', 'OK', 'REFUNDED', 'PAID?', 'constructor'])('refuses the unknown word %p with bad-payload', async (word) => {
    expect(await codeOf(() => normaliseStatus(word))).toBe('bad-payload')
  })
})

describe('sandbox initiate', () => {
  it('answers pending with a provider reference, and normalises the phone it keeps', async () => {
    const { provider, delivered } = setup()
    const answer = await provider.initiate(payment())
    expect(answer.status).toBe('pending')
    expect(answer.providerReference).toMatch(/^SBX-/)
    expect(await provider.status(answer.providerReference)).toEqual({ status: 'pending', amount: 15_000, currency: 'USD' })
    expect(delivered).toEqual([])
    const [event] = await provider.settle(answer.providerReference)
    expect(event.phone).toBe('+243812345678')
    expect(event.operator).toBe('vodacom-mpesa')
  })

  it('is idempotent on the reference: one payment, one callback, the current status', async () => {
    const { provider, delivered } = setup()
    const first = await provider.initiate(payment())
    const again = await provider.initiate(payment({ phone: '0812345678' }))
    expect(again).toEqual(first)
    expect(await provider.settle()).toHaveLength(1)
    expect(delivered).toHaveLength(1)
    expect(await provider.initiate(payment())).toEqual({ providerReference: first.providerReference, status: 'succeeded' })
    expect(await provider.settle()).toEqual([])
    expect(delivered).toHaveLength(1)
  })

  it('refuses a known reference with other terms, and keeps distinct references apart', async () => {
    const { provider } = setup()
    const first = await provider.initiate(payment())
    expect(await codeOf(() => provider.initiate(payment({ amount: 15_001 })))).toBe('reference-conflict')
    expect(await codeOf(() => provider.initiate(payment({ currency: 'CDF' })))).toBe('reference-conflict')
    expect(await codeOf(() => provider.initiate(payment({ phone: '0822222220' })))).toBe('reference-conflict')
    const second = await provider.initiate(payment({ reference: 'PAY-2026-000002' }))
    expect(second.providerReference).not.toBe(first.providerReference)
  })

  it.each<[string, Partial<InitiateInput>, string]>([
    ['a zero amount', { amount: 0 }, 'invalid-input'],
    ['a negative amount', { amount: -100 }, 'invalid-input'],
    ['a fractional amount', { amount: 12.5 }, 'invalid-input'],
    ['an amount as text', { amount: '100' as unknown as number }, 'invalid-input'],
    ['another currency', { currency: 'EUR' as 'USD' }, 'unsupported-currency'],
    ['a foreign phone', { phone: '+33612345678' }, 'invalid-input'],
    ['an unknown operator', { operator: 'mtn' as 'vodacom-mpesa' }, 'invalid-input'],
    ["another operator than the number's", { operator: 'airtel-money' }, 'invalid-input'],
    ['an empty reference', { reference: ' ' }, 'invalid-input'],
  ])('refuses %s', async (_, fields, code) => {
    const { provider } = setup()
    expect(await codeOf(() => provider.initiate(payment(fields)))).toBe(code)
  })

  it('takes the given operator for a prefix it does not know', async () => {
    const { provider } = setup()
    const { providerReference } = await provider.initiate(payment({ phone: '0861234567', operator: 'orange-money' }))
    const [event] = await provider.settle(providerReference)
    expect(event.operator).toBe('orange-money')
  })

  it('keeps CDF amounts in centimes, as given', async () => {
    const { provider } = setup()
    const { providerReference } = await provider.initiate(payment({ amount: 4_250_000, currency: 'CDF' })) // 42,500.00 FC
    const [event] = await provider.settle(providerReference)
    expect(event).toMatchObject({ amount: 4_250_000, currency: 'CDF' })
  })
})

describe('sandbox settlement', () => {
  it.each([
    ['+243 81 234 5678', 'succeeded'],
    ['+243 81 234 0000', 'failed'],
    ['+243 99 123 1111', 'expired'],
    ['+243 84 123 2222', 'cancelled'],
  ] as const)('a payment from %s ends %s, in the callback and in status()', async (phone, status) => {
    const { provider, delivered } = setup()
    const { providerReference } = await provider.initiate(payment({ phone, operator: operatorOfPhone(phone)! }))
    const events = await provider.settle(providerReference)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ providerReference, reference: 'PAY-2026-000001', status, amount: 15_000, currency: 'USD' })
    expect(delivered.map((d) => d.event)).toEqual(events)
    expect(provider.verifyCallback(delivered[0].rawBody, delivered[0].headers)).toEqual(events[0])
    expect((await provider.status(providerReference)).status).toBe(status)
  })

  it('…3333 succeeds but its callback is lost: only status() tells', async () => {
    const { provider, delivered } = setup()
    const { providerReference } = await provider.initiate(payment({ phone: '0813333333' }))
    expect(await provider.settle(providerReference)).toEqual([])
    expect(delivered).toEqual([])
    expect(await provider.status(providerReference)).toEqual({ status: 'succeeded', amount: 15_000, currency: 'USD' })
  })

  it('stays pending until pendingMs has passed, then delivers to the callback URL', async () => {
    const { provider, delivered } = setup({ pendingMs: 2000 })
    const { providerReference } = await provider.initiate(payment({ callbackUrl: 'https://kelasi.test/api/payments/webhooks/sandbox' }))
    expect(await provider.advance(1999)).toEqual([])
    expect((await provider.status(providerReference)).status).toBe('pending')
    const events = await provider.advance(1)
    expect(events).toHaveLength(1)
    expect(events[0].occurredAt).toBe('2026-09-01T08:00:02.000Z')
    expect(delivered[0].callbackUrl).toBe('https://kelasi.test/api/payments/webhooks/sandbox')
    expect(delivered[0].headers['content-type']).toBe('application/json')
    expect(delivered[0].headers['x-sandbox-signature']).toBe(signSandboxPayload(secret, delivered[0].rawBody, startSeconds + 2))
    expect((await provider.status(providerReference)).status).toBe('succeeded')
  })

  it('settles on its own timer when nobody drives it', async () => {
    let resolve: (delivery: Delivery) => void
    const arrived = new Promise<Delivery>((r) => (resolve = r))
    const provider = createSandboxProvider({
      secret,
      pendingMs: 5,
      deliver: async (event, rawBody, headers) => resolve({ event, rawBody, headers }),
    })
    providers.push(provider)
    const { providerReference } = await provider.initiate(payment())
    const { event, rawBody, headers } = await arrived
    expect(event).toMatchObject({ providerReference, status: 'succeeded' })
    expect(provider.verifyCallback(rawBody, headers)).toEqual(event)
  })

  it('refuses settle() and status() for a payment it never made', async () => {
    const { provider } = setup()
    expect(await codeOf(() => provider.status('SBX-nope'))).toBe('unknown-payment')
    expect(await codeOf(() => provider.settle('SBX-nope'))).toBe('unknown-payment')
  })
})

describe('sandbox callbacks', () => {
  /** One delivered callback on a fresh sandbox. */
  const delivery = async () => {
    const { provider, delivered } = setup()
    await provider.initiate(payment())
    await provider.settle()
    return { provider, delivered, ...delivered[0] }
  }

  it('accepts a good signature, with the header name in any case', async () => {
    const { provider, rawBody, headers, event } = await delivery()
    expect(provider.verifyCallback(rawBody, headers)).toEqual(event)
    const shouted = { 'X-Sandbox-Signature': headers['x-sandbox-signature'] }
    expect(provider.verifyCallback(rawBody, shouted)).toEqual(event)
    expect(event.eventId).toMatch(/^evt_/)
    expect(event.occurredAt).toBe(start.toISOString())
  })

  it('refuses a tampered body, a tampered signature, another secret and a missing header', async () => {
    const { provider, rawBody, headers } = await delivery()
    const richer = rawBody.replace('"amount":15000', '"amount":1500000')
    expect(richer).not.toBe(rawBody)
    expect(await codeOf(() => provider.verifyCallback(richer, headers))).toBe('bad-signature')
    const header = headers['x-sandbox-signature']
    const flipped = header.slice(0, -1) + (header.endsWith('0') ? '1' : '0')
    expect(await codeOf(() => provider.verifyCallback(rawBody, { 'x-sandbox-signature': flipped }))).toBe('bad-signature')
    const other = signSandboxPayload('another-secret', rawBody, startSeconds)
    expect(await codeOf(() => provider.verifyCallback(rawBody, { 'x-sandbox-signature': other }))).toBe('bad-signature')
    expect(await codeOf(() => provider.verifyCallback(rawBody, {}))).toBe('bad-signature')
    expect(await codeOf(() => provider.verifyCallback(rawBody, { 'x-sandbox-signature': 'v1=abc' }))).toBe('bad-signature')
  })

  it('refuses a callback older than five minutes, and one signed more than five minutes ahead', async () => {
    const { provider, rawBody, headers } = await delivery()
    await provider.advance(5 * 60_000)
    expect(provider.verifyCallback(rawBody, headers).amount).toBe(15_000) // exactly five minutes: still fresh
    await provider.advance(1000)
    expect(await codeOf(() => provider.verifyCallback(rawBody, headers))).toBe('stale')
    const now = startSeconds + 301
    const ahead = (seconds: number) => ({ 'x-sandbox-signature': signSandboxPayload(secret, rawBody, now + seconds) })
    expect(provider.verifyCallback(rawBody, ahead(299)).amount).toBe(15_000)
    expect(await codeOf(() => provider.verifyCallback(rawBody, ahead(301)))).toBe('stale')
  })

  it('checks the signature before the age: a forged old callback is bad-signature, not stale', async () => {
    const { provider, rawBody } = await delivery()
    const forged = signSandboxPayload('another-secret', rawBody, startSeconds - 3600)
    expect(await codeOf(() => provider.verifyCallback(rawBody, { 'x-sandbox-signature': forged }))).toBe('bad-signature')
  })

  it('refuses a well-signed body that is not a valid callback', async () => {
    const { provider, rawBody } = await delivery()
    const signed = (body: string) => () => provider.verifyCallback(body, { 'x-sandbox-signature': signSandboxPayload(secret, body, startSeconds) })
    const body = JSON.parse(rawBody)
    const altered = (change: (b: typeof body) => void) => {
      const copy = structuredClone(body)
      change(copy)
      return JSON.stringify(copy)
    }
    expect(await codeOf(signed('not json'))).toBe('bad-payload')
    expect(await codeOf(signed('null'))).toBe('bad-payload')
    expect(await codeOf(signed(altered((b) => (b.data.status = 'MAYBE'))))).toBe('bad-payload')
    expect(await codeOf(signed(altered((b) => (b.data.amount = 150.5))))).toBe('bad-payload')
    expect(await codeOf(signed(altered((b) => delete b.id)))).toBe('bad-payload')
    expect(await codeOf(signed(altered((b) => delete b.data.transactionId)))).toBe('bad-payload')
    expect(await codeOf(signed(altered((b) => (b.createdAt = 'yesterday'))))).toBe('bad-payload')
    expect(await codeOf(signed(altered((b) => (b.data.phone = '12'))))).toBe('bad-payload')
    expect(await codeOf(signed(altered((b) => (b.data.currency = 'EUR'))))).toBe('unsupported-currency')
    expect(signed(altered(() => {}))().status).toBe('succeeded') // the same body re-signed is fine
  })

  it('redelivers the same callback with a fresh signature and the same eventId', async () => {
    const { provider, delivered, rawBody, headers, event } = await delivery()
    expect(provider.verifyCallback(rawBody, headers)).toEqual(provider.verifyCallback(rawBody, headers))
    await provider.advance(10 * 60_000)
    const again = await provider.redeliver(event.providerReference)
    expect(again).toEqual(event)
    expect(delivered).toHaveLength(2)
    expect(delivered[1].rawBody).toBe(rawBody)
    expect(delivered[1].headers['x-sandbox-signature']).not.toBe(headers['x-sandbox-signature'])
    expect(await codeOf(() => provider.verifyCallback(rawBody, headers))).toBe('stale')
    expect(provider.verifyCallback(delivered[1].rawBody, delivered[1].headers).eventId).toBe(event.eventId)
  })

  it('has nothing to redeliver before the payment settles', async () => {
    const { provider } = setup()
    const { providerReference } = await provider.initiate(payment())
    expect(await codeOf(() => provider.redeliver(providerReference))).toBe('unknown-payment')
  })
})

describe('sandbox refunds', () => {
  const settled = async (phone = '0812345678') => {
    const { provider } = setup()
    const { providerReference } = await provider.initiate(payment({ phone, amount: 1000 }))
    await provider.settle()
    return { provider, providerReference }
  }

  it('refunds a succeeded payment in parts, never above its amount', async () => {
    const { provider, providerReference } = await settled()
    const first = await provider.refund(providerReference, 300)
    expect(first.status).toBe('succeeded')
    const second = await provider.refund(providerReference, 700)
    expect(second.status).toBe('succeeded')
    expect(second.providerReference).not.toBe(first.providerReference)
    expect(await codeOf(() => provider.refund(providerReference, 1))).toBe('refund-refused')
  })

  it('refuses a refund above the amount in one go', async () => {
    const { provider, providerReference } = await settled()
    expect(await codeOf(() => provider.refund(providerReference, 1001))).toBe('refund-refused')
    expect((await provider.refund(providerReference, 1000)).status).toBe('succeeded')
  })

  it('refuses to refund a failed or a pending payment, or an amount that is not a positive integer', async () => {
    const failed = await settled('0812340000')
    expect(await codeOf(() => failed.provider.refund(failed.providerReference, 100))).toBe('refund-refused')
    const { provider } = setup()
    const pending = await provider.initiate(payment({ reference: 'PAY-PENDING' }))
    expect(await codeOf(() => provider.refund(pending.providerReference, 100))).toBe('refund-refused')
    const ok = await settled()
    expect(await codeOf(() => ok.provider.refund(ok.providerReference, 0))).toBe('invalid-input')
    expect(await codeOf(() => ok.provider.refund(ok.providerReference, 2.5))).toBe('invalid-input')
    expect(await codeOf(() => ok.provider.refund('SBX-nope', 100))).toBe('unknown-payment')
  })
})

describe('another process holding the secret', () => {
  it('answers status() from the reference alone, pending then settled, and refuses a forged one', async () => {
    const first = setup()
    const { providerReference } = await first.provider.initiate(payment({ phone: '+243 81 234 3333' }))
    let later = start.getTime()
    const other = createSandboxProvider({ secret, clock: () => new Date(later), pendingMs: 60_000 })
    providers.push(other)
    expect(await other.status(providerReference)).toEqual({ status: 'pending', amount: 15_000, currency: 'USD' })
    later += 60_000
    expect(await other.status(providerReference)).toEqual({ status: 'succeeded', amount: 15_000, currency: 'USD' })
    const forged = providerReference.replace(/\.[0-9a-f]+$/, '.'.padEnd(33, '0'))
    expect(await codeOf(() => other.status(forged))).toBe('unknown-payment')
    const stranger = createSandboxProvider({ secret: 'another-secret', clock: () => new Date(later) })
    providers.push(stranger)
    expect(await codeOf(() => stranger.status(providerReference))).toBe('unknown-payment')
  })
})
