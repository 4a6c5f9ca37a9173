import type { CollectionConfig } from 'payload'
import { isIT, nobody } from '../../src/access/predicates'
import { label } from '../../src/i18n'
import { naming, school, text } from '../fields'

/** The last number given per school and sequence (invoices, receipts of a year); written by the system only. */
export const NumberSequences: CollectionConfig = {
  slug: 'number-sequences',
  ...naming('numberSequences', 'NumberSequence', 'NumberSequences'),
  admin: { group: label('groups.system'), useAsTitle: 'key', defaultColumns: ['key', 'last', 'school'] },
  access: { read: isIT, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['school', 'key'], unique: true }],
  fields: [school(), text('key', { required: true }), { name: 'last', type: 'number', required: true, label: label('fields.lastNumber') }],
}
