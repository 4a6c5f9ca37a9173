import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { discountKinds, feeKinds } from '../../src/domain/billing'
import { parseRate } from '../../src/domain/money'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid, type FieldError } from '../../hooks/invalid'
import { naming, relation, school, systemWritten, text } from '../fields'

/** A sibling rule is the school's, for every family; any other discount is one pupil's, with a value that makes sense. */
const discountRules: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const next = { ...originalDoc, ...data }
  const errors: FieldError[] = []
  if (next.kind !== 'sibling' && next.student == null) errors.push({ path: 'student', message: tReq(req, 'errors.discounts.studentRequired') })
  const value = parseRate(next.value)
  if (!value) errors.push({ path: 'value', message: tReq(req, 'errors.discounts.value') })
  else if (next.mode === 'percent' && value.num > value.den * 100n) errors.push({ path: 'value', message: tReq(req, 'errors.discounts.percent') })
  else if (next.mode === 'fixed' && value.den !== 1n) errors.push({ path: 'value', message: tReq(req, 'errors.money.whole') })
  if (errors.length) throw invalid(req, errors)
  if (operation === 'create') data.grantedBy = req.user?.id ?? null
  if (next.kind === 'sibling') data.student = null
  return data
}

/**
 * A reduction of a pupil's fees for a school year (staff child, scholarship…), or the school's
 * sibling rule (from the second child on), with its reason and who granted it. Applied as
 * invoices are issued; an invoice already issued keeps its lines.
 */
export const Discounts: CollectionConfig = {
  slug: 'discounts',
  ...naming('discounts', 'Discount', 'Discounts'),
  admin: { group: label('groups.finance'), useAsTitle: 'label', defaultColumns: ['label', 'kind', 'student', 'mode', 'value', 'active'] },
  access: {
    read: anyOf(isIT, staffOf(['admin', 'finance'])),
    ...managedBy(['admin', 'finance'], ['admin', 'finance']),
  },
  fields: [
    school(),
    { type: 'row', fields: [relation('schoolYear', 'school-years', { required: true }), { name: 'kind', type: 'select', required: true, defaultValue: 'scholarship', label: label('fields.discountKind'), options: options('discountKind', discountKinds) }, relation('student', 'students')] },
    text('label', { required: true, label: label('fields.discountReason') }),
    {
      type: 'row',
      fields: [
        { name: 'mode', type: 'select', required: true, defaultValue: 'percent', label: label('fields.discountMode'), options: options('discountMode', ['percent', 'fixed'] as const) },
        text('value', { required: true, label: label('fields.discountValue') }),
        { name: 'fromChild', type: 'number', min: 2, defaultValue: 2, label: label('fields.fromChild'), admin: { condition: (data: { kind?: string }) => data?.kind === 'sibling' } },
      ],
    },
    { name: 'appliesTo', type: 'select', hasMany: true, label: label('fields.appliesTo'), options: options('feeKind', feeKinds) },
    { name: 'active', type: 'checkbox', defaultValue: true, label: label('fields.active') },
    relation('grantedBy', 'users', { access: systemWritten, admin: { readOnly: true, position: 'sidebar' } }),
  ],
  hooks: { beforeChange: [discountRules], afterChange: [auditTrail], afterDelete: [auditTrail] },
}
