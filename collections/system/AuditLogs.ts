import type { CollectionConfig } from 'payload'
import { anyOf, isIT, nobody, staffOf } from '../../src/access/predicates'
import { label, options } from '../../src/i18n'
import { naming, relation, text } from '../fields'

const actions = ['create', 'update', 'delete', 'login', 'loginFailed', 'logout'] as const

/** Append-only: written by hooks as the system, never edited or deleted through any API. */
export const AuditLogs: CollectionConfig = {
  slug: 'audit-logs',
  ...naming('auditLogs', 'AuditLog', 'AuditLogs'),
  admin: {
    group: label('groups.system'),
    defaultColumns: ['createdAt', 'action', 'collection', 'documentId', 'actorEmail', 'ip'],
    listSearchableFields: ['actorEmail', 'collection', 'documentId'],
  },
  defaultSort: '-createdAt',
  access: {
    read: anyOf(isIT, staffOf(['admin'])),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      label: label('fields.action'),
      options: options('auditAction', actions),
    },
    text('collection', { required: true, index: true }),
    text('documentId', { index: true }),
    relation('user', 'users', { validate: undefined }),
    text('actorEmail', { index: true }),
    { name: 'school', type: 'relationship', relationTo: 'schools', index: true, label: label('fields.school') },
    { name: 'changes', type: 'json', label: label('fields.changes') },
    text('ip'),
    text('userAgent'),
  ],
}
