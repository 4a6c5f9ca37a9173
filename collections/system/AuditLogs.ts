import type { CollectionConfig } from 'payload'
import { anyOf, isIT, nobody, staffOf } from '../../src/access/predicates'
import { label, options } from '../../src/i18n'
import { naming, relation, text } from '../fields'

export const auditActions = ['create', 'update', 'delete', 'login', 'loginFailed', 'logout', 'linkRefused', 'export', 'erase'] as const

/** Append-only: written by hooks as the system, never edited or deleted through any API. */
export const AuditLogs: CollectionConfig = {
  slug: 'audit-logs',
  ...naming('auditLogs', 'AuditLog', 'AuditLogs'),
  admin: {
    group: label('groups.system'),
    defaultColumns: ['createdAt', 'action', 'collection', 'documentId', 'actorEmail', 'ip'],
    listSearchableFields: ['actorEmail', 'collection', 'documentId'],
    // The direction's simple filter above the table; Payload's generic one stays beside it.
    components: { beforeListTable: ['/src/admin/auditLog/AuditLogFilter#AuditLogFilter'] },
  },
  defaultSort: '-createdAt',
  // Every write of the school lands here (40,000 rows in an invoice run): as few indexes as the
  // questions asked of it need. A record's history (collection, id); a person's (user); a school's;
  // a period (createdAt). A handful of actions and an e-mail searched with ILIKE gain nothing from a btree.
  indexes: [{ fields: ['collection', 'documentId'] }],
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
      label: label('fields.action'),
      options: options('auditAction', auditActions),
    },
    text('collection', { required: true }),
    text('documentId'),
    relation('user', 'users', { validate: undefined }),
    text('actorEmail'),
    { name: 'school', type: 'relationship', relationTo: 'schools', index: true, label: label('fields.school') },
    { name: 'changes', type: 'json', label: label('fields.changes'), admin: { components: { Field: '/src/admin/auditLog/AuditChanges#AuditChanges' } } },
    text('ip'),
    text('userAgent'),
  ],
}
