import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { billings, feeKinds } from '../../src/domain/billing'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid, type FieldError } from '../../hooks/invalid'
import { currency, date, money, naming, relation, school, text } from '../fields'

/** Installments need due dates in order and whole positive weights; a penalty needs its value. */
const scheduleRules: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const next = { ...originalDoc, ...data }
  const errors: FieldError[] = []
  const items = (next.items ?? []) as { billing?: string }[]
  const installments = (next.installments ?? []) as { dueDate?: string; weight?: number }[]
  if (items.some((item) => item.billing === 'installments') && !installments.length) errors.push({ path: 'installments', message: tReq(req, 'errors.fees.installmentsRequired') })
  installments.forEach((installment, i) => {
    if (!Number.isSafeInteger(installment.weight) || installment.weight! <= 0) errors.push({ path: `installments.${i}.weight`, message: tReq(req, 'errors.fees.weight') })
    if (i > 0 && installment.dueDate && installments[i - 1].dueDate && installment.dueDate < installments[i - 1].dueDate!)
      errors.push({ path: `installments.${i}.dueDate`, message: tReq(req, 'errors.fees.dueDatesOrder') })
  })
  const penalty = next.latePenalty as { mode?: string; value?: string | number | null } | undefined
  if (penalty?.mode && penalty.mode !== 'none' && !(Number(String(penalty.value ?? '').replace(',', '.')) > 0))
    errors.push({ path: 'latePenalty.value', message: tReq(req, 'errors.fees.penaltyValue') })
  if (errors.length) throw invalid(req, errors)
  return data
}

/**
 * What a school year costs, for a level or one class: the items (tuition, registration…), each
 * billed at enrollment or over the installments, and the late-penalty rule.
 */
export const FeeSchedules: CollectionConfig = {
  slug: 'fee-schedules',
  ...naming('feeSchedules', 'FeeSchedule', 'FeeSchedules'),
  admin: { group: label('groups.finance'), useAsTitle: 'name', defaultColumns: ['name', 'schoolYear', 'level', 'class', 'currency'] },
  access: {
    read: anyOf(isIT, staffOf(['admin', 'finance', 'secretariat'])),
    ...managedBy(['admin', 'finance'], ['admin', 'finance']),
  },
  fields: [
    school(),
    text('name', { required: true }),
    { type: 'row', fields: [relation('schoolYear', 'school-years', { required: true }), relation('level', 'levels'), relation('class', 'classes'), currency()] },
    {
      name: 'items',
      type: 'array',
      minRows: 1,
      label: label('fields.feeItems'),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'kind', type: 'select', required: true, defaultValue: 'tuition', label: label('fields.feeKind'), options: options('feeKind', feeKinds) },
            text('label', { required: true }),
            money('amount', { required: true }),
            { name: 'billing', type: 'select', required: true, defaultValue: 'installments', label: label('fields.billing'), options: options('billing', billings) },
          ],
        },
      ],
    },
    {
      name: 'installments',
      type: 'array',
      label: label('fields.installments'),
      fields: [{ type: 'row', fields: [text('label', { required: true }), date('dueDate', { required: true }), { name: 'weight', type: 'number', required: true, defaultValue: 1, label: label('fields.weight') }] }],
    },
    { name: 'issueDaysBefore', type: 'number', defaultValue: 15, min: 0, label: label('fields.issueDaysBefore') },
    {
      name: 'latePenalty',
      type: 'group',
      label: label('fields.latePenalty'),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'mode', type: 'select', defaultValue: 'none', label: label('fields.penaltyMode'), options: options('penaltyMode', ['none', 'fixed', 'percent'] as const) },
            text('value', { label: label('fields.penaltyValue') }),
            { name: 'afterDays', type: 'number', defaultValue: 0, min: 0, label: label('fields.afterDays') },
          ],
        },
      ],
    },
  ],
  hooks: { beforeChange: [scheduleRules], afterChange: [auditTrail], afterDelete: [auditTrail] },
}
