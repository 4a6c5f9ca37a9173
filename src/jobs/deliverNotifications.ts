import type { Payload, TaskConfig } from 'payload'
import { deliverNotifications as deliver } from '../notifications/deliver'
import { sendDigests } from '../notifications/digest'

/** E-mail and SMS of notifications (queued by `notify`, in chunks); retried, never sending a channel twice. */
export const deliverNotifications: TaskConfig<'deliverNotifications'> = {
  slug: 'deliverNotifications',
  label: 'Notifications: e-mail and SMS',
  retries: 3,
  inputSchema: [{ name: 'notifications', type: 'json', required: true }],
  outputSchema: [
    { name: 'emails', type: 'number' },
    { name: 'sms', type: 'number' },
  ],
  handler: async ({ input, req }) => ({ output: await deliver(req, (input.notifications as number[]) ?? []) }),
}

/** The evening digest of those who chose one. */
export const notificationDigest: TaskConfig<'notificationDigest'> = {
  slug: 'notificationDigest',
  label: 'Notifications: daily digest e-mails',
  retries: 3,
  inputSchema: [],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ req }) => ({ output: await sendDigests(req) }),
}

/** Once: a digest still waiting in the queue is the same evening's. */
export const queueNotificationDigest = async (payload: Payload) => {
  const waiting = await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'notificationDigest' }, completedAt: { exists: false }, hasError: { not_equals: true } }, overrideAccess: true })
  if (!waiting.totalDocs) await payload.jobs.queue({ task: 'notificationDigest', input: {} })
}
