import type { JobsConfig, PayloadRequest } from 'payload'
import { hasAnyRole } from '../domain/roles'
import { countedTask } from '../metrics/registry'
import { nightlyBackup } from './backup'
import { dailyBilling } from './dailyBilling'
import { deliverNotifications, notificationDigest } from './deliverNotifications'
import { generateReportCards } from './generateReportCards'
import { invoiceReminders } from './invoiceReminders'
import { notifyGuardiansOfReportCard } from './notifyGuardiansOfReportCard'
import { pollPendingPayments } from './pollPendingPayments'

// Jobs are queued by the app and run by the worker. Over HTTP only IT may run or cancel them
// (Payload's default lets any logged-in user call /api/payload-jobs/run).
const itOnly = ({ req }: { req: PayloadRequest }) => hasAnyRole(req.user, ['it'])

export const jobs: JobsConfig = {
  tasks: [generateReportCards, notifyGuardiansOfReportCard, dailyBilling, invoiceReminders, pollPendingPayments, nightlyBackup, deliverNotifications, notificationDigest].map(countedTask),
  access: { run: itOnly, queue: () => false, cancel: itOnly },
}
