import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, Field } from 'payload'
import { idOf } from '../../src/access/ids'
import { anyOf, isIT, nobody, staffCreates, staffOf } from '../../src/access/predicates'
import { childIds, scoped } from '../../src/access/scopes'
import { appliedAmount } from '../../src/domain/billing'
import { parseRate, type Currency } from '../../src/domain/money'
import { paymentReceived } from '../../src/finance/familyNews'
import { nextNumber } from '../../src/finance/numbers'
import { lockInvoice, paidOn, settleInvoice } from '../../src/finance/settle'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { currency, date, money, naming, relation, school, systemWritten, text } from '../fields'
import { webhookEndpoint } from './webhooks'
import { paymentEndpoints } from './financeDocuments'

export const paymentKinds = ['payment', 'refund', 'reversal'] as const
export const paymentMethods = ['cash', 'bank', 'card', 'mobileMoney', 'credit'] as const
export const paymentStatuses = ['pending', 'succeeded', 'failed', 'cancelled', 'expired'] as const
/** Cash and bank transfers are recorded by finance staff; card and mobile money come from their providers, credit moves from the billing. */
const recordedByStaff = ['cash', 'bank']

const stamp = (name: string, field: Partial<Field> = {}): Field => ({ name, type: 'text', label: label(`fields.${name}`), access: systemWritten, admin: { readOnly: true }, ...field }) as Field

const yearOf = async (req: Parameters<CollectionBeforeChangeHook>[0]['req'], schoolYear: unknown) =>
  String((await req.payload.findByID({ collection: 'school-years', id: idOf(schoolYear as never)!, depth: 0, overrideAccess: true, req })).startDate).slice(0, 4)

/**
 * A payment counts on its invoice in the invoice's currency (at the rate it records when it
 * was made in the other one); a refund or a reversal is a new entry counted against it, never
 * an edit. Each write takes the invoice's lock first, so concurrent payments follow one another.
 */
const paymentRules: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'update') {
    const fixed = ['invoice', 'amount', 'currency', 'exchangeRate', 'kind', 'provider', 'providerReference'] as const
    const changed = fixed.filter((field) => data[field] !== undefined && String(idOf(data[field]) ?? '') !== String(idOf(originalDoc?.[field]) ?? ''))
    if (changed.length) throw invalid(req, changed.map((path) => ({ path, message: tReq(req, 'errors.payments.immutable') })))
    await lockInvoice(req, idOf(originalDoc.invoice)!)
    if (data.status === 'succeeded' && !originalDoc.receiptNumber) {
      const invoice = await req.payload.findByID({ collection: 'invoices', id: idOf(originalDoc.invoice)!, depth: 0, overrideAccess: true, req })
      data.receiptNumber = await nextNumber(req, idOf(invoice.school)!, 'REC', await yearOf(req, invoice.schoolYear))
      data.paidAt ??= new Date().toISOString()
    }
    return data
  }
  const invoiceId = idOf(data.invoice)
  // Read with the caller's rights: another school's invoice is unknown here, as everywhere.
  const invoice = invoiceId == null ? null : await req.payload.findByID({ collection: 'invoices', id: invoiceId, depth: 0, overrideAccess: !req.user, req, disableErrors: true })
  if (!invoice) throw invalid(req, [{ path: 'invoice', message: tReq(req, 'errors.payments.unknownInvoice') }])
  await lockInvoice(req, invoice.id)
  const fail = (path: string, key: string, vars?: Record<string, string>) => invalid(req, [{ path, message: tReq(req, `errors.payments.${key}`, vars) }])
  if (invoice.status === 'void' || invoice.voidedAt) throw fail('invoice', 'voidInvoice', { number: invoice.number ?? '' })
  data.currency ??= invoice.currency
  data.kind ??= 'payment'
  data.method ??= 'cash'
  if (data.kind === 'reversal') {
    const reversed = data.reverses == null ? null : await req.payload.findByID({ collection: 'payments', id: idOf(data.reverses)!, depth: 0, overrideAccess: true, req, disableErrors: true })
    if (!reversed || String(idOf(reversed.invoice)) !== String(invoice.id) || reversed.kind !== 'payment' || reversed.status !== 'succeeded') throw fail('reverses', 'nothingToReverse')
    const earlier = await req.payload.count({ collection: 'payments', where: { reverses: { equals: reversed.id } }, overrideAccess: true, req })
    if (earlier.totalDocs) throw fail('reverses', 'alreadyReversed')
    Object.assign(data, { amount: reversed.amount, currency: reversed.currency, exchangeRate: reversed.exchangeRate ?? null })
  }
  if (!Number.isSafeInteger(data.amount) || data.amount <= 0) throw fail('amount', 'positive')
  if (!req.context.fromProvider && !recordedByStaff.includes(data.method)) throw fail('method', 'providerOnly')
  if (data.currency !== invoice.currency && !parseRate(data.exchangeRate)) throw fail('exchangeRate', 'rateRequired', { from: data.currency, to: invoice.currency! })
  if (data.currency === invoice.currency) data.exchangeRate = null
  // Money counted at the till or seen on the statement has arrived; a provider says when its payment did.
  data.status = req.context.fromProvider ? (data.status ?? 'pending') : 'succeeded'
  const applied = appliedAmount({ status: data.status, kind: data.kind, amount: data.amount, currency: data.currency as Currency, exchangeRate: data.exchangeRate }, invoice.currency as Currency)
  if (applied < 0 && (await paidOn(req, invoice.id)) + applied < 0) throw fail('amount', 'refundTooLarge')
  Object.assign(data, { school: idOf(invoice.school), student: idOf(invoice.student), amountApplied: applied, recordedBy: req.user?.id ?? null })
  data.provider ??= data.method
  if (data.status === 'succeeded') {
    data.receiptNumber = await nextNumber(req, idOf(invoice.school)!, 'REC', await yearOf(req, invoice.schoolYear))
    data.paidAt ??= new Date().toISOString()
  }
  return data
}

