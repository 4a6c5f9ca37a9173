import type { CollectionBeforeChangeHook, CollectionConfig, Field } from 'payload'
import { idOf, idsOf } from '../../src/access/ids'
import { anyOf, isIT, nobody, staffCreates, staffOf } from '../../src/access/predicates'
import { childIds, scoped } from '../../src/access/scopes'
import { invoiceState, invoiceStatuses, lineKinds, type Line } from '../../src/domain/billing'
import { invoiceIssued } from '../../src/finance/familyNews'
import { nextNumber } from '../../src/finance/numbers'
import { lockInvoice, paidOn } from '../../src/finance/settle'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { currency, date, money, naming, relation, school, systemWritten, text } from '../fields'
import { payEndpoint } from './invoicePay'
import { invoiceEndpoints } from './financeDocuments'
import { invoiceReminderFields } from './invoiceReminderFields'

const figure = (name: string): Field => ({ name, type: 'number', label: label(`fields.${name}`), access: systemWritten, admin: { readOnly: true } })

/** The calendar day of a date field, as the due date compares it. */
const day = (value: unknown) => (value ? String(value).slice(0, 10) : null)

/**
 * An invoice is what the family owes: its lines add up to the total, the payments make the rest.
 * A void invoice changes no more; one with payments keeps its lines and currency; voiding one
 * with money on it is refused (refund first). A new invoice takes the next number of its school
 * year in the same transaction, and its payers default to the pupil's guardians.
 */
const invoiceRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (originalDoc?.status === 'void') throw invalid(req, [{ path: 'voidReason', message: tReq(req, 'errors.invoices.voided', { number: originalDoc.number }) }])
  const next = { ...originalDoc, ...data }
  const lines = (next.lines ?? []) as Line[]
  // On an edit, the figures come from the payments as they stand under the invoice's lock.
  const editing = operation === 'update' && originalDoc?.id != null
  if (editing) await lockInvoice(req, originalDoc.id)
  const paid = editing ? await paidOn(req, originalDoc.id) : 0
  if (paid !== 0 && (data.currency !== undefined && data.currency !== originalDoc?.currency || (data.lines !== undefined && JSON.stringify(data.lines.map((l: Line) => [l.kind, l.amount])) !== JSON.stringify((originalDoc?.lines ?? []).map((l: Line) => [l.kind, l.amount])))))
    throw invalid(req, [{ path: 'lines', message: tReq(req, 'errors.invoices.paidLocked') }])
  const voiding = Boolean(next.voidReason?.trim()) && !originalDoc?.voidedAt
  if (voiding && paid > 0) throw invalid(req, [{ path: 'voidReason', message: tReq(req, 'errors.invoices.voidPaid') }])
  const state = invoiceState({ lines, dueDate: day(next.dueDate), voided: voiding }, [paid], new Date())
  if (state.total < 0) throw invalid(req, [{ path: 'lines', message: tReq(req, 'errors.invoices.negativeTotal') }])
  Object.assign(data, { total: state.total, paid, balance: state.balance, credit: state.credit, status: state.status })
  if (voiding) Object.assign(data, { voidedAt: new Date().toISOString(), voidedBy: req.user?.id ?? null })
  if (operation === 'create') {
    const year = await req.payload.findByID({ collection: 'school-years', id: idOf(next.schoolYear)!, depth: 0, overrideAccess: true, req })
    data.number = await nextNumber(req, idOf(next.school)!, 'FAC', String(year.startDate).slice(0, 4))
    if (!idsOf(next.payers).length) {
      const student = await req.payload.findByID({ collection: 'students', id: idOf(next.student)!, depth: 0, overrideAccess: true, req, select: { guardians: true } })
      data.payers = idsOf(student.guardians)
    }
  }
  return data
}

/** An invoice of a pupil: its lines (fees, discounts, penalties), what was paid and what is left. */
export const Invoices: CollectionConfig = {
  slug: 'invoices',
  ...naming('invoices', 'Invoice', 'Invoices'),
  admin: { group: label('groups.finance'), useAsTitle: 'number', defaultColumns: ['number', 'student', 'dueDate', 'total', 'balance', 'currency', 'status'] },
  access: {
    read: anyOf(isIT, staffOf(['admin', 'finance', 'secretariat']), scoped('parent', 'student', childIds)),
    create: anyOf(isIT, staffCreates(['admin', 'finance'])),
    update: anyOf(isIT, staffOf(['admin', 'finance'])),
    // Numbers are gap-free: an invoice is voided, never deleted.
    delete: nobody,
  },
  // Numbers run per school; one invoice per pupil, schedule and installment, however often the job runs.
  indexes: [
    { fields: ['school', 'number'], unique: true },
    { fields: ['student', 'feeSchedule', 'installmentKey'], unique: true },
  ],
  fields: [
    school(),
    // Looked up through the (school, number) unique index; no index of its own to maintain.
    text('number', { access: systemWritten, admin: { readOnly: true } }),
    { type: 'row', fields: [relation('student', 'students', { required: true }), relation('schoolYear', 'school-years', { required: true }), currency()] },
    { type: 'row', fields: [date('issueDate', { defaultValue: () => new Date().toISOString() }), date('dueDate')] },
    { type: 'row', fields: [relation('feeSchedule', 'fee-schedules'), text('installmentKey', { admin: { readOnly: true } })] },
    {
      name: 'lines',
      type: 'array',
      minRows: 1,
      label: label('fields.lines'),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'kind', type: 'select', required: true, defaultValue: 'tuition', label: label('fields.lineKind'), options: options('lineKind', lineKinds) },
            text('label', { required: true }),
            money('amount', { required: true }, true),
          ],
        },
      ],
    },
    { type: 'row', fields: [figure('total'), figure('paid'), figure('balance'), figure('credit')] },
    { name: 'status', type: 'select', index: true, label: label('fields.status'), options: options('invoiceStatus', invoiceStatuses), access: systemWritten, admin: { readOnly: true, position: 'sidebar' } },
    relation('payers', 'guardians', { hasMany: true }),
    { name: 'voidReason', type: 'textarea', label: label('fields.voidReason') },
    { type: 'row', fields: [{ name: 'voidedAt', type: 'date', label: label('fields.voidedAt'), access: systemWritten, admin: { readOnly: true } }, relation('voidedBy', 'users', { access: systemWritten, admin: { readOnly: true } })] },
    { name: 'penaltyAppliedAt', type: 'date', label: label('fields.penaltyAppliedAt'), access: systemWritten, admin: { readOnly: true } },
    ...invoiceReminderFields,
  ],
  hooks: { beforeChange: [invoiceRules], afterChange: [auditTrail, invoiceIssued], afterDelete: [auditTrail] },
  endpoints: [payEndpoint, ...invoiceEndpoints],
}
