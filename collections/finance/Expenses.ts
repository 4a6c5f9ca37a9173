import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type CollectionConfig } from 'payload'
import { idOf } from '../../src/access/ids'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { decisionProblem, expenseCategories, expenseStatuses, type ExpenseStatus } from '../../src/domain/expenses'
import { rolesOf } from '../../src/domain/roles'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { currency, date, existingRelation, money, naming, relation, school, systemWritten, text } from '../fields'
import { changedFields } from './changes'

/** What a decided expense keeps as it was when the direction decided. */
const recorded = ['school', 'date', 'category', 'description', 'payee', 'amount', 'currency', 'receipt', 'status', 'decisionReason', 'notes'] as const

/** A system job (no user) acts as IT. */
const rolesOfCaller = (req: { user?: unknown }) => (req.user ? rolesOf(req.user) : ['it'])

/**
 * Finance or the direction records an expense, submitted; only the direction (or IT) approves
 * or rejects it, once, a rejection with its reason; a decided expense no longer changes.
 */
const expenseRules: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation === 'create') return Object.assign(data, { status: 'submitted', recordedBy: req.user?.id ?? null })
  const from = (originalDoc?.status ?? 'submitted') as ExpenseStatus
  if (from !== 'submitted') {
    const changed = changedFields(data, originalDoc, recorded)
    if (changed.length) throw invalid(req, changed.map((path) => ({ path, message: tReq(req, `errors.expenses.${from}Locked`) })))
    return data
  }
  const to = (data.status ?? from) as ExpenseStatus
  const problem = decisionProblem(from, to, rolesOfCaller(req), data.decisionReason ?? originalDoc?.decisionReason)
  if (problem) throw invalid(req, [{ path: problem.path, message: tReq(req, `errors.expenses.${problem.key}`) }])
  if (to !== from) Object.assign(data, { approvedBy: req.user?.id ?? null, approvedAt: new Date().toISOString() })
  return data
}

/** Money the direction approved stays in the books: an approved expense is never deleted, not even by IT. */
const keepApproved: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const expense = await req.payload.findByID({ collection: 'expenses', id, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (expense?.status === 'approved') throw new APIError(tReq(req, 'errors.expenses.approvedNoDelete'), 403)
}

/** An expense's receipt is a finance document: from now on only the direction and finance see the file. */
const receiptForFinance: CollectionAfterChangeHook = async ({ doc, req }) => {
  const receipt = idOf(doc.receipt)
  if (receipt != null) await req.payload.update({ collection: 'media', id: receipt, data: { financeOnly: true }, overrideAccess: true, depth: 0, req })
  return doc
}

/** Money the school spent (supplies, repairs, electricity…), its receipt, and the direction's approval. */
export const Expenses: CollectionConfig = {
  slug: 'expenses',
  ...naming('expenses', 'Expense', 'Expenses'),
  admin: { group: label('groups.finance'), useAsTitle: 'description', defaultColumns: ['date', 'category', 'description', 'payee', 'amount', 'currency', 'status'] },
  access: { read: anyOf(isIT, staffOf(['admin', 'finance'])), ...managedBy(['admin', 'finance'], ['admin', 'finance']) },
  fields: [
    school(),
    {
      type: 'row',
      fields: [
        date('date', { required: true, index: true, defaultValue: () => new Date().toISOString() }),
        { name: 'category', type: 'select', required: true, index: true, label: label('fields.expenseCategory'), options: options('expenseCategory', expenseCategories) },
      ],
    },
    text('description', { required: true }),
    text('payee'),
    { type: 'row', fields: [money('amount', { required: true }), currency()] },
    { name: 'receipt', type: 'upload', relationTo: 'media', label: label('fields.expenseReceipt'), validate: existingRelation as never },
    {
      name: 'status',
      type: 'select',
      index: true,
      defaultValue: 'submitted',
      label: label('fields.status'),
      options: options('expenseStatus', expenseStatuses),
      // New expenses are submitted; the direction then sets its decision here.
      access: { create: () => false },
      admin: { position: 'sidebar', description: label('fields.expenseStatusHelp') },
    },
    { name: 'decisionReason', type: 'textarea', label: label('fields.decisionReason'), admin: { position: 'sidebar' } },
    relation('approvedBy', 'users', { access: systemWritten, admin: { readOnly: true, position: 'sidebar' } }),
    date('approvedAt', { access: systemWritten, admin: { readOnly: true, position: 'sidebar' } }),
    relation('recordedBy', 'users', { access: systemWritten, admin: { readOnly: true, position: 'sidebar' } }),
    { name: 'notes', type: 'textarea', label: label('fields.notes') },
  ],
  hooks: { beforeChange: [expenseRules], beforeDelete: [keepApproved], afterChange: [receiptForFinance, auditTrail], afterDelete: [auditTrail] },
}
