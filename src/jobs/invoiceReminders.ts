import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest, TaskConfig, Where } from 'payload'
import { idOf, idsOf, type ID } from '../access/ids'
import { schoolToday } from '../api/request'
import { invoiceReminderEmail } from '../email/invoiceReminder'
import { recipientsByGuardian, uniqueRecipients } from '../email/recipients'
import { defaultReminderRule, openStatuses, reminderDue, reminderWindow, type ReminderRule, type ReminderStep } from '../domain/reminders'
import type { Currency } from '../domain/money'
import { t } from '../i18n'
import { inTransaction } from '../db/transaction'
import { invoiceOverdueEvent, invoiceVars, isOverdueStep, pupilsVar } from '../domain/familyNews'
import { emailSentByTask, emailWrittenByTask } from '../notifications/family'
import { notify } from '../notifications/notify'

/**
 * What `invoices.reminders` holds: each e-mail sent, keyed `step:address`, and the ones being
 * sent right now (by which worker's clock), so that a retry, a second run or a second worker
 * never writes the same reminder twice to the same address.
 */
export type InvoiceReminders = { sent?: Record<string, { step: ReminderStep; guardian: ID; at: string }>; sending?: Record<string, string> }

const keyOf = (step: ReminderStep, to: string) => `${step}:${to}`

/**
 * The record is kept with single conditional UPDATEs outside any transaction: each line lands
 * the moment its e-mail is sent, and two workers cannot both claim one. A claim older than
 * 15 minutes is a crashed worker's.
 */
const ledger = (req: PayloadRequest, invoice: ID) => {
  const db = (req.payload.db as unknown as PostgresAdapter).drizzle
  return {
    claim: async (key: string) =>
      (
        await db.execute(sql`update invoices set reminders = jsonb_build_object(
            'sent', coalesce(reminders->'sent', '{}'::jsonb),
            'sending', coalesce(reminders->'sending', '{}'::jsonb) || jsonb_build_object(${key}::text, now()))
          where id = ${invoice} and reminders->'sent'->${key}::text is null
          and coalesce((reminders->'sending'->>${key}::text)::timestamptz < now() - interval '15 minutes', true)
          returning id`)
      ).rows.length === 1,
    sent: (key: string, step: ReminderStep, guardian: ID) =>
      db.execute(sql`update invoices set reminders = jsonb_build_object(
          'sent', coalesce(reminders->'sent', '{}'::jsonb) || jsonb_build_object(${key}::text, jsonb_build_object('step', ${step}::text, 'guardian', ${guardian}::int, 'at', now())),
          'sending', coalesce(reminders->'sending', '{}'::jsonb) - ${key}::text)
        where id = ${invoice}`),
    release: (key: string) =>
      db.execute(sql`update invoices set reminders = jsonb_set(reminders, '{sending}', coalesce(reminders->'sending', '{}'::jsonb) - ${key}::text) where id = ${invoice} and reminders is not null`),
  }
}

type Options = { today?: string; school?: ID | null; rule?: ReminderRule }

/**
 * E-mails the reminder due `today` for each open invoice with a balance (of `school`, or of
 * every school) to its payers who have an address, each in their language; returns how many
 * e-mails this run sent. An e-mail that fails leaves its claim released and the task fails at
 * the end, so the retry writes only to those left. An overdue step is also the payers' in-app
 * notification, whose e-mail channel is this reminder (see `emailWrittenByTask`).
 */
