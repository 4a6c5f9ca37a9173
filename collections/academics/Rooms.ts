import type { CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy } from '../../src/access/predicates'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, school, text } from '../fields'
import { everyoneOfSchool } from './shared'

/** A classroom, lab or hall; timetable slots book it. */
export const Rooms: CollectionConfig = {
  slug: 'rooms',
  ...naming('rooms', 'Room', 'Rooms'),
  admin: { group: label('groups.academics'), useAsTitle: 'name', defaultColumns: ['name', 'code', 'capacity'] },
  access: {
    read: anyOf(isIT, everyoneOfSchool),
    ...managedBy(['admin', 'secretariat'], ['admin', 'secretariat']),
  },
  indexes: [{ fields: ['school', 'name'], unique: true }],
  fields: [
    school(),
    text('name', { required: true, admin: { placeholder: 'Salle 12' } }),
    text('code'),
    { name: 'capacity', type: 'number', min: 1, label: label('fields.capacity') },
  ],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
