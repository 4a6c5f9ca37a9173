import type { CollectionConfig } from 'payload'
import { anyOf, isIT, nobody, staffOf } from '../../src/access/predicates'
import { label, options } from '../../src/i18n'
import { naming, relation, text } from '../fields'

export const eventOutcomes = ['applied', 'ignored', 'refused'] as const

/**
 * Every webhook or status answer a payment provider sent, once: its id is what makes a replayed
 * event change nothing, and the log is what finance reads when a parent says "I paid".
 * Written by the system only.
 */
export const PaymentEvents: CollectionConfig = {
  slug: 'payment-events',
  ...naming('paymentEvents', 'PaymentEvent', 'PaymentEvents'),
  admin: { group: label('groups.finance'), useAsTitle: 'eventId', defaultColumns: ['createdAt', 'provider', 'type', 'outcome', 'payment', 'invoice'] },
  access: { read: anyOf(isIT, staffOf(['admin', 'finance'])), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['provider', 'eventId'], unique: true }],
  fields: [
    // An event about an invoice nobody knows has no school: only IT sees it.
    relation('school', 'schools', { admin: { position: 'sidebar' } }),
    { type: 'row', fields: [text('provider', { required: true }), text('eventId', { required: true }), text('type')] },
    text('providerReference', { index: true }),
    { type: 'row', fields: [relation('invoice', 'invoices'), relation('payment', 'payments')] },
    { name: 'outcome', type: 'select', required: true, label: label('fields.eventOutcome'), options: options('eventOutcome', eventOutcomes) },
    { name: 'detail', type: 'textarea', label: label('fields.eventDetail') },
  ],
}
