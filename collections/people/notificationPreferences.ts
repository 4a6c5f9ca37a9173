import type { Field } from 'payload'
import { defaultPreferences, isClockTime, notificationKinds } from '../../src/domain/notifications'
import { label, options, tReq } from '../../src/i18n'

const clockTime = (value: unknown, { req }: { req: { i18n?: { language?: string } } }) =>
  value == null || value === '' || isClockTime(value) || tReq(req, 'errors.notifications.clockTime')

const kinds = (channel: 'email' | 'sms'): Field => ({
  name: channel,
  type: 'select',
  hasMany: true,
  label: label(`fields.notify.${channel}`),
  options: options('notificationKind', notificationKinds),
  defaultValue: [...defaultPreferences[channel]],
})

/**
 * How a person wants to be told (users.notificationPreferences): which kinds by e-mail and by SMS
 * (in-app is always on), one daily e-mail instead of instant ones, and quiet hours on the school's
 * clock during which neither goes out (sent when they end). Each user edits their own.
 */
export const notificationPreferences: Field = {
  name: 'notificationPreferences',
  type: 'group',
  label: label('fields.notificationPreferences'),
  fields: [
    { type: 'row', fields: [kinds('email'), kinds('sms')] },
    { name: 'digest', type: 'checkbox', defaultValue: defaultPreferences.digest, label: label('fields.notify.digest') },
    {
      type: 'row',
      fields: [
        { name: 'quietFrom', type: 'text', defaultValue: defaultPreferences.quietFrom, label: label('fields.notify.quietFrom'), validate: clockTime as never, admin: { placeholder: 'HH:MM' } },
        { name: 'quietUntil', type: 'text', defaultValue: defaultPreferences.quietUntil, label: label('fields.notify.quietUntil'), validate: clockTime as never, admin: { placeholder: 'HH:MM' } },
      ],
    },
  ],
}
