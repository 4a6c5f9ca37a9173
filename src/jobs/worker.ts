import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import cron from 'node-cron'
import type { Payload } from 'payload'
import { queueNightlyBackup } from './backup'
import { queueDailyBilling } from './dailyBilling'
import { queuePendingPaymentsPoll } from './pollPendingPayments'
import { queueInvoiceReminders } from './invoiceReminders'
import { scheduleTermEndRuns } from './schedules'

type Options = { pollMs?: number; log?: (message: string) => void }

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
 * and the scheduled work. Stopping lets the jobs in hand finish first.
 */
export const startWorker = (payload: Payload, { pollMs = 2000, log = console.log }: Options = {}) => {
  let stopping = false
  let wake = () => {}
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    wake = () => { clearTimeout(timer); resolve() }
  })
  const schedule = () => scheduleTermEndRuns(payload, undefined, log).catch((error) => log(`schedule failed: ${(error as Error).message}`))
  // Every evening in Kinshasa, and once at start to catch up on a day the worker was down.
  const evening = cron.schedule('0 18 * * *', schedule, { timezone: 'Africa/Kinshasa', name: 'report-cards-at-term-end' })
  // Every morning before the school opens, and at start: the day's invoices and late penalties.
  const billing = () => queueDailyBilling(payload).catch((error) => log(`billing not queued: ${(error as Error).message}`))
  const morning = cron.schedule('0 6 * * *', billing, { timezone: 'Africa/Kinshasa', name: 'daily-billing' })
  // Lost mobile-money callbacks are found by asking the provider.
  const poll = () => queuePendingPaymentsPoll(payload).catch((error) => log(`payments poll not queued: ${(error as Error).message}`))
  const pendingPayments = cron.schedule('*/5 * * * *', poll, { name: 'pending-payments' })
  // An hour later, once the day's penalties are on the invoices: the families' payment reminders.
  const reminders = () => queueInvoiceReminders(payload).catch((error) => log(`reminders not queued: ${(error as Error).message}`))
  const reminding = cron.schedule('0 7 * * *', reminders, { timezone: 'Africa/Kinshasa', name: 'invoice-reminders' })
  // At night in Kinshasa, when nobody is entering marks or payments.
  const backup = () => queueNightlyBackup(payload).catch((error) => log(`backup not queued: ${(error as Error).message}`))
  const nightly = cron.schedule('0 2 * * *', backup, { timezone: 'Africa/Kinshasa', name: 'nightly-backup' })
  const loop = (async () => {
    const freed = await requeueAbandoned(payload).catch(() => 0)
    if (freed) log(`${freed} abandoned job(s) back in the queue`)
    await schedule()
    await billing()
    await reminders()
    while (!stopping) {
      try {
        const result = await payload.jobs.run({ limit: 10, silent: { info: true } })
        if (!Object.keys(result.jobStatus ?? {}).length) await pause(pollMs)
      } catch (error) {
        log(`jobs run failed: ${(error as Error).message}`)
        await pause(pollMs)
      }
    }
  })()
  return {
    stop: async () => {
      stopping = true
      await evening.stop()
      await morning.stop()
      await pendingPayments.stop()
      await reminding.stop()
      await nightly.stop()
      wake()
      await loop
    },
  }
}
