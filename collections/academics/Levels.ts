import type { CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy } from '../../src/access/predicates'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, school, text } from '../fields'
import { everyoneOfSchool } from './shared'

/** A cycle of the school (primaire, éducation de base, humanités) and how many years it lasts. */
export const Levels: CollectionConfig = {
  slug: 'levels',
  ...naming('levels', 'Level', 'Levels'),
  admin: { group: label('groups.academics'), useAsTitle: 'name', defaultColumns: ['name', 'code', 'order', 'years'] },
  defaultSort: 'order',
  access: {
    read: anyOf(isIT, everyoneOfSchool),
    ...managedBy(['admin', 'secretariat'], ['admin']),
  },
  indexes: [{ fields: ['school', 'code'], unique: true }],
  fields: [
    school(),
    text('name', { required: true, admin: { placeholder: 'Primaire' } }),
    text('code', { required: true, admin: { placeholder: 'P' } }),
    {
      type: 'row',
      fields: [
        // Promotion goes from the last year of one level to the first of the next by this order.
        { name: 'order', type: 'number', required: true, min: 1, label: label('fields.order') },
        { name: 'years', type: 'number', required: true, min: 1, max: 12, label: label('fields.years') },
      ],
    },
  ],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
