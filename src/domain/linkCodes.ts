/**
 * The codes a school hands a family to link a parent's account to a child: generated, read back
 * from what a person types, hashed for storage, and judged (valid, expired, used, revoked).
 *
 * The alphabet is Crockford's base 32 (digits and capitals without I, L, O, U): it keeps one
 * member of each confusable pair, so a typed O is read as 0 and an I or L as 1, and a code read
 * aloud or copied from paper still matches. 10 symbols are 50 bits.
 */
import { createHmac, randomInt } from 'node:crypto'

export const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const codeLength = 10
export const defaultValidityDays = 14

/** What a person may type for a symbol of the alphabet. */
const lookalikes: Record<string, string> = { O: '0', I: '1', L: '1' }

/** A new code, `random(n)` giving an integer in [0, n) (crypto's by default: no modulo bias). */
export const generateCode = (random: (n: number) => number = randomInt): string =>
  Array.from({ length: codeLength }, () => codeAlphabet[random(codeAlphabet.length)]).join('')

/**
 * What was typed, as the code it means: spaces, dashes, dots and underscores dropped, lower case
 * raised, lookalikes replaced. `null` when it cannot be a code (wrong length, other symbols).
 */
export const normaliseCode = (typed: unknown): string | null => {
  if (typeof typed !== 'string') return null
  const symbols = [...typed.toUpperCase().replace(/[\s\-._\u2010-\u2015]+/g, '')].map((c) => lookalikes[c] ?? c).join('')
  if (symbols.length !== codeLength) return null
  return [...symbols].every((c) => codeAlphabet.includes(c)) ? symbols : null
}

/** XXXX-XXXX-XX: what the letter prints and the secretariat reads out. */
export const displayCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`

/**
 * The stored form: an HMAC keyed with the server's secret, so a copy of the database alone does
 * not let anyone try the 2^50 codes offline. Only a normalised code is hashed.
 */
export const hashCode = (code: string, secret: string) => {
  if (!secret) throw new Error('hashCode needs the server secret')
  return createHmac('sha256', secret).update(`link-code:${code}`).digest('hex')
}

export const defaultExpiry = (now: Date, days = defaultValidityDays) => new Date(now.getTime() + days * 86_400_000)

export type CodeState = 'valid' | 'expired' | 'used' | 'revoked'
type Dated = string | Date | null | undefined
const at = (value: Dated) => (value == null || value === '' ? null : new Date(value).getTime())

/** Where a code stands at `now`: a revoked or used code stays so whatever its date. */
export const codeState = (code: { expiresAt: Dated; usedAt?: Dated; revokedAt?: Dated }, now: Date): CodeState => {
  if (at(code.revokedAt) != null) return 'revoked'
  if (at(code.usedAt) != null) return 'used'
  const expires = at(code.expiresAt)
  return expires == null || Number.isNaN(expires) || expires <= now.getTime() ? 'expired' : 'valid'
}

export const isExpired = (expiresAt: Dated, now: Date) => codeState({ expiresAt }, now) === 'expired'
