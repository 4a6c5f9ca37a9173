import { codeAlphabet, codeLength, codeState, defaultExpiry, displayCode, generateCode, hashCode, isExpired, normaliseCode } from '../../src/domain/linkCodes'

describe('generating a code', () => {
  it('gives 10 symbols of the alphabet, never a lookalike letter', () => {
    for (let n = 0; n < 200; n++) {
      const code = generateCode()
      expect(code).toHaveLength(codeLength)
      expect([...code].every((c) => codeAlphabet.includes(c))).toBe(true)
      expect(code).not.toMatch(/[ILOU]/)
    }
  })

  it('draws each symbol from the random source it is given', () => {
    let i = 0
    expect(generateCode(() => i++ % 32)).toBe('0123456789')
    expect(generateCode((n) => n - 1)).toBe('ZZZZZZZZZZ')
  })

  it('does not repeat itself', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateCode()))
    expect(codes.size).toBe(2000)
  })
})

describe('reading what a person types', () => {
  it('drops spaces, dashes and dots and raises lower case', () => {
    expect(normaliseCode('ab12-cd34-ef')).toBe('AB12CD34EF')
    expect(normaliseCode('  AB12 CD34 EF ')).toBe('AB12CD34EF')
    expect(normaliseCode('ab12.cd34_ef')).toBe('AB12CD34EF')
    expect(normaliseCode('AB12–CD34—EF')).toBe('AB12CD34EF')
  })

  it('reads O as 0 and I or L as 1', () => {
    expect(normaliseCode('OOII-LL23-45')).toBe('0011112345')
    expect(normaliseCode('oo1i-l123-45')).toBe('0011112345')
  })

  it('refuses what cannot be a code', () => {
    for (const typed of ['', 'AB12CD34E', 'AB12CD34EFG', 'AB12CD34E!', 'AB12CD34EU', 'ÀB12CD34EF', null, undefined, 1234567890, {}])
      expect(normaliseCode(typed)).toBeNull()
  })

  it('reads back what the letter prints', () => {
    const code = generateCode()
    expect(displayCode(code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/)
    expect(normaliseCode(displayCode(code))).toBe(code)
    expect(normaliseCode(displayCode(code).toLowerCase())).toBe(code)
  })
})

describe('hashing', () => {
  it('is stable, keyed by the secret, and never the code itself', () => {
    const hash = hashCode('AB12CD34EF', 'secret-1')
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hashCode('AB12CD34EF', 'secret-1')).toBe(hash)
    expect(hashCode('AB12CD34EF', 'secret-2')).not.toBe(hash)
    expect(hashCode('AB12CD34EG', 'secret-1')).not.toBe(hash)
    expect(hash).not.toContain('AB12CD34EF')
  })

  it('refuses to hash without a secret', () => {
    expect(() => hashCode('AB12CD34EF', '')).toThrow(/secret/)
  })
})

describe('expiry and state', () => {
  const now = new Date('2026-11-20T10:00:00Z')

  it('lasts 14 days by default', () => {
    expect(defaultExpiry(now).toISOString()).toBe('2026-12-04T10:00:00.000Z')
    expect(defaultExpiry(now, 1).toISOString()).toBe('2026-11-21T10:00:00.000Z')
  })

  it('is valid until its expiry, expired from that instant', () => {
    expect(codeState({ expiresAt: '2026-11-20T10:00:01Z' }, now)).toBe('valid')
    expect(codeState({ expiresAt: '2026-11-20T10:00:00Z' }, now)).toBe('expired')
    expect(codeState({ expiresAt: new Date('2026-11-19T00:00:00Z') }, now)).toBe('expired')
    expect(isExpired('2026-11-19T23:59:59Z', now)).toBe(true)
    expect(isExpired('2026-12-01T00:00:00Z', now)).toBe(false)
  })

  it('treats a missing or unreadable expiry as expired', () => {
    expect(codeState({ expiresAt: null }, now)).toBe('expired')
    expect(codeState({ expiresAt: 'not a date' }, now)).toBe('expired')
  })

  it('says revoked, then used, before looking at the date', () => {
    const future = '2026-12-01T00:00:00Z'
    expect(codeState({ expiresAt: future, usedAt: '2026-11-19T00:00:00Z' }, now)).toBe('used')
    expect(codeState({ expiresAt: '2026-01-01T00:00:00Z', usedAt: '2025-12-01T00:00:00Z' }, now)).toBe('used')
    expect(codeState({ expiresAt: future, usedAt: '2026-11-19T00:00:00Z', revokedAt: '2026-11-18T00:00:00Z' }, now)).toBe('revoked')
  })
})
