import type { CollectionBeforeDeleteHook, CollectionConfig, FieldAccess } from 'payload'
import { anyOf, isIT, staffCreates, staffOf } from '../../src/access/predicates'
import { matchRules, matchStatuses } from '../../src/domain/reconciliation'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { reconciling } from '../../src/reconcile/context'
import { currency, date, money, naming, relation, school, text } from '../fields'
import { reconciliationConfirmEndpoint, reconciliationExportEndpoint } from './reconciliationConfirm'
import { reconciliationImportEndpoint } from './reconciliationImport'

export const reconciliationSources = ['bank', 'mobileMoney'] as const

const byEndpoint: FieldAccess = ({ req }) => req.context?.[reconciling] === true
const written = { create: byEndpoint, update: byEndpoint }
const stamp = { access: written, admin: { readOnly: true } }

/** A reconciliation with confirmed lines is part of the books: it stays. */
const keepConfirmed: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload.findByID({ collection: 'reconciliations', id, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (doc?.lines?.some((line) => line.confirmedAt)) throw invalid(req, [{ path: 'lines', message: tReq(req, 'errors.reconciliation.hasConfirmed') }])
}

/**
 * A statement of the school's bank account or mobile-money wallet, line by line, matched to the
 * payments recorded: finance confirms each match, and the confirmed line is the payment's
 * reconciliation (who, when, against which statement line).
 */
export const Reconciliations: CollectionConfig = {
  slug: 'reconciliations',
  ...naming('reconciliations', 'Reconciliation', 'Reconciliations'),
  admin: {
    group: label('groups.finance'),
    useAsTitle: 'label',
    defaultColumns: ['label', 'source', 'fileName', 'matched', 'ambiguous', 'unmatched', 'confirmed', 'createdAt'],
    components: { beforeListTable: ['/src/admin/reconciliation/ReconcileButton#ReconcileButton'] },
  },
  access: {
    read: anyOf(isIT, staffOf(['admin', 'finance'])),
    create: anyOf(isIT, staffCreates(['admin', 'finance'])),
    update: anyOf(isIT, staffOf(['admin', 'finance'])),
    delete: anyOf(isIT, staffOf(['admin', 'finance'])),
  },
  endpoints: [reconciliationImportEndpoint, reconciliationConfirmEndpoint, reconciliationExportEndpoint],
  fields: [
    school(),
    { type: 'row', fields: [text('label', { required: true, admin: { description: label('fields.statementLabelHelp') } }), { name: 'source', type: 'select', defaultValue: 'bank', label: label('fields.statementSource'), options: options('statementSource', reconciliationSources) }] },
    { type: 'row', fields: [text('fileName', stamp), relation('importedBy', 'users', stamp)] },
    // The file as uploaded (a CSV's text; an .xlsx as its rows in CSV), to check a line against its source.
    { name: 'statement', type: 'textarea', label: label('fields.statement'), ...stamp },
    {
      type: 'row',
      fields: (['matched', 'ambiguous', 'unmatched', 'confirmed'] as const).map((name) => ({ name, type: 'number' as const, label: label(`options.matchStatus.${name}`), ...stamp })),
    },
    {
      name: 'lines',
      type: 'array',
      label: label('fields.lines'),
      ...stamp,
      fields: [
        { type: 'row', fields: [{ name: 'row', type: 'number', label: label('fields.statementRow') }, date('date'), money('amount', {}, true), currency({ required: false, defaultValue: undefined })] },
        { type: 'row', fields: [text('reference'), text('phone'), text('description')] },
        {
          type: 'row',
          fields: [
            { name: 'status', type: 'select', label: label('fields.status'), options: options('matchStatus', matchStatuses) },
            { name: 'rule', type: 'select', label: label('fields.matchRule'), options: options('matchRule', matchRules) },
            relation('payment', 'payments'),
            relation('candidates', 'payments', { hasMany: true }),
          ],
        },
        { type: 'row', fields: [relation('confirmedPayment', 'payments'), date('confirmedAt', { admin: { date: { pickerAppearance: 'dayAndTime' } } }), relation('confirmedBy', 'users')] },
      ],
    },
  ],
  hooks: { beforeDelete: [keepConfirmed], afterChange: [auditTrail], afterDelete: [auditTrail] },
}
