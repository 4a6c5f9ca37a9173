import type { Field, PayloadRequest, RelationshipField } from 'payload'
import { relationship } from 'payload/shared'
import { idOf, idsOf, schoolIdsOf } from '../src/access/ids'
import { existingRecords } from '../src/db/perRequest'
import { schoolsOf } from '../src/access/predicates'
import { fullName, type Names } from '../src/domain/names'
import { currencies } from '../src/domain/money'
import { hasAnyRole } from '../src/domain/roles'
import { label, tReq } from '../src/i18n'

/** Payload's own validator options, as the relationship validator receives them. */
type RelationOptions = Parameters<typeof relationship>[1] & {
  req: PayloadRequest
  data?: unknown
  name?: string
  label?: unknown
}

/** The field's label in the request's language, for messages a secretary reads. */
const fieldLabel = ({ label: given, name, req }: RelationOptions) => {
  const lang = req.i18n?.language === 'en' ? 'en' : 'fr'
  if (given && typeof given === 'object') return String((given as Record<string, string>)[lang] ?? name)
  return typeof given === 'string' ? given : (name ?? '')
}
type RelationValidate = (value: unknown, options: RelationOptions) => Promise<string | true>

/**
 * Every relation must point at records that exist, and a record of one school may only
 * point at records of the same school: a guessed id from another school is refused here.
 */
export const existingRelation: RelationValidate = async (value, options) => {
  const base = await relationship(value as never, options)
  if (base !== true) return base
  const { req, relationTo, data } = options
  const ids = [value].flat().map((v) => idOf(v as never)).filter((id) => id != null)
  if (!ids.length || typeof relationTo !== 'string') return true
  const found = { docs: await existingRecords(req, relationTo, ids) }
  const foundIds = new Set(found.docs.map((doc) => String(doc.id)))
  const missing = ids.filter((id) => !foundIds.has(String(id)))
  // A record of another school answers as if it did not exist: ids of other schools are not disclosed.
  const foreign = relationTo === 'schools' ? [] : found.docs.filter((doc) => !sharesSchool(data, doc)).map((doc) => doc.id)
  const refused = [...missing, ...foreign]
  return refused.length ? tReq(req, 'errors.unknownRelation', { field: fieldLabel(options), ids: refused.join(', ') }) : true
}

/**
 * Like `existingRelation`, and a user attaches only what they may read themselves: another
 * family's document, tried by id, answers as if it did not exist. Payload checks this only for
 * fields with `filterOptions`. What is already attached is not checked again (an edit of the
 * text keeps it); the system (overrideAccess) attaches what it must.
 */
export const readableRelation: RelationValidate = async (value, options) => {
  const base = await existingRelation(value, options)
  if (base !== true) return base
  const { req, relationTo, previousValue, overrideAccess } = options
  if (!req.user || overrideAccess || typeof relationTo !== 'string') return true
  const before = new Set([previousValue].flat().map((v) => String(idOf(v as never))))
  const added = [value].flat().map((v) => idOf(v as never)).filter((id) => id != null && !before.has(String(id)))
  if (!added.length) return true
  const readable = await req.payload.find({ collection: relationTo as 'media', where: { id: { in: added } }, user: req.user, overrideAccess: false, depth: 0, pagination: false, select: {}, req })
  const seen = new Set(readable.docs.map((doc) => String(doc.id)))
  const refused = added.filter((id) => !seen.has(String(id)))
  return refused.length ? tReq(req, 'errors.unknownRelation', { field: fieldLabel(options), ids: refused.join(', ') }) : true
}

/** A record may only point at records that share one of its schools (when both have schools). */
const sharesSchool = (record: unknown, related: unknown) => {
  const mine = schoolIdsOf(record).map(String)
  const { school, schools } = related as { school?: unknown; schools?: unknown }
  if (!mine.length || (school === undefined && schools === undefined)) return true
  return schoolIdsOf(related).some((id) => mine.includes(String(id)))
}

/** The school a record belongs to; staff can only choose one of their own schools. */
export const school = (): Field => ({
  name: 'school',
  type: 'relationship',
  relationTo: 'schools',
  required: true,
  index: true,
  label: label('fields.school'),
  defaultValue: ({ user }) => idsOf(user?.schools)[0],
  admin: { position: 'sidebar' },
  validate: (async (value: unknown, options: RelationOptions) => {
    const base = await existingRelation(value, options)
    if (base !== true) return base
    const { req } = options
    if (!req.user || hasAnyRole(req.user, ['it'])) return true
    const mine = schoolsOf(req).map(String)
    return mine.includes(String(idOf(value as never))) || tReq(req, 'errors.notYourSchool')
  }) as never,
})

