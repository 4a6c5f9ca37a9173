import type { CollectionConfig, Field, FieldHook } from 'payload'
import { anyOf, isIT, nobody, type Predicate } from '../../src/access/predicates'
import { deliveryStatuses, notificationKinds } from '../../src/domain/notifications'
import { isActive } from '../../src/domain/roles'
import { label, options } from '../../src/i18n'
import { naming, relation, systemWritten, text } from '../fields'
import { readerText } from '../../src/notifications/text'
import { notificationEndpoints } from './notificationEndpoints'
import { tellReaderCount } from './notificationRead'

/** One's own notifications, whatever one's role: they are addressed to a person, not a school. */
const ownNotifications: Predicate = ({ req }) => (req.user && isActive(req.user) ? { user: { equals: req.user.id } } : false)

const delivery = (channel: 'email' | 'sms'): Field[] => [
  {
    name: `${channel}Status`,
    type: 'select',
    label: label(`fields.${channel}Status`),
    options: options('deliveryStatus', deliveryStatuses),
    access: systemWritten,
    admin: { readOnly: true, position: 'sidebar' },
  },
  { name: `${channel}SentAt`, type: 'date', label: label(`fields.${channel}SentAt`), access: systemWritten, admin: { readOnly: true, position: 'sidebar' } },
  // Which worker is sending it, since when: a claim older than 15 minutes is a crashed worker's.
  { name: `${channel}ClaimedAt`, type: 'date', access: systemWritten, admin: { hidden: true } },
]

/** The title or text as its reader reads it, in the request's language (stored: only the kind and its variables). */
const inWords =
  (part: 'title' | 'body'): FieldHook =>
  ({ siblingData, req }) =>
    siblingData?.kind ? readerText(req.i18n?.language, siblingData.kind, siblingData.vars)[part] : null

const words = (part: 'title' | 'body', key: string): Field => ({
  name: part,
  type: 'text',
  virtual: true,
  label: label(key),
  access: systemWritten,
  admin: { readOnly: true },
  hooks: { afterRead: [inWords(part)] },
})

/**
 * What one person is told of one event of the school (a mark, an invoice, an absence, a message):
 * written only by `notify` (src/notifications/notify.ts), once per event and person, read in-app
 * by its addressee, and sent by e-mail and SMS by the worker as their preferences say. The text is
 * not stored but made from the kind and its variables, in the reader's language.
 */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  ...naming('notifications', 'Notification', 'Notifications'),
  admin: {
    group: label('groups.communication'),
    defaultColumns: ['title', 'kind', 'user', 'guardian', 'readAt', 'emailStatus', 'smsStatus', 'createdAt'],
    description: label('collections.notifications.description'),
  },
  defaultSort: '-createdAt',
  // The same event never twice to the same person: `notify` inserts with ON CONFLICT DO NOTHING.
  indexes: [
    { fields: ['event', 'user'], unique: true },
    { fields: ['event', 'guardian'], unique: true },
  ],
  access: {
    read: anyOf(isIT, ownNotifications),
    create: nobody,
    update: anyOf(isIT, ownNotifications),
    delete: isIT,
  },
  // In-app, live: GET /api/notifications/stream (server-sent events), POST /api/notifications/read-all.
  endpoints: notificationEndpoints,
  hooks: { afterChange: [tellReaderCount] },
  fields: [
    relation('school', 'schools', { required: true, access: systemWritten, admin: { readOnly: true, position: 'sidebar' } }),
    { name: 'kind', type: 'select', required: true, label: label('fields.kind'), options: options('notificationKind', notificationKinds), access: systemWritten, admin: { readOnly: true } },
    text('event', { required: true, access: systemWritten, admin: { readOnly: true } }),
    relation('user', 'users', { access: systemWritten, validate: undefined, admin: { readOnly: true } }),
    relation('guardian', 'guardians', { access: systemWritten, validate: undefined, admin: { readOnly: true } }),
    { name: 'vars', type: 'json', label: label('fields.vars'), access: systemWritten, admin: { readOnly: true } },
    text('link', { access: systemWritten, admin: { readOnly: true } }),
    // For every channel's reader (the workspace, integrators), made from the kind and its variables.
    words('title', 'fields.title'),
    words('body', 'fields.notificationText'),
    // The one field its reader writes: when they opened it (null again marks it unread).
    { name: 'readAt', type: 'date', index: true, label: label('fields.readAt'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
    ...delivery('email'),
    ...delivery('sms'),
    // Quiet hours: neither e-mail nor SMS before this time.
    { name: 'deliverAfter', type: 'date', access: systemWritten, admin: { hidden: true } },
  ],
}
