import type { CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy } from '../../src/access/predicates'
import { label, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, relation, school, text } from '../fields'
import { everyoneOfSchool } from './shared'

type Maximum = { schoolYear?: unknown }

/**
 * A course ("branche") of a level. The French scheme weighs it by its coefficient; the Congolese
 * one counts points over a maximum per period that the school sets for each school year.
 */
export const Subjects: CollectionConfig = {
  slug: 'subjects',
  ...naming('subjects', 'Subject', 'Subjects'),
  admin: { group: label('groups.academics'), useAsTitle: 'name', defaultColumns: ['name', 'code', 'level', 'coefficient'] },
  defaultSort: 'order',
  access: {
    read: anyOf(isIT, everyoneOfSchool),
    ...managedBy(['admin', 'secretariat'], ['admin']),
  },
  indexes: [{ fields: ['level', 'name'], unique: true }],
  fields: [
    school(),
    relation('level', 'levels', { required: true }),
    text('name', { required: true, admin: { placeholder: 'Mathématiques' } }),
    text('code'),
    {
      type: 'row',
      fields: [
        { name: 'coefficient', type: 'number', required: true, defaultValue: 1, min: 0, label: label('fields.coefficient') },
        { name: 'order', type: 'number', min: 0, label: label('fields.order') },
      ],
    },
    {
      name: 'maxima',
      type: 'array',
      label: label('fields.maxima'),
      labels: { singular: label('fields.maximum'), plural: label('fields.maxima') },
      validate: ((rows: unknown, { req }: { req: never }) => {
        const years = ((rows as Maximum[] | null) ?? []).map((row) => String((row.schoolYear as { id?: unknown })?.id ?? row.schoolYear))
        return new Set(years).size === years.length || tReq(req, 'errors.duplicateMaximum')
      }) as never,
      fields: [
        {
          type: 'row',
          fields: [
            relation('schoolYear', 'school-years', { required: true }),
            { name: 'periodMaximum', type: 'number', required: true, min: 1, label: label('fields.periodMaximum') },
          ],
        },
      ],
    },
  ],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
