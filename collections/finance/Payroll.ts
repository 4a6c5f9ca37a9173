import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type CollectionConfig, type Field } from 'payload'
import { idOf } from '../../src/access/ids'
import { anyOf, isIT, staffCreates, staffOf } from '../../src/access/predicates'
import { amountsLocked, isPeriod, payslipFigures, payslipProblems, payslipStatuses, transitionProblem, type PayLine, type PayslipStatus } from '../../src/domain/payroll'
import { rolesOf } from '../../src/domain/roles'
import { formatMoney, isCurrency, isMinor } from '../../src/domain/money'
import { asLanguage, label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { currency, date, money, naming, relation, school, systemWritten, text } from '../fields'
import { changedFields } from './changes'
import { payrollPrepareEndpoint } from './payrollPrepare'
import { payslipPdfEndpoint } from './payslipPdf'

/** What the direction approves: once approved, none of it changes. */
const agreed = ['school', 'staffMember', 'period', 'currency', 'gross', 'allowances', 'deductions'] as const

const figure = (name: string): Field => ({ name, type: 'number', label: label(`fields.${name}`), access: systemWritten, admin: { readOnly: true } })

const lines = (name: 'allowances' | 'deductions'): Field => ({
  name,
  type: 'array',
  label: label(`fields.${name}`),
  labels: { singular: label(`fields.${name}One`), plural: label(`fields.${name}`) },
  fields: [{ type: 'row', fields: [text('label', { required: true }), money('amount', { required: true })] }],
})

/**
 * A payslip starts as a draft from the staff member's base salary and currency; its net is
 * computed, never typed, and never negative. The direction approves it, then finance (or the
 * direction) marks it paid: one step at a time, never back, the amounts fixed from approval on.
 */
const payslipRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const fail = (path: string, key: string, vars?: Record<string, string | number>) => invalid(req, [{ path, message: tReq(req, `errors.payroll.${key}`, vars) }])
  if (operation === 'create') {
    // Read with the caller's rights: another school's staff member is unknown here, as everywhere.
    const staffId = idOf(data.staffMember)
    const staff = staffId == null ? null : await req.payload.findByID({ collection: 'staff-members', id: staffId, depth: 0, overrideAccess: !req.user, req, disableErrors: true })
    if (!staff) throw fail('staffMember', 'unknownStaffMember')
    data.gross ??= staff.baseSalary ?? undefined
    data.currency ??= staff.currency
    data.status = 'draft'
  }
  const from = (originalDoc?.status ?? 'draft') as PayslipStatus
  if (operation === 'update' && amountsLocked(from)) {
    const changed = changedFields(data, originalDoc, agreed)
    if (changed.length) throw invalid(req, changed.map((path) => ({ path, message: tReq(req, `errors.payroll.${from}Locked`) })))
  }
  const to = (data.status ?? from) as PayslipStatus
  const step = transitionProblem(from, to, req.user ? rolesOf(req.user) : ['it'])
  if (step) throw fail('status', step)

  const next = { ...originalDoc, ...data }
  if (!isPeriod(next.period)) throw fail('period', 'period')
  const amounts = { gross: next.gross, allowances: next.allowances as PayLine[], deductions: next.deductions as PayLine[] }
  const problems = payslipProblems(amounts)
  if (problems.length) {
    const figures = payslipFigures(amounts)
    const shown = (amount: number) => (isCurrency(next.currency) && isMinor(amount) ? formatMoney(amount, next.currency, asLanguage(req.i18n?.language)) : String(amount))
    const vars = { deductions: shown(figures.deductionsTotal), earnings: shown(next.gross + figures.allowancesTotal) }
    throw invalid(req, problems.map(({ path, key }) => ({ path, message: tReq(req, `errors.payroll.${key}`, vars) })))
  }
  Object.assign(data, payslipFigures(amounts))

  // One payslip per staff member and month (the unique index holds it under concurrent writes too).
  const twin = await req.payload.find({
    collection: 'payroll',
    where: { and: [{ staffMember: { equals: idOf(next.staffMember) } }, { period: { equals: next.period } }, ...(originalDoc?.id != null ? [{ id: { not_equals: originalDoc.id } }] : [])] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (twin.docs.length) throw fail('period', 'duplicate', { period: next.period })

  const now = new Date().toISOString()
  if (from !== to && to === 'approved') Object.assign(data, { approvedBy: req.user?.id ?? null, approvedAt: now })
  if (from !== to && to === 'paid') Object.assign(data, { paidBy: req.user?.id ?? null, paidAt: now })
  return data
}

/** Only a draft is deleted: an approved or paid payslip is the school's record of a salary. */
const onlyDrafts: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const slip = await req.payload.findByID({ collection: 'payroll', id, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (slip && slip.status !== 'draft') throw new APIError(tReq(req, 'errors.payroll.noDelete'), 403)
}

/** One staff member's pay for one month: gross, allowances, deductions and the net, approved then paid. */
export const Payroll: CollectionConfig = {
  slug: 'payroll',
  ...naming('payroll', 'Payslip', 'Payslips'),
  admin: { group: label('groups.finance'), useAsTitle: 'period', defaultColumns: ['staffMember', 'period', 'gross', 'net', 'currency', 'status'] },
  access: {
    read: anyOf(isIT, staffOf(['admin', 'finance'])),
    create: anyOf(isIT, staffCreates(['admin', 'finance'])),
    update: anyOf(isIT, staffOf(['admin', 'finance'])),
    delete: anyOf(isIT, staffOf(['admin', 'finance'])),
  },
  indexes: [{ fields: ['staffMember', 'period'], unique: true }],
  fields: [
    school(),
    {
      type: 'row',
      fields: [
        relation('staffMember', 'staff-members', { required: true }),
        text('period', {
          required: true,
          index: true,
          admin: { placeholder: 'AAAA-MM', description: label('fields.periodHelp') },
          validate: (value: unknown, { req }: { req: never }) => isPeriod(value) || tReq(req, 'errors.payroll.period'),
        }),
        currency({ required: false, defaultValue: undefined }),
      ],
    },
    money('gross', { admin: { description: label('fields.grossHelp') } }),
    lines('allowances'),
    lines('deductions'),
    { type: 'row', fields: [figure('allowancesTotal'), figure('deductionsTotal'), figure('net')] },
    {
      name: 'status',
      type: 'select',
      index: true,
      defaultValue: 'draft',
      label: label('fields.status'),
      options: options('payslipStatus', payslipStatuses),
      // A payslip starts as a draft; the direction approves it here, finance then marks it paid.
      access: { create: () => false },
      admin: { position: 'sidebar', description: label('fields.payslipStatusHelp') },
    },
    relation('approvedBy', 'users', { access: systemWritten, admin: { readOnly: true, position: 'sidebar' } }),
    date('approvedAt', { access: systemWritten, admin: { readOnly: true, position: 'sidebar' } }),
    relation('paidBy', 'users', { access: systemWritten, admin: { readOnly: true, position: 'sidebar' } }),
    date('paidAt', { access: systemWritten, admin: { readOnly: true, position: 'sidebar' } }),
    { name: 'notes', type: 'textarea', label: label('fields.notes') },
  ],
  endpoints: [payrollPrepareEndpoint, payslipPdfEndpoint],
  hooks: { beforeChange: [payslipRules], beforeDelete: [onlyDrafts], afterChange: [auditTrail], afterDelete: [auditTrail] },
}
