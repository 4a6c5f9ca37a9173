import { sql } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '../../src/access/ids'
import { dbOf } from '../../src/db/session'
import { notificationChannel } from '../../src/notifications/notify'

/**
 * A notification read (or unread again) changes its reader's count: their open streams, in every
 * process, are told on commit (PostgreSQL sends a transaction's identical messages once, so
 * marking a hundred read tells them once).
 */
export const tellReaderCount: CollectionAfterChangeHook = async ({ data, doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc) return doc
  // From the stored record and the change: `doc` holds only what the caller selected.
  const user = idOf(previousDoc.user)
  const readAt = 'readAt' in data ? data.readAt : previousDoc.readAt
  if (user == null || Boolean(readAt) === Boolean(previousDoc.readAt)) return doc
  const db = await dbOf(req)
  await db.execute(sql`select pg_notify(${notificationChannel}, ${JSON.stringify({ read: [Number(user)] })})`)
  return doc
}
