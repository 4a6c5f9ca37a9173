import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { idOf, type ID } from '../access/ids'
import { deliveryPlan, smsText, type NotificationKind, type NotificationPreferences } from '../domain/notifications'
import { notificationEmail, type NotifiedPerson } from '../email/notification'
import { internationalNumber } from '../sms/provider'
import { smsProvider } from '../sms/registry'
import { notificationText } from './notify'
import { sqlIds } from '../db/ids'

type Channel = 'email' | 'sms'
const column = { email: sql.raw('email'), sms: sql.raw('sms') }

/**
 * Each line of the ledger is one conditional UPDATE outside any transaction: a channel of a
 * notification is claimed by one worker at a time (a claim older than 15 minutes is a crashed
 * worker's) and marked sent the moment it is, so a retry or a second worker never sends twice.
 */
const ledger = (req: PayloadRequest) => {
  const db = (req.payload.db as unknown as PostgresAdapter).drizzle
  const status = (channel: Channel) => sql.raw(`${channel}_status`)
  const claimed = (channel: Channel) => sql.raw(`${channel}_claimed_at`)
  return {
    claim: async (id: ID, channel: Channel) =>
      (
        await db.execute(sql`update notifications set ${claimed(channel)} = now()
          where id = ${id} and ${status(channel)} in ('pending', 'waiting')
          and coalesce(${claimed(channel)} < now() - interval '15 minutes', true) returning id`)
      ).rows.length === 1,
    sent: (id: ID, channel: Channel) =>
      db.execute(sql`update notifications set ${status(channel)} = 'sent', ${sql.raw(`${channel}_sent_at`)} = now(), ${claimed(channel)} = null where id = ${id}`),
    release: (id: ID, channel: Channel) => db.execute(sql`update notifications set ${claimed(channel)} = null where id = ${id}`),
    /** What the plan decided without sending (skipped, digest, waiting): only over a channel still open. */
    settle: (ids: ID[], channel: Channel, next: 'skipped' | 'digest' | 'waiting', after?: Date) =>
      ids.length
        ? db.execute(sql`update notifications set ${status(channel)} = ${next}
            ${after ? sql`, deliver_after = ${after.toISOString()}::timestamptz` : sql``}
            where id in (${sqlIds(ids)}) and ${status(channel)} in ('pending', 'waiting')`)
        : undefined,
  }
}

type Person = NotifiedPerson & { phone: string | null; preferences: NotificationPreferences | null }

/** Who each notification is addressed to: the account (its address, phone, language, choices), or the guardian's own address and phone in French. */
const peopleOf = async (req: PayloadRequest, rows: { user?: unknown; guardian?: unknown }[]) => {
  const system = { req, depth: 0, overrideAccess: true, pagination: false } as const
  const userIds = [...new Set(rows.map((row) => idOf(row.user as never)).filter((id) => id != null))]
  const guardianIds = [...new Set(rows.map((row) => idOf(row.guardian as never)).filter((id) => id != null))]
  const users = userIds.length
    ? (await req.payload.find({ collection: 'users', where: { id: { in: userIds } }, select: { name: true, email: true, phone: true, language: true, active: true, notificationPreferences: true }, ...system })).docs
    : []
  const guardians = guardianIds.length
    ? (await req.payload.find({ collection: 'guardians', where: { id: { in: guardianIds } }, select: { fullName: true, email: true, phone: true }, ...system })).docs
    : []
  const people = new Map<string, Person>()
  // A deactivated account is told nothing outside the app.
  for (const user of users)
    people.set(`user:${user.id}`, { to: user.active === false ? '' : user.email, name: user.name ?? '', language: user.language, phone: user.active === false ? null : (user.phone ?? null), preferences: user.notificationPreferences ?? null })
  for (const guardian of guardians)
    people.set(`guardian:${guardian.id}`, { to: guardian.email ?? '', name: guardian.fullName ?? '', language: 'fr', phone: guardian.phone ?? null, preferences: null })
  return (row: { user?: unknown; guardian?: unknown }) =>
    people.get(row.user != null ? `user:${idOf(row.user as never)}` : `guardian:${idOf(row.guardian as never)}`)
}

/**
 * Sends these notifications by e-mail and SMS as their addressees want: now, at the end of their
 * quiet hours (a job queued for then), in the evening's digest, or not at all. Each channel of
 * each notification goes out once (see `ledger`); the ones that failed are left open and the
 * error thrown, so the job's retry sends those alone.
 */
export const deliverNotifications = async (req: PayloadRequest, ids: ID[], now = new Date()) => {
  if (!ids.length) return { emails: 0, sms: 0 }
  const { docs } = await req.payload.find({
    collection: 'notifications',
    where: { id: { in: ids } },
    select: { kind: true, vars: true, link: true, user: true, guardian: true, emailStatus: true, smsStatus: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const record = ledger(req)
  const personOf = await peopleOf(req, docs)
  const sms = smsProvider()
  const settled: Record<'skipped' | 'digest' | 'waiting', Record<Channel, ID[]>> = { skipped: { email: [], sms: [] }, digest: { email: [], sms: [] }, waiting: { email: [], sms: [] } }
  const due: { id: ID; channel: Channel; send: () => Promise<unknown> }[] = []
  let wakeAt: Date | null = null
  for (const doc of docs) {
    const person = personOf(doc)
    const phone = sms ? internationalNumber(person?.phone) : null
    const plan = deliveryPlan(doc.kind as NotificationKind, person?.preferences, { email: person?.to, phone }, now)
    const told = { kind: doc.kind as NotificationKind, vars: doc.vars as Record<string, unknown> | null, link: doc.link ?? null }
    const sends: Record<Channel, () => Promise<unknown>> = {
      email: () => req.payload.sendEmail(notificationEmail(person!, told)),
      sms: () => {
        const { title, body } = notificationText(person!.language, told.kind, told.vars)
        return sms!.send({ to: phone!, text: smsText(title, body), reference: `notification:${doc.id}:sms` })
      },
    }
    for (const channel of ['email', 'sms'] as const) {
      if (!['pending', 'waiting'].includes(String(doc[`${channel}Status`]))) continue
      const { status, after } = plan[channel]
      if (status === 'pending') due.push({ id: doc.id, channel, send: sends[channel] })
      else settled[status][channel].push(doc.id)
      if (after && (!wakeAt || after < wakeAt)) wakeAt = after
    }
  }
  for (const next of ['skipped', 'digest', 'waiting'] as const)
    for (const channel of ['email', 'sms'] as const) await record.settle(settled[next][channel], channel, next, next === 'waiting' ? (wakeAt ?? undefined) : undefined)
  const waiting = [...new Set([...settled.waiting.email, ...settled.waiting.sms])]
  if (waiting.length && wakeAt) await req.payload.jobs.queue({ task: 'deliverNotifications', input: { notifications: waiting }, waitUntil: wakeAt, req })
  const sent = { emails: 0, sms: 0 }
  const failures: unknown[] = []
  for (const { id, channel, send } of due) {
    if (!(await record.claim(id, channel))) continue
    try {
      await send()
    } catch (error) {
      await record.release(id, channel)
      failures.push(error)
      continue
    }
    await record.sent(id, channel)
    sent[channel === 'email' ? 'emails' : 'sms']++
  }
  if (failures.length) throw new Error(`notifications: ${failures.length} message(s) not sent (${String(failures[0])})`)
  return sent
}
