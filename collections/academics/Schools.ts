import type { CollectionConfig } from 'payload'
import { anyOf, isIT, staffOf } from '../../src/access/predicates'
import { label, options } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, phone, text } from '../fields'

/** A user reads the schools they belong to; only IT creates or removes a school. */
const ownSchool = staffOf(['admin', 'secretariat', 'finance', 'teacher', 'parent', 'student'], 'id')

export const Schools: CollectionConfig = {
  slug: 'schools',
  ...naming('schools', 'School', 'Schools'),
  admin: { group: label('groups.academics'), useAsTitle: 'name', defaultColumns: ['name', 'code', 'city'] },
  access: {
    read: anyOf(isIT, ownSchool),
    create: isIT,
    update: anyOf(isIT, staffOf(['admin'], 'id')),
    delete: isIT,
  },
  fields: [
    text('name', { required: true }),
    text('code', { required: true, unique: true }),
    text('address'),
    text('city'),
    text('province'),
    phone(),
    { name: 'email', type: 'email', label: label('fields.email') },
    { name: 'logo', type: 'upload', relationTo: 'media', label: label('fields.logo') },
    {
      name: 'gradingScheme',
      type: 'select',
      required: true,
      defaultValue: 'rdc',
      label: label('fields.gradingScheme'),
      options: options('gradingScheme', ['rdc', 'french'] as const),
    },
  ],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
