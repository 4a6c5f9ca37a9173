import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { NotificationKind } from '../domain/notifications'
import { digestEmail } from '../email/notification'
import { sqlIds } from '../db/ids'

/**
 * The evening e-mail of those who asked for one: each person's notifications kept for the digest
 * since the last, in one message. Claimed per person with one conditional UPDATE (as
 * `deliverNotifications` does per notification), so two workers or a retry never send it twice.
 */
export const sendDigests = async (req: PayloadRequest) => {
  const db = (req.payload.db as unknown as PostgresAdapter).drizzle
  const waiting = (await db.execute(sql`select distinct user_id from notifications where email_status = 'digest' and user_id is not null`)).rows as { user_id: number }[]
  let sent = 0
  const failures: unknown[] = []
  for (const { user_id: user } of waiting) {
    const claimed = (
      await db.execute(sql`update notifications set email_claimed_at = now()
        where user_id = ${user} and email_status = 'digest' and coalesce(email_claimed_at < now() - interval '15 minutes', true)
        returning id, kind, vars, link, created_at`)
    ).rows as { id: number; kind: NotificationKind; vars: Record<string, unknown> | null; link: string | null; created_at: string }[]
    if (!claimed.length) continue
    const ids = sqlIds(claimed.map((row) => row.id))
    const account = await req.payload.findByID({ collection: 'users', id: user, depth: 0, overrideAccess: true, req, select: { name: true, email: true, language: true, active: true } }).catch(() => null)
    if (!account?.email || account.active === false) {
      await db.execute(sql`update notifications set email_status = 'skipped', email_claimed_at = null where id in (${ids})`)
      continue
    }
    const told = claimed.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
    try {
      await req.payload.sendEmail(digestEmail({ to: account.email, name: account.name ?? '', language: account.language }, told))
    } catch (error) {
      await db.execute(sql`update notifications set email_claimed_at = null where id in (${ids})`)
      failures.push(error)
      continue
    }
    await db.execute(sql`update notifications set email_status = 'sent', email_sent_at = now(), email_claimed_at = null where id in (${ids})`)
    sent++
  }
  if (failures.length) throw new Error(`digest: ${failures.length} e-mail(s) not sent (${String(failures[0])})`)
  return { sent }
}
