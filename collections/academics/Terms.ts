import type { CollectionConfig, PayloadRequest } from 'payload'
import { idOf } from '../../src/access/ids'
import { anyOf, isIT, managedBy } from '../../src/access/predicates'
import { label, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { date, endAfterStart, naming, relation, school, text } from '../fields'
import { everyoneOfSchool } from './shared'

/** A term lies within its school year (checked on the start date, with the end date). */
const withinSchoolYear = async (value: unknown, { data, req }: { data: { schoolYear?: never; endDate?: string }; req: PayloadRequest }) => {
  const yearId = idOf(data?.schoolYear)
  if (!value || yearId == null) return true
  const year = await req.payload.findByID({ collection: 'school-years', id: yearId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!year) return true
  const start = new Date(String(value))
  const end = data.endDate ? new Date(data.endDate) : start
  return (start >= new Date(year.startDate) && end <= new Date(year.endDate)) || tReq(req, 'errors.termOutsideYear')
}

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
    {
      type: 'row',
      fields: [
        date('startDate', { required: true, validate: withinSchoolYear }),
        date('endDate', { required: true, validate: endAfterStart }),
      ],
    },
  ],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
