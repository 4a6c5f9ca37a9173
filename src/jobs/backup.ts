import type { Payload, TaskConfig } from 'payload'
import { backupsIn, makeBackup } from '../backup/backup'
import { backupFolder, mediaFolder } from '../backup/settings'

const stampDay = (day: string) => day.replace(/-/g, '')

/** The night's backup into BACKUP_DIR (encrypted with BACKUP_KEY, the newest BACKUP_KEEP kept); one a day (UTC), however often it is queued. */
export const nightlyBackup: TaskConfig<'nightlyBackup'> = {
  slug: 'nightlyBackup',
  label: 'Nightly backup',
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
  inputSchema: [{ name: 'day', type: 'text', required: true }],
  outputSchema: [
    { name: 'file', type: 'text' },
    { name: 'bytes', type: 'number' },
    { name: 'skipped', type: 'checkbox' },
  ],
  handler: async () => {
    const folder = backupFolder()
    const today = new Date().toISOString().slice(0, 10)
    if ((await backupsIn(folder)).some((name) => name.startsWith(`kelasi-${stampDay(today)}`))) return { output: { skipped: true } }
    const made = await makeBackup({
      databaseUrl: process.env.DATABASE_URL!,
      mediaDir: mediaFolder(),
      folder,
      key: process.env.BACKUP_KEY || undefined,
      keep: Number(process.env.BACKUP_KEEP || 14),
    })
    return { output: { file: made.file, bytes: made.bytes, skipped: false } }
  },
}

/** Queues the day's backup unless one is already waiting. */
export const queueNightlyBackup = async (payload: Payload, day = new Date().toISOString().slice(0, 10)) => {
  const waiting = await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'nightlyBackup' }, completedAt: { exists: false }, hasError: { not_equals: true } }, overrideAccess: true })
  if (!waiting.totalDocs) await payload.jobs.queue({ task: 'nightlyBackup', input: { day } })
}
