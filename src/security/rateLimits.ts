import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import { clientHeader, retryAfter, rules, windowOf, type RuleName } from '../domain/rateLimits'
import { tReq } from '../i18n'

const drizzleOf = (req: PayloadRequest) => (req.payload.db as unknown as PostgresAdapter).drizzle

// Counters are cheap to lose (a restart forgives a few attempts), so unlogged: no WAL on each login.
let table: Promise<unknown> | undefined
const ensureTable = (req: PayloadRequest) =>
  (table ??= drizzleOf(req)
    .execute(sql`create unlogged table if not exists kelasi_rate_limits (key text not null, window_start bigint not null, hits integer not null, primary key (key, window_start))`)
    .catch((error) => {
      table = undefined
      throw error
    }))

/**
 * Counts one attempt in its window, in the database that every app process shares, outside
 * the request's transaction (a refused login rolls back, its count must stay). The limit holds
 * over this window and the one before, so that attempts on both sides of a window's end still
 * add up. Where it counted goes in the request's context, for `forgive` to take it back there.
 */
const hit = async (req: PayloadRequest, name: RuleName, subject: string, now = Date.now()) => {
  await ensureTable(req)
  const rule = rules[name]
  const key = `${name}:${subject}`
  const window = windowOf(now, rule)
  const db = drizzleOf(req)
  await db.execute(sql`
    insert into kelasi_rate_limits (key, window_start, hits) values (${key}, ${window}, 1)
    on conflict (key, window_start) do update set hits = kelasi_rate_limits.hits + 1`)
  const { rows } = await db.execute(sql`select coalesce(sum(hits), 0)::int as hits from kelasi_rate_limits where key = ${key} and window_start in (${window}, ${window - rule.windowSeconds})`)
  if (Math.random() < 0.01) await db.execute(sql`delete from kelasi_rate_limits where window_start < extract(epoch from now()) - 86400`)
  ;((req.context.rateLimits ??= {}) as Record<string, number>)[key] = window
  return { over: Number((rows[0] as { hits: number }).hits) > rule.limit, retryAfter: retryAfter(now, rule) }
}

const forgive = async (req: PayloadRequest, name: RuleName, subject: string) => {
  const key = `${name}:${subject}`
  const window = (req.context.rateLimits as Record<string, number> | undefined)?.[key]
  if (window === undefined) return
  await drizzleOf(req).execute(sql`update kelasi_rate_limits set hits = greatest(hits - 1, 0) where key = ${key} and window_start = ${window}`)
}

/** The caller's address as the server saw it; none for the Local API of scripts and jobs, which are not limited. */
const addressOf = (req: PayloadRequest) => req.headers?.get(clientHeader) || null

const refuse = async (req: PayloadRequest, checks: [RuleName, string][]) => {
  const results = await Promise.all(checks.map(([name, subject]) => hit(req, name, subject)))
  const over = results.filter((r) => r.over)
  if (!over.length) return
  const seconds = Math.max(...over.map((r) => r.retryAfter))
  req.responseHeaders = new Headers({ 'Retry-After': String(seconds) })
  throw new APIError(tReq(req, 'errors.rateLimited', { minutes: Math.ceil(seconds / 60) }), 429, null, true)
}

const emailOf = (args: unknown) => String((args as { data?: { email?: unknown } }).data?.email ?? '').trim().toLowerCase()

/**
 * Before a login or a reset e-mail: one more attempt from this address and for this account;
 * past the limit, a 429 that says when to try again. A login that succeeds is forgiven (below),
 * so only failures add up.
 */
export const rateLimited: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const address = addressOf(req)
  if (!address || (operation !== 'login' && operation !== 'forgotPassword')) return args
  const email = emailOf(args)
  if (operation === 'login')
    await refuse(req, [['loginFailuresPerClient', address], ['loginFailuresPerAccount', email]])
  else await refuse(req, [['resetsPerClient', address], ['resetsPerAccount', email]])
  return args
}

export const forgiveLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const address = addressOf(req)
  if (!address) return user
  const email = String(user.email ?? '').toLowerCase()
  await Promise.all([forgive(req, 'loginFailuresPerClient', address), forgive(req, 'loginFailuresPerAccount', email)])
  return user
}
