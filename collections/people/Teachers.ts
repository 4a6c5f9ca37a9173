import type { CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { congoleseNames, naming, phone, relation, schools, text } from '../fields'
import { registrars } from './staffRoles'

export const Teachers: CollectionConfig = {
  slug: 'teachers',
  ...naming('teachers', 'Teacher', 'Teachers'),
  admin: {
    group: label('groups.people'),
    useAsTitle: 'fullName',
    defaultColumns: ['lastName', 'postName', 'firstName', 'specialities', 'phone'],
    listSearchableFields: ['fullName', 'phone', 'email'],
  },
  access: {
    read: anyOf(isIT, staffOf(['admin', 'secretariat', 'finance', 'teacher'], 'schools')),
    ...managedBy(registrars, ['admin'], 'schools'),
  },
  fields: [
    schools({ required: true }),
    ...congoleseNames(),
    { type: 'row', fields: [phone(), { name: 'email', type: 'email', label: label('fields.email') }] },
    text('specialities', { hasMany: true }),
    relation('user', 'users', { admin: { position: 'sidebar' } }),
  ],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
