import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { idOf, type ID } from '../access/ids'
import { dbOf } from '../db/session'
import type { NotificationKind } from '../domain/notifications'
import { t } from '../i18n'

export type { NotificationKind }

/** A user account, or a guardian (mapped to their account when they have one; else reached by their own e-mail/phone). */
export type NotificationRecipient = { user: ID } | { guardian: ID }

export type NotifyInput = {
  kind: NotificationKind
  /** The event's stable key (`message:42`, `absence:<student>:<day>`): the same event never notifies the same person twice, whatever the retries. */
  event: string
  school: ID
  recipients: NotificationRecipient[]
  /** Variables for the texts `notifications.<kind>.title` / `.body` in src/i18n/{fr,en}.json, rendered in each reader's language. */
  vars?: Record<string, string | number>
  /** Where it leads, without the language prefix: `/students/12/attendance` (the portal adds /fr or /en), or `/console#/...`. */
  link?: string
}

/** The channel every app process listens on for in-app delivery (src/notifications/stream). */
export const notificationChannel = 'kelasi_notifications'

/** pg_notify carries at most 8,000 bytes: user ids go out in chunks well under it. */
const notifyChunk = 500
/** Notifications per delivery job: a retry resends only what is left of its own chunk. */
export const deliveryChunk = 200

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, n) => items.slice(n * size, (n + 1) * size))

/**
 * The title and body of a notification in a language (from its kind and vars). A `variant` among
 * the vars picks the kind's texts `title<Variant>` / `body<Variant>`: what is said changes with
 * the facts (absent, late or both), which a variable's value cannot translate.
 */
export const notificationText = (language: string | null | undefined, kind: NotificationKind, vars: Record<string, unknown> | null | undefined) => {
  const values = Object.fromEntries(Object.entries(vars ?? {}).map(([key, value]) => [key, String(value ?? '')]))
  const variant = values.variant ?? ''
  return { title: t(language, `notifications.${kind}.title${variant}`, values), body: t(language, `notifications.${kind}.body${variant}`, values) }
}

/** Guardians with an account are told on that account (once, however they were named); the others by their own e-mail or phone. */
const resolve = async (req: PayloadRequest, recipients: NotificationRecipient[]) => {
  const users = new Set<string>()
  const guardianIds = new Set<string>()
  for (const recipient of recipients) {
    if ('user' in recipient && recipient.user != null) users.add(String(recipient.user))
    else if ('guardian' in recipient && recipient.guardian != null) guardianIds.add(String(recipient.guardian))
  }
  const guardians = guardianIds.size
    ? (
        await req.payload.find({
          collection: 'guardians',
          where: { id: { in: [...guardianIds] } },
          select: { user: true },
          depth: 0,
          pagination: false,
          overrideAccess: true,
          joins: false,
          req,
        })
      ).docs
    : []
  const withoutAccount: string[] = []
  for (const guardian of guardians) {
    const user = idOf(guardian.user)
    if (user != null) users.add(String(user))
    else withoutAccount.push(String(guardian.id))
  }
  return { users: [...users].map(Number), guardians: withoutAccount.map(Number) }
}

/**
 * Writes one `notifications` row per recipient in req's transaction (a change rolled back tells
 * nobody), skipping those already told of this event (the unique (event, user) and (event,
 * guardian) indexes), tells the app processes' open in-app connections on commit, and queues the
 * e-mail and SMS delivery (src/jobs/deliverNotifications.ts), which applies each person's
 * preferences. Set-based: one INSERT however many recipients (a whole school's announcement).
 */
export const notify = async (req: PayloadRequest, input: NotifyInput): Promise<{ created: number }> => {
  const { users, guardians } = await resolve(req, input.recipients)
  const rows = [...users.map((user) => ({ user, guardian: null })), ...guardians.map((guardian) => ({ user: null, guardian }))]
  if (!rows.length) return { created: 0 }
  const db = await dbOf(req)
  const inserted = (
    await db.execute(sql`
      insert into notifications (school_id, kind, event, user_id, guardian_id, vars, link, email_status, sms_status)
      select ${input.school}::int, ${input.kind}::enum_notifications_kind, ${input.event}::text, r.user_id, r.guardian_id,
        ${JSON.stringify(input.vars ?? {})}::jsonb, ${input.link ?? null}::text, 'pending', 'pending'
      from json_to_recordset(${JSON.stringify(rows.map((row) => ({ user_id: row.user, guardian_id: row.guardian })))}::json) as r(user_id int, guardian_id int)
      on conflict do nothing
      returning id, user_id`)
  ).rows as { id: number; user_id: number | null }[]
  const told = inserted.map((row) => row.user_id).filter((user) => user != null)
  for (const part of chunks(told, notifyChunk))
    await db.execute(sql`select pg_notify(${notificationChannel}, ${JSON.stringify({ users: part })})`)
  for (const part of chunks(inserted.map((row) => row.id).sort((a, b) => a - b), deliveryChunk))
    await req.payload.jobs.queue({ task: 'deliverNotifications', input: { notifications: part }, req })
  return { created: inserted.length }
}

/**
 * An event that no longer needs telling (an absence justified): its notifications read, and what
 * has not gone out by e-mail or SMS yet (waiting for quiet hours or the digest) never will.
 */
export const closeNotifications = async (req: PayloadRequest, event: string) => {
  const db = await dbOf(req)
  await db.execute(sql`update notifications set read_at = coalesce(read_at, now()),
    email_status = case when email_status in ('pending', 'waiting', 'digest') then 'skipped' else email_status end,
    sms_status = case when sms_status in ('pending', 'waiting', 'digest') then 'skipped' else sms_status end
    where event = ${event}`)
}
