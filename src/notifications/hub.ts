import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import pg from 'pg'
import type { Payload } from 'payload'
import { newFor, readFor, usersNamed, type Cursor } from '../domain/notificationFanout'
import { notificationChannel as channel } from './notify'

/** A notification as a stream sends it on. */
export type Delivered = { id: number; user: number; kind: string; vars: Record<string, unknown> | null; link: string | null; createdAt: string }

/** One open stream: its cursor, and how to hand it what is new, or its unread count when it changed. */
type Stream = Cursor & { send: (notifications: Delivered[]) => void; count: (unread: number) => void }

const retryMs = 1_000

/**
 * The app process's one `LISTEN kelasi_notifications` connection and its open streams, by user.
 * A message names users; those with a stream here get their new notifications, read in one query
 * for the whole message. Every process listens, so a notification made anywhere (another app
 * process, the worker) reaches the streams wherever they are open. A lost connection is made
 * again, and what was missed meanwhile is read on reconnecting.
 */
export const createHub = (payload: Payload) => {
  const streams = new Set<Stream>()
  let client: pg.Client | null = null
  let connecting: Promise<void> | null = null
  let closed = false

  const deliver = async (named: number[]) => {
    const wanted = readFor(named, [...streams])
    if (!wanted) return
    const found = await payload.find({
      collection: 'notifications',
      where: { and: [{ user: { in: wanted.users } }, { id: { greater_than: wanted.after } }] },
      select: { user: true, kind: true, vars: true, link: true, createdAt: true },
      sort: 'id',
      pagination: false,
      depth: 0,
    })
    const read = found.docs as unknown as Delivered[]
    // Synchronously from here: two messages read at once never send a stream the same notification twice.
    for (const stream of streams) {
      const fresh = newFor(stream, read)
      if (!fresh.length) continue
      stream.after = fresh[fresh.length - 1].id
      stream.send(fresh)
    }
  }

  /** Those who marked some read (here, another tab, another device): their streams' counts again, one query for all. */
  const recount = async (named: number[]) => {
    const here = named.filter((user) => [...streams].some((stream) => stream.user === user))
    if (!here.length) return
    const { rows } = await (payload.db as unknown as PostgresAdapter).drizzle.execute(
      sql`select user_id, count(*)::int as unread from notifications where user_id in ${here} and read_at is null group by user_id`,
    )
    const unread = new Map((rows as { user_id: number; unread: number }[]).map((row) => [row.user_id, row.unread]))
    for (const stream of streams) if (here.includes(stream.user)) stream.count(unread.get(stream.user) ?? 0)
  }

  const everyone = () => [...new Set([...streams].map((stream) => stream.user))]

  const gone = new WeakSet<pg.Client>()
  const lost = (fresh: pg.Client, error: Error) => {
    // An error is followed by an end: one reconnection for both.
    if (gone.has(fresh)) return
    gone.add(fresh)
    if (client === fresh) client = null
    connecting = null
    fresh.end().catch(() => undefined)
    if (closed) return
    payload.logger.warn(`notifications: listening connection lost (${error.message}); listening again in ${retryMs} ms`)
    setTimeout(() => void listening().then(() => deliver(everyone())).catch(() => undefined), retryMs).unref()
  }

  const connect = async () => {
    const options = (payload.db as unknown as { poolOptions?: pg.ClientConfig }).poolOptions ?? {}
    const fresh = new pg.Client({ connectionString: process.env.DATABASE_URL, ...options, application_name: 'kelasi-notifications' })
    fresh.on('error', (error) => lost(fresh, error))
    fresh.on('end', () => lost(fresh, new Error('connection ended')))
    fresh.on('notification', (message) => {
      if (message.channel !== channel) return
      const failed = (error: Error) => payload.logger.error(`notifications: ${error.message}`)
      deliver(usersNamed(message.payload)).catch(failed)
      recount(usersNamed(message.payload, 'read')).catch(failed)
    })
    try {
      await fresh.connect()
      await fresh.query(`LISTEN ${channel}`)
    } catch (error) {
      lost(fresh, error as Error)
      throw error
    }
    client = fresh
  }

  /** Resolves once this process listens (a stream opens after, so nothing committed later is missed). */
  const listening = () => (client ? Promise.resolve() : (connecting ??= connect()))

  return {
    listening,
    /** Opens a stream for `user`, which has every notification up to `after`; returns how to close it. */
    open: (user: number, after: number, send: Stream['send'], count: Stream['count'] = () => {}) => {
      const stream: Stream = { user, after, send, count }
      streams.add(stream)
      return () => void streams.delete(stream)
    },
    /** How many streams are open here (the health of a process, the tests). */
    size: () => streams.size,
    close: async () => {
      closed = true
      streams.clear()
      const held = client
      client = null
      if (held) gone.add(held)
      await held?.end().catch(() => undefined)
    },
  }
}

export type Hub = ReturnType<typeof createHub>

const key = Symbol.for('kelasi.notificationHub')
type Held = { [key]?: { payload: Payload; hub: Hub } }

/** The process's hub (one per process, whatever bundles Next loads the module in). */
export const hubOf = (payload: Payload): Hub => {
  const held = globalThis as Held
  if (held[key]?.payload !== payload) {
    void held[key]?.hub.close()
    held[key] = { payload, hub: createHub(payload) }
  }
  return held[key]!.hub
}

/** Closes the process's hub (the tests, before Payload closes). */
export const closeHub = async () => {
  const held = globalThis as Held
  await held[key]?.hub.close()
  delete held[key]
}
