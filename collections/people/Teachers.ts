import type { CollectionConfig } from 'payload'
import { anyOf, isIT, staffCreates, staffOf } from '../../src/access/predicates'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { congoleseNames, phone, relation, schools, text } from '../fields'
import { registrars } from './staffRoles'

export const Teachers: CollectionConfig = {
  slug: 'teachers',
  labels: { singular: label('collections.teachers.singular'), plural: label('collections.teachers.plural') },
  graphQL: { singularName: 'Teacher', pluralName: 'Teachers' },
  admin: {
    group: label('groups.people'),
    useAsTitle: 'fullName',
    defaultColumns: ['lastName', 'postName', 'firstName', 'specialities', 'phone'],
    listSearchableFields: ['fullName', 'phone', 'email'],
  },
  access: {
    read: anyOf(isIT, staffOf(['admin', 'secretariat', 'finance', 'teacher'], 'schools')),
    create: anyOf(isIT, staffCreates(registrars, 'schools')),
    update: anyOf(isIT, staffOf(registrars, 'schools')),
    delete: anyOf(isIT, staffOf(['admin'], 'schools')),
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