export const relation = (name: string, relationTo: string, extra: Partial<RelationshipField> = {}): Field =>
  ({
    name,
    type: 'relationship',
    relationTo,
    index: true,
    label: label(`fields.${name}`),
    validate: existingRelation as never,
    ...extra,
  }) as Field

export const text = (name: string, extra: Record<string, unknown> = {}): Field =>
  ({ name, type: 'text', label: label(`fields.${name}`), ...extra }) as Field

export const date = (name: string, extra: Record<string, unknown> = {}): Field =>
  ({
    name,
    type: 'date',
    label: label(`fields.${name}`),
    admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
    ...extra,
  }) as Field

/** Names as written in the DRC: NOM, post-nom, prénom. */
export const congoleseNames = (): Field[] => [
  {
    type: 'row',
    fields: [
      text('lastName', { required: true, index: true }),
      text('postName', { index: true }),
      text('firstName', { index: true }),
    ],
  },
  text('fullName', {
    index: true,
    admin: { readOnly: true, hidden: true },
    hooks: {
      beforeChange: [
        ({ siblingData, originalDoc }: { siblingData: Names; originalDoc?: Names }) => fullName({ ...originalDoc, ...siblingData }),
      ],
    },
  }),
]

export const phone = (): Field =>
  text('phone', {
    validate: (value: unknown, { req }: { req: never }) =>
      !value || /^\+?[0-9 ()-]{7,20}$/.test(String(value)) || tReq(req, 'errors.invalidPhone'),
  })

/** For an `endDate` field: after the record's `startDate`. */
export const endAfterStart = (value: unknown, { data, req }: { data: { startDate?: string }; req: never }) =>
  !value || !data?.startDate || new Date(String(value)) > new Date(data.startDate) || tReq(req, 'errors.endBeforeStart')

/** For a `schools` field: staff may only list schools they belong to themselves. */
export const ownSchools: RelationValidate = async (value, options) => {
  const base = await existingRelation(value, options)
  if (base !== true) return base
  const { req } = options
  if (!req.user || hasAnyRole(req.user, ['it'])) return true
  const mine = schoolsOf(req).map(String)
  const next = idsOf(value).map(String)
  // Schools the editor does not belong to are not theirs to add or to take away.
  const othersBefore = idsOf(options.previousValue).map(String).filter((id) => !mine.includes(id))
  const othersAfter = next.filter((id) => !mine.includes(id))
  const unchanged = othersBefore.length === othersAfter.length && othersBefore.every((id) => othersAfter.includes(id))
  return unchanged || tReq(req, 'errors.notYourSchool')
}

export const schools = (extra: Partial<RelationshipField> = {}): Field =>
  relation('schools', 'schools', {
    hasMany: true,
    validate: ownSchools as never,
    defaultValue: ({ user }: { user?: { schools?: unknown } }) => idsOf(user?.schools).slice(0, 1),
    admin: { position: 'sidebar' },
    ...extra,
  } as Partial<RelationshipField>)

/** Translated labels and explicit GraphQL names (Payload's guesses from labels would be French). */
export const naming = (key: string, singularName: string, pluralName: string) => ({
  labels: { singular: label(`collections.${key}.singular`), plural: label(`collections.${key}.plural`) },
  graphQL: { singularName, pluralName },
})

/**
 * An amount in minor units (cents, centimes): a whole number, positive unless `signed`. A custom
 * validator replaces Payload's own, `required` included: a missing required amount is said here.
 */
export const money = (name: string, extra: Record<string, unknown> = {}, signed = false): Field =>
  ({
    name,
    type: 'number',
    label: label(`fields.${name}`),
    validate: (value: unknown, { req }: { req: never }) =>
      value == null
        ? !extra.required || tReq(req, 'errors.required')
        : (Number.isSafeInteger(value) && (signed || (value as number) > 0)) || tReq(req, signed ? 'errors.money.whole' : 'errors.money.positive'),
    admin: { step: 1, description: label('fields.minorUnits') },
    ...extra,
  }) as Field

export const currency = (extra: Record<string, unknown> = {}): Field =>
  ({ name: 'currency', type: 'select', required: true, defaultValue: 'USD', label: label('fields.currency'), options: currencies.map((c) => ({ value: c, label: c })), ...extra }) as Field

/** Field access for what is set when the record is made and never changed after (who takes part, in which conversation). */
export const setOnCreate = { update: () => false }

/** Field access for what the system writes (numbers, derived figures, a job's progress): no request sets it. */
export const systemWritten = { create: () => false, update: () => false }
