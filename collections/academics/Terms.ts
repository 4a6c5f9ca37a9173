import type { CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy } from '../../src/access/predicates'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { date, endAfterStart, naming, relation, school, text } from '../fields'
import { everyoneOfSchool } from './shared'

/** A term (trimestre) or, in the Congolese scheme, a period P1–P4 or a semester exam. */
export const Terms: CollectionConfig = {
  slug: 'terms',
  ...naming('terms', 'Term', 'Terms'),
  admin: {
    group: label('groups.academics'),
    useAsTitle: 'name',
    defaultColumns: ['name', 'schoolYear', 'startDate', 'endDate'],
  },
  access: {
    read: anyOf(isIT, everyoneOfSchool),
    ...managedBy(['admin', 'secretariat'], ['admin']),
  },
  fields: [
    school(),
    relation('schoolYear', 'school-years', { required: true }),
    text('name', { required: true, admin: { placeholder: 'P1, 1er trimestre…' } }),
    text('code', { admin: { placeholder: 'P1' } }),
    { name: 'order', type: 'number', min: 1, label: label('fields.order') },
    { type: 'row', fields: [date('startDate', { required: true }), date('endDate', { required: true, validate: endAfterStart })] },
  ],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
