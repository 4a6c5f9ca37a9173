/**
 * What the school keeps and what goes when a person (a pupil or a guardian) is erased.
 *
 * The reasoning, field by field below: accounting records (invoices, payments, discounts, receipt
 * numbers and amounts) must be kept for years, so they stay, pointing at a pseudonymous record;
 * marks, attendance statuses and enrolments stay as the class's statistics (other pupils' ranks
 * and averages were computed with them) once nothing on them names the pupil. Whatever identifies
 * the person (names, birth, contacts, photos, the account's e-mail) or says more than the school
 * needs (free-text notes, appreciations, justifications of absences, medical certificates,
 * uploaded files, link codes, the family's links) is removed. Free text is never kept: it cannot
 * be checked for what it says about someone.
 */
import { secretFields } from './audit'

export type Person = 'student' | 'guardian'

/**
 * - `keep`: stays as it is;
 * - `clear`: emptied (null; [] for a list);
 * - `pseudonym`: « Élève effacé #id » (or « Responsable effacé #id »);
 * - `code`: a unique stand-in for a required unique identifier (the matricule, the e-mail);
 * - `redact`: a required text replaced by a neutral mark;
 * - `snapshot`: a report card's frozen copy, its pupil and appreciations anonymised;
 * - `false`: set to false (an account's `active`);
 * - `unlink`: the erased person taken out of a list of relations, the others left.
 */
export type Fate = 'keep' | 'clear' | 'pseudonym' | 'code' | 'redact' | 'snapshot' | 'false' | 'unlink'

/** What becomes of a record of a collection: kept with some fields changed, or deleted. */
export type Rule = { record: 'anonymise'; fields: Record<string, Fate> } | { record: 'delete' }

export const redacted = '[effacé]'

/** The account of the person: no way in, nothing left that names them. */
const account: Rule = {
  record: 'anonymise',
  fields: {
    name: 'pseudonym',
    email: 'code',
    phone: 'clear',
    avatar: 'clear',
    active: 'false',
    sessions: 'clear',
    enableAPIKey: 'false',
    apiKey: 'clear',
    apiKeyIndex: 'clear',
    hash: 'clear',
    salt: 'clear',
    resetPasswordToken: 'clear',
    resetPasswordExpiration: 'clear',
    _verificationToken: 'clear',
  },
}

/** Payments are accounting records: amounts, references, dates stay; the payer's phone and free notes go. */
const payments: Rule = { record: 'anonymise', fields: { phone: 'clear', notes: 'clear' } }

export const erasureRules: Record<Person, Record<string, Rule>> = {
  student: {
    // Kept as the anchor of the invoices and marks; sex stays as a statistic, the rest goes.
    students: {
      record: 'anonymise',
      fields: { lastName: 'pseudonym', fullName: 'pseudonym', postName: 'clear', firstName: 'clear', matricule: 'code', birthDate: 'clear', birthPlace: 'clear', photo: 'clear', guardians: 'clear', sex: 'keep' },
    },
    users: account,
    // Which class, which year, the decision: the class's history. A note is free text.
    enrollments: { record: 'anonymise', fields: { note: 'clear' } },
    // The status counts in the class's registers; the reasons (often medical) and their documents go.
    attendance: { record: 'anonymise', fields: { note: 'clear', justification: 'clear', justificationDocument: 'clear' } },
    // Marks feed the class's averages and ranks; a teacher's comment is about the pupil.
    grades: { record: 'anonymise', fields: { comment: 'clear' } },
    'report-cards': {
      record: 'anonymise',
      fields: { conduct: 'clear', application: 'clear', teacherAppreciation: 'clear', headAppreciation: 'clear', snapshot: 'snapshot', guardianNotices: 'clear' },
    },
    invoices: { record: 'anonymise', fields: {} },
    payments,
    // A discount's reason may say why (an orphan, a staff child): the amount rule stays, the words go.
    discounts: { record: 'anonymise', fields: { label: 'redact' } },
    'link-codes': { record: 'delete' },
    // What the person was told: theirs alone, nothing the school must keep.
    notifications: { record: 'delete' },
    media: { record: 'delete' },
  },
  guardian: {
    guardians: {
      record: 'anonymise',
      fields: { lastName: 'pseudonym', fullName: 'pseudonym', postName: 'clear', firstName: 'clear', phone: 'clear', email: 'clear', profession: 'clear', relationship: 'keep' },
    },
    users: account,
    // The guardian's children keep their records; only the link to this guardian goes.
    students: { record: 'anonymise', fields: { guardians: 'unlink' } },
    payments,
    'link-codes': { record: 'delete' },
    // What the person was told: theirs alone, nothing the school must keep.
    notifications: { record: 'delete' },
    media: { record: 'delete' },
  },
}

