import { invoiceOfReference, mismatchOf, nextPaymentStatus, paymentReference, refundToRecord } from '../../src/domain/providerNews'

describe('a provider’s news about a payment', () => {
  it('settles a pending payment, once', () => {
    expect(nextPaymentStatus('pending', 'succeeded')).toBe('succeeded')
    expect(nextPaymentStatus('pending', 'failed')).toBe('failed')
    expect(nextPaymentStatus('pending', 'expired')).toBe('expired')
    expect(nextPaymentStatus('pending', 'pending')).toBeNull()
    expect(nextPaymentStatus('succeeded', 'succeeded')).toBeNull()
  })

  it('never undoes a success, whatever arrives after it', () => {
    for (const late of ['pending', 'failed', 'cancelled', 'expired'] as const) expect(nextPaymentStatus('succeeded', late)).toBeNull()
  })

  it('counts money that arrives after a failure or a timeout, and nothing else moves a closed payment', () => {
    expect(nextPaymentStatus('expired', 'succeeded')).toBe('succeeded')
    expect(nextPaymentStatus('failed', 'succeeded')).toBe('succeeded')
    expect(nextPaymentStatus('failed', 'expired')).toBeNull()
    expect(nextPaymentStatus('cancelled', 'pending')).toBeNull()
  })

  it('is refused when its amount or currency is not the payment’s', () => {
    expect(mismatchOf({ amount: 5_000, currency: 'USD' }, { amount: 5_000, currency: 'USD' })).toBeNull()
    expect(mismatchOf({ amount: 5_000, currency: 'USD' }, { amount: 5_001, currency: 'USD' })).toBe('amount')
    expect(mismatchOf({ amount: 5_000, currency: 'USD' }, { amount: 5_000, currency: 'CDF' })).toBe('currency')
  })

  it('records only the part of a running refund total not yet counted', () => {
    expect(refundToRecord(0, 2_000)).toBe(2_000)
    expect(refundToRecord(2_000, 2_000)).toBe(0)
    expect(refundToRecord(2_000, 3_500)).toBe(1_500)
    expect(refundToRecord(3_500, 2_000)).toBe(0)
    expect(refundToRecord(0, undefined)).toBe(0)
  })

  it('ties our payment reference back to its invoice, and nothing else', () => {
    expect(invoiceOfReference(paymentReference(42, 'a1B2-c3_d4'))).toBe(42)
    expect(invoiceOfReference('KEL-42-')).toBeUndefined()
    expect(invoiceOfReference('KEL-x-abc')).toBeUndefined()
    expect(invoiceOfReference('PAY-2026-000001')).toBeUndefined()
  })
})