export const sendInvoiceReminders = async (req: PayloadRequest, { today = schoolToday(), school, rule = defaultReminderRule }: Options = {}) => {
  const window = reminderWindow(today, rule)
  const where: Where = {
    and: [
      { status: { in: [...openStatuses] } },
      { balance: { greater_than: 0 } },
      { voidedAt: { exists: false } },
      { dueDate: { greater_than_equal: `${window.from}T00:00:00.000Z` } },
      { dueDate: { less_than_equal: `${window.to}T23:59:59.999Z` } },
      ...(school != null ? [{ school: { equals: school } }] : []),
    ],
  }
  const system = { req, depth: 0, overrideAccess: true, pagination: false } as const
  const { docs } = await req.payload.find({
    ...system,
    collection: 'invoices',
    where,
    sort: 'id',
    select: { number: true, school: true, student: true, payers: true, balance: true, currency: true, dueDate: true, status: true, voidedAt: true, reminders: true },
  })
  const due = docs.flatMap((invoice) => {
    const step = reminderDue({ dueDate: invoice.dueDate, status: invoice.status, balance: invoice.balance, voided: !!invoice.voidedAt }, today, rule)
    return step ? [{ invoice, step }] : []
  })
  if (!due.length) return { invoices: 0, sent: 0 }
  const ids = (values: unknown[]) => [...new Set(values.map((v) => idOf(v as never)).filter((id): id is ID => id != null))]
  const [recipients, pupils, schools] = await Promise.all([
    recipientsByGuardian(req, ids(due.flatMap(({ invoice }) => idsOf(invoice.payers)))),
    req.payload.find({ ...system, collection: 'students', where: { id: { in: ids(due.map(({ invoice }) => invoice.student)) } }, select: { fullName: true } }),
    req.payload.find({ ...system, collection: 'schools', where: { id: { in: ids(due.map(({ invoice }) => invoice.school)) } }, select: { name: true } }),
  ])
  const pupilName = new Map(pupils.docs.map((s) => [String(s.id), s.fullName ?? '']))
  const schoolName = new Map(schools.docs.map((s) => [String(s.id), s.name ?? '']))
  let sent = 0
  const reminded = new Set<ID>()
  const failures: unknown[] = []
  for (const { invoice, step } of due) {
    const already = (invoice.reminders as InvoiceReminders | null | undefined)?.sent ?? {}
    const record = ledger(req, invoice.id)
    const content = {
      id: invoice.id,
      number: invoice.number ?? '',
      pupil: pupilName.get(String(idOf(invoice.student))) ?? '',
      school: schoolName.get(String(idOf(invoice.school))) ?? '',
      balance: invoice.balance ?? 0,
      currency: invoice.currency as Currency,
      dueDate: String(invoice.dueDate).slice(0, 10),
    }
    const event = invoiceOverdueEvent(invoice.id, step)
    if (isOverdueStep(step)) await overdueNotice(req, event, invoice, content)
    for (const recipient of uniqueRecipients(idsOf(invoice.payers), recipients)) {
      const key = keyOf(step, recipient.to)
      // Already told (as read above), or another worker is telling them now.
      if (already[key] || !(await record.claim(key))) continue
      try {
        await req.payload.sendEmail(invoiceReminderEmail(recipient, content, step))
      } catch (error) {
        await record.release(key)
        failures.push(error)
        continue
      }
      await record.sent(key, step, recipient.guardian)
      if (isOverdueStep(step)) await emailSentByTask(req, event, recipient.guardian)
      reminded.add(invoice.id)
      sent++
    }
  }
  if (failures.length) throw new Error(`invoice reminders: ${failures.length} e-mail(s) not sent (${String(failures[0])})`)
  return { invoices: reminded.size, sent }
}

/** The payers told in-app that the invoice is overdue (once per step, whatever the retries); the reminder is its e-mail. */
const overdueNotice = (req: PayloadRequest, event: string, invoice: { school: unknown; student: unknown; payers?: unknown }, content: Parameters<typeof invoiceVars>[1] & { pupil: string }) =>
  inTransaction(req, async () => {
    const payers = idsOf(invoice.payers)
    await notify(req, {
      kind: 'invoiceOverdue',
      event,
      school: idOf(invoice.school as never)!,
      recipients: payers.map((guardian) => ({ guardian })),
      vars: { ...invoiceVars(content.pupil, content), pupils: pupilsVar([idOf(invoice.student as never)!]) },
      link: `/students/${idOf(invoice.student as never)}/invoices`,
    })
    await emailWrittenByTask(req, event, payers)
  })

/** The day's payment reminders (before and after the due dates); idempotent, so retried safely. */
export const invoiceReminders: TaskConfig<'invoiceReminders'> = {
  slug: 'invoiceReminders',
  label: 'Invoice reminders',
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [
    { name: 'school', type: 'number' },
    { name: 'date', type: 'text' },
  ],
  outputSchema: [
    { name: 'invoices', type: 'number' },
    { name: 'sent', type: 'number' },
  ],
  handler: async ({ input, req }) => {
    if (input.date && !/^\d{4}-\d{2}-\d{2}$/.test(input.date)) throw new Error(t('fr', 'errors.invoices.badDate', { date: input.date }))
    return { output: await sendInvoiceReminders(req, { today: input.date || undefined, school: input.school ?? null }) }
  },
}

/** Queues the day's reminders unless a run is already waiting (the task is idempotent either way). */
export const queueInvoiceReminders = async (payload: Payload) => {
  const waiting = await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'invoiceReminders' }, completedAt: { exists: false }, hasError: { not_equals: true } }, overrideAccess: true })
  if (!waiting.totalDocs) await payload.jobs.queue({ task: 'invoiceReminders', input: {} })
}
