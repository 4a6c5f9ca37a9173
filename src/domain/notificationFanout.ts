/**
 * What one app process does with a `kelasi_notifications` message: which of its open streams
 * it concerns, what to read for them, and what each stream is sent. Pure: the hub
 * (src/notifications/hub.ts) holds the connection, the streams and the query.
 */

/**
 * The user ids a message names, once each: under `users`, those with new notifications
 * (`{"users":[1,2]}`, from `notify`); under `read`, those who marked some read (their count
 * changed). Anything else names nobody.
 */
export const usersNamed = (message: string | undefined, key: 'users' | 'read' = 'users'): number[] => {
  try {
    const users = (JSON.parse(message ?? '') as Record<string, unknown>)[key]
    return Array.isArray(users) ? [...new Set(users.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0))] : []
  } catch {
    return []
  }
}

/** A stream: whose it is, and the newest notification it has (or had when it opened). */
export type Cursor = { user: number; after: number }

/**
 * What to read for a message: the users it names that have a stream here, and the oldest point
 * any of their streams is at (one query covers them all). Null when no stream here concerns it.
 */
export const readFor = (named: number[], open: Cursor[]): { users: number[]; after: number } | null => {
  const here = open.filter((cursor) => named.includes(cursor.user))
  if (!here.length) return null
  return { users: [...new Set(here.map((cursor) => cursor.user))], after: Math.min(...here.map((cursor) => cursor.after)) }
}

/** What one stream is sent of what was read: its user's notifications newer than it has, oldest first. */
export const newFor = <N extends { id: number; user: number }>(cursor: Cursor, read: N[]): N[] =>
  read.filter((n) => n.user === cursor.user && n.id > cursor.after).sort((a, b) => a.id - b.id)

/** One server-sent event: its name, its data as one JSON line, and an id the browser sends back when it reconnects. */
export const sseEvent = (event: string, data: unknown, id?: number) =>
  `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
