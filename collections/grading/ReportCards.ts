import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { childIds, scoped, scopedWhen, selfStudentIds, taughtClassIds } from '../../src/access/scopes'
import { label, options } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, relation, school, systemWritten, text } from '../fields'
import { hasAnyRole } from '../../src/domain/roles'
import { queueGuardianNotice } from '../../src/jobs/notifyGuardiansOfReportCard'
import { classPdfEndpoint, generateEndpoint, pdfEndpoint, publishEndpoint } from './reportCardEndpoints'

export const reportCardStatuses = ['draft', 'published'] as const

/** Families see a card once the school publishes it, never a draft. */
const published = { status: { equals: 'published' } }

const stamps: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data.status === 'published' && originalDoc?.status !== 'published') data.publishedAt = new Date().toISOString()
  if (data.status === 'draft') data.publishedAt = null
  return data
}

/**
 * A report card (bulletin): one per pupil and term, a frozen snapshot of the figures as printed.
 * Generated as drafts; the secretariat or the direction publishes them.
 */
export const ReportCards: CollectionConfig = {
  slug: 'report-cards',
  ...naming('reportCards', 'ReportCard', 'ReportCards'),
  admin: { group: label('groups.marks'), defaultColumns: ['student', 'class', 'term', 'status', 'publishedAt'] },
  access: {
    read: anyOf(
      isIT,
      staffOf(['admin', 'secretariat']),
      scoped('teacher', 'class', taughtClassIds),
      scopedWhen('parent', 'student', childIds, published),
      scopedWhen('student', 'student', selfStudentIds, published),
    ),
    ...managedBy(['admin', 'secretariat'], ['admin']),
  },
  indexes: [{ fields: ['student', 'term'], unique: true }],
  fields: [
    school(),
    {
      type: 'row',
      fields: [relation('student', 'students', { required: true }), relation('class', 'classes', { required: true }), relation('term', 'terms', { required: true })],
    },
    {
      type: 'row',
      fields: [
        { name: 'status', type: 'select', required: true, defaultValue: 'draft', index: true, label: label('fields.status'), options: options('reportCardStatus', reportCardStatuses) },
        { name: 'publishedAt', type: 'date', label: label('fields.publishedAt'), admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        // Set by the guardians' e-mail task, never by hand.
        { name: 'guardiansNotifiedAt', type: 'date', label: label('fields.guardiansNotifiedAt'), access: systemWritten, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    { type: 'row', fields: [text('conduct'), text('application')] },
    { name: 'teacherAppreciation', type: 'textarea', label: label('fields.teacherAppreciation') },
    { name: 'headAppreciation', type: 'textarea', label: label('fields.headAppreciation') },
    { name: 'snapshot', type: 'json', label: label('fields.snapshot'), admin: { readOnly: true } },
    // Kept by the guardians' e-mail task alone (whom it wrote to, for which figures); it holds
    // addresses, so the registers see it, families do not.
    {
      name: 'guardianNotices',
      type: 'json',
      label: label('fields.guardianNotices'),
      access: { read: ({ req }) => hasAnyRole(req.user, ['it', 'admin', 'secretariat']), create: () => false, update: () => false },
      admin: { readOnly: true },
    },
  ],
  endpoints: [generateEndpoint, publishEndpoint, classPdfEndpoint, pdfEndpoint],
  hooks: {
    beforeChange: [stamps],
    afterChange: [auditTrail, queueGuardianNotice],
    afterDelete: [auditTrail],
  },
}
