import type { CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { guardianIds, scoped, taughtGuardianIds } from '../../src/access/scopes'
import { label, options } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { congoleseNames, naming, phone, relation, school, text } from '../fields'
import { privacyEndpoints } from './privacy'
import { registerReaders, registrars } from './staffRoles'

export const Guardians: CollectionConfig = {
  slug: 'guardians',
  ...naming('guardians', 'Guardian', 'Guardians'),
  admin: {
    group: label('groups.people'),
    useAsTitle: 'fullName',
    defaultColumns: ['lastName', 'postName', 'firstName', 'relationship', 'phone', 'email'],
    listSearchableFields: ['fullName', 'phone', 'email'],
    components: { edit: { beforeDocumentControls: ['/src/admin/PrivacyControls#GuardianPrivacyControls'] } },
  },
  access: {
    read: anyOf(
      isIT,
      staffOf(registerReaders),
      scoped('teacher', 'id', taughtGuardianIds),
      scoped('parent', 'id', guardianIds),
    ),
    ...managedBy(registrars, ['admin']),
  },
  fields: [
    school(),
    ...congoleseNames(),
    {
      name: 'relationship',
      type: 'select',
      required: true,
      defaultValue: 'guardian',
      label: label('fields.relationship'),
      options: options('relationship', ['father', 'mother', 'guardian', 'other'] as const),
    },
    { type: 'row', fields: [phone(), { name: 'email', type: 'email', label: label('fields.email') }] },
    text('profession'),
    relation('user', 'users', { admin: { position: 'sidebar' } }),
    {
      name: 'children',
      type: 'join',
      collection: 'students',
      on: 'guardians',
      label: label('fields.children'),
      admin: { defaultColumns: ['matricule', 'fullName'] },
    },
  ],
  endpoints: privacyEndpoints('guardian'),
  hooks: {
    // A guardian shown inside another record (a student's guardians) does not list the
    // children again: that join is a query per guardian and a list of 50 students paid for it.
    beforeOperation: [
      ({ args, operation }) =>
        operation === 'read' && (args as { currentDepth?: number }).currentDepth ? { ...args, joins: false } : args,
    ],
    afterChange: [auditTrail],
    afterDelete: [auditTrail],
  },
}
