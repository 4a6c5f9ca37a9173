import { clientAddress, retryAfter, rules, windowOf } from '../../src/domain/rateLimits'

describe('clientAddress', () => {
  it('takes the address the server appended, not one the client wrote before it', () => {
    expect(clientAddress('10.0.0.9')).toBe('10.0.0.9')
    expect(clientAddress('1.2.3.4, 10.0.0.9')).toBe('10.0.0.9')
    expect(clientAddress('1.2.3.4, 41.243.7.2, 172.18.0.5', 1)).toBe('41.243.7.2')
    expect(clientAddress('41.243.7.2', 3)).toBe('41.243.7.2')
  })

  it('has no address without the header (scripts, jobs)', () => {
    expect(clientAddress(null)).toBeNull()
    expect(clientAddress(' , ')).toBeNull()
  })
})

describe('windows', () => {
  const rule = rules.loginFailuresPerClient
  it('puts every moment of a window in the same one, and says when it ends', () => {
    const start = Date.UTC(2026, 11, 4, 10, 0, 0)
    expect(windowOf(start, rule)).toBe(start / 1000)
    expect(windowOf(start + 14 * 60_000 + 59_000, rule)).toBe(start / 1000)
    expect(windowOf(start + 15 * 60_000, rule)).toBe(start / 1000 + 900)
    expect(retryAfter(start, rule)).toBe(900)
    expect(retryAfter(start + 899_500, rule)).toBe(1)
  })
})
