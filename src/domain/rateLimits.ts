/**
 * Limits on what an attacker repeats: failed logins and password-reset e-mails, per client
 * address and per account, in fixed windows. Pure: the counting lives in the database
 * (src/security/rateLimits.ts), so every app process sees the same counts.
 */
export type Rule = { limit: number; windowSeconds: number }

export const rules = {
  // Payload locks an existing account after 5 failed logins; these also hold for unknown addresses and for a whole client.
  loginFailuresPerClient: { limit: 30, windowSeconds: 15 * 60 },
  loginFailuresPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  resetsPerClient: { limit: 10, windowSeconds: 60 * 60 },
  resetsPerAccount: { limit: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, Rule>

export type RuleName = keyof typeof rules

/** The request header the app server sets to the client's address (src/server/requests.ts); absent for the Local API of scripts and jobs. */
export const clientHeader = 'x-kelasi-client'

/**
 * The client's address from the hops a request came through (`X-Forwarded-For` then the
 * socket's peer): the last is the only one a client cannot write, or the one `trustedProxies`
 * hops before it when the app sits behind proxies that append to the header (KELASI_PROXY_HOPS).
 */
export const clientAddress = (forwardedFor: string | null | undefined, trustedProxies = 0) => {
  const hops = (forwardedFor ?? '').split(',').map((hop) => hop.trim()).filter(Boolean)
  if (!hops.length) return null
  return hops[Math.max(0, hops.length - 1 - trustedProxies)]
}

/** The start of the window `now` falls in (seconds since the epoch). */
export const windowOf = (now: number, rule: Rule) => Math.floor(now / 1000 / rule.windowSeconds) * rule.windowSeconds

/** Seconds until the window `now` falls in ends: what Retry-After says. */
export const retryAfter = (now: number, rule: Rule) => Math.max(1, windowOf(now, rule) + rule.windowSeconds - Math.floor(now / 1000))
