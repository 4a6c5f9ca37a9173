import type { Field } from 'payload'
import { hasAnyRole } from '../../src/domain/roles'
import { label } from '../../src/i18n'

/**
 * What the reminders job records on an invoice (see src/jobs/invoiceReminders.ts): for each
 * step and address, when its e-mail went out, and the ones being sent right now. Written by the
 * job alone; it holds the guardians' addresses, so staff read it, families do not.
 */
export const invoiceReminderFields: Field[] = [
  {
    name: 'reminders',
    type: 'json',
    label: label('fields.reminders'),
    access: { read: ({ req }) => hasAnyRole(req.user, ['it', 'admin', 'finance', 'secretariat']), create: () => false, update: () => false },
    admin: { readOnly: true, position: 'sidebar', description: label('fields.remindersHelp') },
  },
]
