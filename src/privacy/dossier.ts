import path from 'node:path'
import { sql } from '@payloadcms/db-postgres'
import type { CollectionSlug, PayloadRequest, Where } from 'payload'
import { idOf, idsOf, type ID } from '../access/ids'
import type { Person } from '../domain/privacy'
import { dbOf } from '../db/session'

type Doc = Record<string, unknown> & { id: ID }

/**
 * Everything the school holds about one person, by collection, read as the system (the caller's
 * right to it was checked before): a person's dossier includes rows no role lists in full, such as
 * a signed-up parent's account (of no school) or the audit entries about them.
 */
export type Dossier = {
  person: Person
  record: Doc
  user: Doc | null
  /** Other records, by collection slug, as stored (depth 0). */
  records: Record<string, Doc[]>
}

const system = { overrideAccess: true, depth: 0, pagination: false } as const

const all = async (req: PayloadRequest, collection: string, where: Where) =>
  (await req.payload.find({ collection: collection as CollectionSlug, where, ...system, req })).docs as unknown as Doc[]

const some = (req: PayloadRequest, collection: string, field: string, values: ID[]) =>
  values.length ? all(req, collection, { [field]: { in: values } }) : Promise.resolve([])

const idList = (docs: Doc[]) => docs.map((doc) => doc.id)

/** What the pupil's family was told about them (an absence, a bulletin, a bill): their name is in it (src/domain/familyNews `pupilsVar`). */
const toldAbout = async (req: PayloadRequest, student: ID) => {
  const db = await dbOf(req)
  const { rows } = await db.execute(sql`select id from notifications where ${String(student)} = any(string_to_array(vars->>'pupils', ','))`)
  return some(req, 'notifications', 'id', (rows as { id: number }[]).map((row) => row.id))
}

/** The audit entries about these records (by collection), or made by the person's account. */
const auditOf = async (req: PayloadRequest, about: Record<string, ID[]>, userId: ID | undefined) => {
  const clauses: Where[] = Object.entries(about)
    .filter(([, ids]) => ids.length)
    .map(([collection, ids]): Where => ({ collection: { equals: collection }, documentId: { in: ids.map(String) } }))
  if (userId != null) clauses.push({ user: { equals: userId } })
  return clauses.length ? all(req, 'audit-logs', { or: clauses }) : []
}

/** What the person's account wrote and took part in: their conversations, their messages, the files they attached. */
const correspondenceOf = async (req: PayloadRequest, user: Doc | null): Promise<Record<string, Doc[]>> => {
  if (!user) return {}
  const [conversations, messages, attachments] = await Promise.all([
    all(req, 'conversations', { participants: { in: [user.id] } }),
    all(req, 'messages', { author: { equals: user.id } }),
    all(req, 'message-attachments', { uploadedBy: { equals: user.id } }),
  ])
  return { conversations, messages, 'message-attachments': attachments }
}

const userOf = async (req: PayloadRequest, record: Doc) => {
  const id = idOf(record.user as never)
  return id == null ? null : ((await req.payload.findByID({ collection: 'users', id, ...system, disableErrors: true, req })) as unknown as Doc | null)
}