export const pseudonym = (person: Person, id: string | number) => `${person === 'student' ? 'Élève effacé' : 'Responsable effacé'} #${id}`

/** The stand-in of a unique identifier: still unique, names no one (`.invalid` is never delivered). */
export const codeFor = (collection: string, field: string, id: string | number) =>
  field === 'email' ? `efface-${collection}-${id}@kelasi.invalid` : `EFFACE-${id}`

type Doc = Record<string, unknown> & { id: string | number }

const snapshotOf = (snapshot: unknown, person: Person, id: string | number) => {
  if (!snapshot || typeof snapshot !== 'object') return snapshot ?? null
  const frozen = snapshot as Record<string, unknown>
  const pupil = (frozen.pupil ?? {}) as Record<string, unknown>
  const name = pseudonym(person, id)
  return {
    ...frozen,
    pupil: { fullName: name, lastName: name, postName: null, firstName: null, matricule: codeFor('students', 'matricule', id), sex: pupil.sex ?? null, birthDate: null, birthPlace: null },
    conduct: null,
    application: null,
    teacherAppreciation: null,
    headAppreciation: null,
  }
}

const idOfRef = (ref: unknown) => (ref && typeof ref === 'object' ? (ref as Doc).id : ref)

/**
 * The changes to write to one record of `collection` when `person` (whose own record has
 * `personId`) is erased: only the fields that change; `delete` for a record that goes; null for
 * a collection the rule does not touch.
 */
export const erasurePatch = (person: Person, collection: string, record: Doc, personId: string | number): Record<string, unknown> | 'delete' | null => {
  const rule = erasureRules[person][collection]
  if (!rule) return null
  if (rule.record === 'delete') return 'delete'
  const patch: Record<string, unknown> = {}
  for (const [field, fate] of Object.entries(rule.fields)) {
    const before = record[field]
    let after: unknown = before
    if (fate === 'clear') after = Array.isArray(before) ? [] : null
    if (fate === 'pseudonym') after = pseudonym(person, personId)
    if (fate === 'code') after = codeFor(collection, field, record.id)
    if (fate === 'redact') after = redacted
    if (fate === 'false') after = false
    if (fate === 'snapshot') after = snapshotOf(before, person, personId)
    if (fate === 'unlink') after = ((before as unknown[]) ?? []).map(idOfRef).filter((ref) => String(ref) !== String(personId))
    if (JSON.stringify(after ?? null) !== JSON.stringify(before ?? null)) patch[field] = after
  }
  return patch
}

/**
 * The person's account is anonymised and closed only when it is theirs alone: an account that is
 * also staff, or that another pupil or guardian record (in another school) still uses, loses the
 * link only; closing it would lock someone else out.
 */
export const accountFate = (person: Person, roles: readonly string[], otherRecords: number): 'anonymise' | 'unlink' => {
  const own = person === 'student' ? 'student' : 'parent'
  return otherRecords === 0 && roles.every((role) => role === own) ? 'anonymise' : 'unlink'
}

export const maskedValue = '[effacé]'
type Change = { field: string; before?: unknown; after?: unknown }

/**
 * Older audit entries about an erased record: who changed which field when stays (the trail's
 * purpose), the values of the fields that were erased are masked, all of them for a deleted record.
 * The log is append-only for everyone else; the law's right to erasure reaches it too.
 */
export const scrubChanges = (person: Person, collection: string, changes: unknown): Change[] => {
  if (!Array.isArray(changes)) return []
  const rule = erasureRules[person][collection]
  if (!rule) return changes as Change[]
  const erased = (field: string) => rule.record === 'delete' || (rule.fields[field] ?? 'keep') !== 'keep'
  return (changes as Change[]).map((change) =>
    erased(change.field)
      ? { field: change.field, before: change.before == null ? null : maskedValue, after: change.after == null ? null : maskedValue }
      : change,
  )
}

/**
 * The confirmation typed again: the same text, whatever the case, the accents' encoding and the
 * spaces around or between words. Nothing typed confirms nothing.
 */
export const confirms = (expected: unknown, typed: unknown) => {
  const norm = (value: unknown) => String(value ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('fr')
  return norm(expected) !== '' && norm(expected) === norm(typed)
}

/** A user account as exported: everything about the person, no secret (password hash, sessions, keys). */
export const withoutSecrets = <T extends Record<string, unknown>>(user: T) =>
  Object.fromEntries(Object.entries(user).filter(([field]) => !secretFields.has(field))) as Partial<T>
