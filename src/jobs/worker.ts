import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import cron from 'node-cron'
import type { Payload } from 'payload'
import { queueNightlyBackup } from './backup'
import { queueNotificationDigest } from './deliverNotifications'
import { queueDailyBilling } from './dailyBilling'
import { queuePendingPaymentsPoll } from './pollPendingPayments'
import { queueInvoiceReminders } from './invoiceReminders'
import { leadership } from './leadership'
import { scheduleTermEndRuns } from './schedules'

type Options = { pollMs?: number; log?: (message: string) => void; databaseUrl?: string }

/**
 * Jobs a stopped worker left half-done (killed, machine restarted) stay marked as processing and
 * Payload never picks them up again: after a while they go back to the queue (tasks are idempotent).
 */
const requeueAbandoned = async (payload: Payload) => {
  const db = (payload.db as unknown as PostgresAdapter).drizzle
  const freed = await db.execute(sql`
    update payload_jobs set processing = false
    where processing and completed_at is null and updated_at < now() - interval '15 minutes'
    returning id`)
  return freed.rows.length
}

/**
 * The worker: runs the Payload jobs queue (report cards, billing, reminders, backups)
 * and the scheduled work, while it leads (one worker at a time; the others stand by).
 * Stopping lets the jobs in hand finish first.
 */
export const startWorker = (payload: Payload, { pollMs = 2000, log = console.log, databaseUrl = process.env.DATABASE_URL! }: Options = {}) => {
  let stopping = false
  let wake = () => {}
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    wake = () => { clearTimeout(timer); resolve() }
  })
  const lead = leadership(databaseUrl)
  // Only the leading worker keeps the schedules: a standby's clock fires too, and does nothing.
  const onLead = (task: () => Promise<unknown>) => () => (lead.isLeading() ? task() : undefined)
  const schedule = () => scheduleTermEndRuns(payload, undefined, log).catch((error) => log(`schedule failed: ${(error as Error).message}`))
  const billing = () => queueDailyBilling(payload).catch((error) => log(`billing not queued: ${(error as Error).message}`))
  const poll = () => queuePendingPaymentsPoll(payload).catch((error) => log(`payments poll not queued: ${(error as Error).message}`))
  const reminders = () => queueInvoiceReminders(payload).catch((error) => log(`reminders not queued: ${(error as Error).message}`))
  const backup = () => queueNightlyBackup(payload).catch((error) => log(`backup not queued: ${(error as Error).message}`))
  const digest = () => queueNotificationDigest(payload).catch((error) => log(`notification digest not queued: ${(error as Error).message}`))
  const timezone = 'Africa/Kinshasa'
  const clocks = [
    // Every evening in Kinshasa, and once on taking the lead to catch up on a day no worker ran.
    cron.schedule('0 18 * * *', onLead(schedule), { timezone, name: 'report-cards-at-term-end' }),
    // Every morning before the school opens, and on taking the lead: the day's invoices and late penalties.
    cron.schedule('0 6 * * *', onLead(billing), { timezone, name: 'daily-billing' }),
    // Lost mobile-money callbacks are found by asking the provider.
    cron.schedule('*/5 * * * *', onLead(poll), { name: 'pending-payments' }),
    // An hour later, once the day's penalties are on the invoices: the families' payment reminders.
    cron.schedule('0 7 * * *', onLead(reminders), { timezone, name: 'invoice-reminders' }),
    // At night in Kinshasa, when nobody is entering marks or payments.
    cron.schedule('0 2 * * *', onLead(backup), { timezone, name: 'nightly-backup' }),
    // After school, before the evening's quiet hours: the day's notifications for those who chose a digest.
    cron.schedule('0 18 * * *', onLead(digest), { timezone, name: 'notification-digest' }),
  ]
  const loop = (async () => {
    let state: 'starting' | 'leading' | 'standing by' = 'starting'
    while (!stopping) {
      if (!(await lead.attempt())) {
        if (state !== 'standing by') log(state === 'leading' ? 'no longer leading: standing by' : 'standing by: another worker runs the jobs queue')
        state = 'standing by'
        await pause(pollMs)
        continue
      }
      if (state !== 'leading') {
        state = 'leading'
        log('leading: running the jobs queue and the schedules')
        const freed = await requeueAbandoned(payload).catch(() => 0)
        if (freed) log(`${freed} abandoned job(s) back in the queue`)
        await schedule()
        await billing()
        await reminders()
      }
      try {
        const result = await payload.jobs.run({ limit: 10, silent: { info: true } })
        if (!Object.keys(result.jobStatus ?? {}).length) await pause(pollMs)
      } catch (error) {
        log(`jobs run failed: ${(error as Error).message}`)
        await pause(pollMs)
      }
    }
    await lead.release()
  })()
  return {
    isLeading: lead.isLeading,
    stop: async () => {
      stopping = true
      await Promise.all(clocks.map((clock) => clock.stop()))
      wake()
      await loop
    },
  }
}
