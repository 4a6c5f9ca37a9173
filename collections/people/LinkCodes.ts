import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, FieldHook } from 'payload'
import { idOf, idsOf } from '../../src/access/ids'
import { anyOf, isIT, staffCreates, staffOf } from '../../src/access/predicates'
import { existingRecords } from '../../src/db/perRequest'
import { codeState, defaultExpiry, displayCode, generateCode, hashCode } from '../../src/domain/linkCodes'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { changedFields } from '../finance/changes'
import { date, existingRelation, naming, relation, school, systemWritten } from '../fields'
import { issueEndpoint } from './linkCodeIssue'
import { redeemEndpoint } from './linkCodeRedeem'

/** Who hands out codes: the school's desk and its direction (IT everywhere). */
const issuers = ['admin', 'secretariat'] as const

/** What a code names is fixed when it is issued: a printed letter must keep meaning the same child. */
const issued = ['school', 'student', 'guardian', 'expiresAt'] as const

/** The plain code of a code being issued, for the create answer only (never stored). */
const plainCode = 'kelasi:linkCode:plain'

/**
 * On issue: a new code, its hash stored, the plain code kept for the answer; who issued it.
 * On update: only the revocation, once, and never of a used code; the time is the server's.
 */
const codeRules: CollectionBeforeChangeHook = ({ context, data, operation, originalDoc, req }) => {
  if (operation === 'create') {
    const code = generateCode()
    context[plainCode] = code
    return Object.assign(data, {
      codeHash: hashCode(code, req.payload.secret),
      expiresAt: data.expiresAt ?? defaultExpiry(new Date()).toISOString(),
      usedAt: null,
      usedBy: null,
      revokedAt: null,
      createdBy: req.user?.id ?? null,
    })
  }
  const changed = changedFields(data, originalDoc, issued)
  if (changed.length) throw invalid(req, changed.map((path) => ({ path, message: tReq(req, 'errors.linkCodes.issuedFixed') })))
  const revoking = data.revokedAt != null && data.revokedAt !== ''
  if (!revoking) {
    if (originalDoc?.revokedAt && data.revokedAt !== undefined) throw invalid(req, [{ path: 'revokedAt', message: tReq(req, 'errors.linkCodes.revokedForGood') }])
    return data
  }
  if (originalDoc?.revokedAt) return Object.assign(data, { revokedAt: originalDoc.revokedAt })
  if (originalDoc?.usedAt) throw invalid(req, [{ path: 'revokedAt', message: tReq(req, 'errors.linkCodes.usedNotRevocable') }])
  return Object.assign(data, { revokedAt: new Date().toISOString() })
}

/** The guardian a code names must be one of the student's own guardians. */
const guardianOfStudent = async (value: unknown, options: Parameters<typeof existingRelation>[1]) => {
  const base = await existingRelation(value, options)
  if (base !== true || value == null) return base
  const { data, req } = options as { data?: { student?: unknown }; req: Parameters<typeof existingRelation>[1]['req'] }
  const student = idOf(data?.student as never)
  if (student == null) return true
  const [found] = await existingRecords(req, 'students', [student])
  return idsOf(found?.guardians).map(String).includes(String(idOf(value as never))) || tReq(req, 'errors.linkCodes.notTheirGuardian')
}

/** Where the code stands, for the list: worked out on reading, never stored. */
const stateOnRead: FieldHook = ({ siblingData }) => codeState(siblingData as never, new Date())

/**
 * The plain code, once: added to the answer of its own creation after the audit trail has read
 * the record back, so it reaches neither the database nor the log.
 */
const codeOnce: CollectionAfterChangeHook = ({ context, doc, operation }) => {
  const code = context[plainCode]
  if (operation !== 'create' || typeof code !== 'string') return doc
  delete context[plainCode]
  return { ...doc, code: displayCode(code) }
}

/**
 * A single-use, expiring code the school hands a family (printed or sent) so that a parent's
 * account is linked to one child, and to the guardian record the code names if any.
 */
export const LinkCodes: CollectionConfig = {
  slug: 'link-codes',
  ...naming('linkCodes', 'LinkCode', 'LinkCodes'),
  admin: {
    group: label('groups.people'),
    defaultColumns: ['student', 'guardian', 'state', 'expiresAt', 'createdBy', 'createdAt'],
    description: label('linkCodes.adminHelp'),
  },
  defaultSort: '-createdAt',
  access: {
    read: anyOf(isIT, staffOf([...issuers])),
    create: anyOf(isIT, staffCreates([...issuers])),
    update: anyOf(isIT, staffOf([...issuers])),
    // A code is revoked, not deleted: the history of who linked whom stays. IT may clean up.
    delete: isIT,
  },
  fields: [
    school(),
    relation('student', 'students', { required: true }),
    relation('guardian', 'guardians', { validate: guardianOfStudent as never }),
    date('expiresAt', {
      required: true,
      index: true,
      defaultValue: () => defaultExpiry(new Date()).toISOString(),
      // Only a new code's date is checked: an issued code keeps its own (and cannot be moved).
      validate: (value: unknown, { operation, req }: { operation?: string; req: never }) =>
        operation !== 'create' || (value != null && new Date(String(value)).getTime() > Date.now()) || tReq(req, 'errors.linkCodes.expiryInPast'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    }),
    date('revokedAt', { admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } }),
    {
      name: 'code',
      type: 'text',
      virtual: true,
      label: label('fields.linkCode'),
      access: systemWritten,
      admin: { readOnly: true, description: label('linkCodes.shownOnce') },
    },
    {
      name: 'state',
      type: 'select',
      virtual: true,
      label: label('fields.linkCodeState'),
      options: options('linkCodeState', ['valid', 'expired', 'used', 'revoked'] as const),
      access: systemWritten,
      admin: { readOnly: true, position: 'sidebar' },
      hooks: { afterRead: [stateOnRead] },
    },
    // Always set on issue (codeRules); not `required`, which would make GraphQL clients send it.
    { name: 'codeHash', type: 'text', unique: true, hidden: true, access: systemWritten },
    date('usedAt', { access: systemWritten, admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } }),
    relation('usedBy', 'users', { access: systemWritten, validate: undefined, admin: { readOnly: true, position: 'sidebar' } }),
    relation('createdBy', 'users', { access: systemWritten, validate: undefined, admin: { readOnly: true, position: 'sidebar' } }),
  ],
  endpoints: [issueEndpoint, redeemEndpoint],
  hooks: { beforeChange: [codeRules], afterChange: [auditTrail, codeOnce], afterDelete: [auditTrail] },
}