export const studentDossier = async (req: PayloadRequest, id: ID): Promise<Dossier> => {
  const record = (await req.payload.findByID({ collection: 'students', id, ...system, req })) as unknown as Doc
  const user = await userOf(req, record)
  const of = (collection: string) => all(req, collection, { student: { equals: id } })
  const [enrollments, attendance, grades, reportCards, invoices, discounts, linkCodes] = await Promise.all(
    ['enrollments', 'attendance', 'grades', 'report-cards', 'invoices', 'discounts', 'link-codes'].map(of),
  )
  const payments = await all(req, 'payments', { or: [{ student: { equals: id } }, ...(invoices.length ? [{ invoice: { in: idList(invoices) } }] : [])] })
  const paymentEvents = await some(req, 'payment-events', 'payment', idList(payments))
  const guardians = await some(req, 'guardians', 'id', idsOf(record.guardians))
  const mediaIds = [record.photo, user?.avatar, ...attendance.map((row) => row.justificationDocument)].map((ref) => idOf(ref as never)).filter((ref): ref is ID => ref != null)
  const media = await some(req, 'media', 'id', mediaIds)
  const ownNotifications = user ? await all(req, 'notifications', { user: { equals: user.id } }) : []
  const notifications = [...ownNotifications, ...(await toldAbout(req, id)).filter((doc) => !ownNotifications.some((mine) => String(mine.id) === String(doc.id)))]
  const records: Record<string, Doc[]> = {
    enrollments,
    attendance,
    grades,
    'report-cards': reportCards,
    invoices,
    payments,
    'payment-events': paymentEvents,
    discounts,
    guardians,
    'link-codes': linkCodes,
    media,
    notifications,
    ...(await correspondenceOf(req, user)),
  }
  const about = { students: [id], ...(user ? { users: [user.id] } : {}), ...Object.fromEntries(Object.entries(records).map(([slug, docs]) => [slug, idList(docs)])) }
  records['audit-logs'] = await auditOf(req, about, user?.id)
  return { person: 'student', record, user, records }
}

export const guardianDossier = async (req: PayloadRequest, id: ID): Promise<Dossier> => {
  const record = (await req.payload.findByID({ collection: 'guardians', id, ...system, joins: false, req })) as unknown as Doc
  const user = await userOf(req, record)
  const byUser = (collection: string, field: string) => (user ? all(req, collection, { [field]: { equals: user.id } }) : Promise.resolve([]))
  const [children, invoices, payments, uploads, linkCodes] = await Promise.all([
    all(req, 'students', { guardians: { in: [id] } }),
    all(req, 'invoices', { payers: { in: [id] } }),
    byUser('payments', 'recordedBy'),
    byUser('media', 'uploadedBy'),
    all(req, 'link-codes', { or: [{ guardian: { equals: id } }, ...(user ? [{ usedBy: { equals: user.id } }] : [])] }),
  ])
  const notifications = await all(req, 'notifications', { or: [{ guardian: { equals: id } }, ...(user ? [{ user: { equals: user.id } }] : [])] })
  const avatar = idOf(user?.avatar as never)
  const media = avatar != null && !uploads.some((doc) => String(doc.id) === String(avatar)) ? [...uploads, ...(await some(req, 'media', 'id', [avatar]))] : uploads
  const records: Record<string, Doc[]> = {
    // The children as far as the guardian's dossier goes: who they are, not their own records.
    students: children.map((child) => ({ id: child.id, matricule: child.matricule, fullName: child.fullName, lastName: child.lastName, postName: child.postName, firstName: child.firstName, guardians: child.guardians })),
    invoices,
    payments,
    'link-codes': linkCodes,
    media,
    notifications,
    ...(await correspondenceOf(req, user)),
  }
  const about = { guardians: [id], ...(user ? { users: [user.id] } : {}), payments: idList(payments), 'link-codes': idList(linkCodes), media: idList(media) }
  records['audit-logs'] = await auditOf(req, about, user?.id)
  return { person: 'guardian', record, user, records }
}

export const dossierOf = (req: PayloadRequest, person: Person, id: ID) => (person === 'student' ? studentDossier(req, id) : guardianDossier(req, id))

/** Where a media record's file (and its resized copies) lie on disk. */
export const mediaFiles = (req: PayloadRequest, media: Doc) => {
  const folder = path.resolve(String(req.payload.collections.media.config.upload.staticDir ?? 'media'))
  const sizes = Object.values((media.sizes ?? {}) as Record<string, { filename?: string | null }>).map((size) => size?.filename)
  return [media.filename, ...sizes].filter((name): name is string => typeof name === 'string' && name !== '').map((name) => path.join(folder, path.basename(name)))
}