/** The invoice's figures follow its payments, in the same transaction (a credit waits for the daily billing to carry it). */
const settle: CollectionAfterChangeHook = async ({ doc, req }) => {
  await settleInvoice(req, idOf(doc.invoice)!)
  return doc
}

/** Money received for (or given back on) an invoice: cash at the till, a transfer, a card or mobile money. */
export const Payments: CollectionConfig = {
  slug: 'payments',
  ...naming('payments', 'Payment', 'Payments'),
  admin: { group: label('groups.finance'), useAsTitle: 'receiptNumber', defaultColumns: ['receiptNumber', 'invoice', 'amount', 'currency', 'method', 'status', 'paidAt'] },
  access: {
    read: anyOf(isIT, staffOf(['admin', 'finance']), scoped('parent', 'student', childIds)),
    create: anyOf(isIT, staffCreates(['admin', 'finance'])),
    // A ledger: corrections are refunds and reversals, statuses come from the providers.
    update: nobody,
    delete: nobody,
  },
  // A provider's reference is counted once (a replayed webhook finds it); receipts run per school.
  indexes: [
    { fields: ['provider', 'providerReference'], unique: true },
    { fields: ['school', 'receiptNumber'], unique: true },
  ],
  fields: [
    school(),
    { type: 'row', fields: [relation('invoice', 'invoices', { required: true }), relation('student', 'students', { access: systemWritten, admin: { readOnly: true } })] },
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', defaultValue: 'payment', label: label('fields.paymentKind'), options: options('paymentKind', paymentKinds) },
        relation('reverses', 'payments', { admin: { condition: (data: { kind?: string }) => data?.kind === 'reversal' } }),
      ],
    },
    { type: 'row', fields: [money('amount', { required: true }), currency({ required: false, defaultValue: undefined }), text('exchangeRate', { admin: { description: label('fields.exchangeRateHelp') } })] },
    { name: 'amountApplied', type: 'number', label: label('fields.amountApplied'), access: systemWritten, admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        { name: 'method', type: 'select', defaultValue: 'cash', label: label('fields.paymentMethod'), options: options('paymentMethod', paymentMethods) },
        text('provider', { index: true }),
        text('providerReference', { index: true }),
      ],
    },
    { name: 'status', type: 'select', index: true, label: label('fields.status'), options: options('paymentStatus', paymentStatuses), access: systemWritten, admin: { readOnly: true, position: 'sidebar' } },
    { type: 'row', fields: [text('phone'), text('operator')] },
    stamp('receiptNumber', { index: true }),
    date('paidAt', { access: systemWritten, admin: { readOnly: true } }),
    relation('recordedBy', 'users', { access: systemWritten, admin: { readOnly: true } }),
    { name: 'notes', type: 'textarea', label: label('fields.notes') },
  ],
  hooks: { beforeChange: [paymentRules], afterChange: [settle, auditTrail, paymentReceived], afterDelete: [auditTrail] },
  endpoints: [webhookEndpoint, ...paymentEndpoints],
}
