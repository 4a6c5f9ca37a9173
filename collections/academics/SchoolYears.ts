import type { CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy } from '../../src/access/predicates'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { date, endAfterStart, naming, school, text } from '../fields'
import { rolloverEndpoint } from './rollover'
import { everyoneOfSchool } from './shared'

export const SchoolYears: CollectionConfig = {
  slug: 'school-years',
  ...naming('schoolYears', 'SchoolYear', 'SchoolYears'),
  admin: {
    group: label('groups.academics'),
    useAsTitle: 'name',
    defaultColumns: ['name', 'school', 'startDate', 'endDate', 'current'],
    components: { edit: { beforeDocumentControls: ['/src/admin/rollover/RolloverAction#RolloverAction'] } },
  },
  access: {
    read: anyOf(isIT, everyoneOfSchool),
    ...managedBy(['admin'], ['admin']),
  },
  indexes: [{ fields: ['school', 'name'], unique: true }],
  fields: [
    school(),
    text('name', { required: true, admin: { placeholder: '2026-2027' } }),
    { type: 'row', fields: [date('startDate', { required: true }), date('endDate', { required: true, validate: endAfterStart })] },
    { name: 'current', type: 'checkbox', defaultValue: false, label: label('fields.current') },
  ],
  endpoints: [rolloverEndpoint],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
