import { rm } from 'node:fs/promises'
import type { CollectionSlug, PayloadRequest } from 'payload'
import { idOf, type ID } from '../access/ids'
import { inTransaction } from '../db/transaction'
import { accountFate, erasurePatch, scrubChanges, type Person } from '../domain/privacy'
import { writeAudit } from '../../hooks/audit'
import { dossierOf, mediaFiles } from './dossier'

type Doc = Record<string, unknown> & { id: ID }
export type ErasureCounts = { anonymised: Record<string, number>; deleted: Record<string, number>; auditEntriesScrubbed: number; account: 'anonymise' | 'unlink' | 'none' }

/** The collections a rule may touch, the records that point at files before the files' own. */
const order = ['students', 'users', 'enrollments', 'attendance', 'grades', 'report-cards', 'invoices', 'payments', 'discounts', 'link-codes', 'notifications', 'media']

/**
 * Erases a pupil or a guardian as `src/domain/privacy.ts` rules, in one transaction: every
 * record anonymised or deleted, older audit entries scrubbed, one `erase` entry (counts only)
 * written, or nothing at all. Writes go through the adapter, not the collections' hooks: the
 * audit trail's hook would copy each erased value into a new entry, and a payment's rules refuse
 * any change to a settled payment (its amounts are indeed untouched). Files leave the disk only
 * once the transaction has committed, so a failed erase keeps them too.
 */
export const erasePerson = async (req: PayloadRequest, person: Person, id: ID): Promise<ErasureCounts> => {
  const own = person === 'student' ? 'students' : 'guardians'
  const files: string[] = []
  const counts = await inTransaction(req, async () => {
    const { record, user, records } = await dossierOf(req, person, id)
    const counts: ErasureCounts = { anonymised: {}, deleted: {}, auditEntriesScrubbed: 0, account: 'none' }
    const touched: Record<string, ID[]> = { [own]: [id] }
    const note = (kind: 'anonymised' | 'deleted', collection: string, doc: Doc) => {
      counts[kind][collection] = (counts[kind][collection] ?? 0) + 1
      touched[collection] = [...(touched[collection] ?? []), doc.id]
    }
    // The adapter writes a whole row (an upsert), as Payload's own update does: the stored row with the patch over it.
    const rewrite = async (collection: string, docId: ID, patch: Record<string, unknown>) => {
      const slug = collection as CollectionSlug
      const stored = await req.payload.db.findOne({ collection: slug, where: { id: { equals: docId } }, req })
      await req.payload.db.updateOne({ collection: slug, id: docId, data: { ...stored, ...patch }, req })
    }
    const apply = async (collection: string, doc: Doc) => {
      const patch = erasurePatch(person, collection, doc, id)
      if (patch === 'delete') {
        if (collection === 'media') files.push(...mediaFiles(req, doc))
        await req.payload.db.deleteOne({ collection: collection as CollectionSlug, where: { id: { equals: doc.id } }, req })
        note('deleted', collection, doc)
      } else if (patch && Object.keys(patch).length) {
        await rewrite(collection, doc.id, patch)
        note('anonymised', collection, doc)
      }
    }
    const ownPatch = erasurePatch(person, own, record, id) as Record<string, unknown>
    if (user) {
      const others = await Promise.all(
        (['students', 'guardians'] as const).map((collection) =>
          req.payload.count({ collection, where: { user: { equals: user.id }, ...(collection === own ? { id: { not_equals: id } } : {}) }, overrideAccess: true, req }),
        ),
      )
      counts.account = accountFate(person, (user.roles as string[]) ?? [], others.reduce((sum, found) => sum + found.totalDocs, 0))
      if (counts.account === 'anonymise') await apply('users', user)
      else ownPatch.user = null
    }
    for (const collection of order) for (const doc of records[collection] ?? []) await apply(collection, doc)
    await rewrite(own, id, ownPatch)
    counts.anonymised[own] = 1

    for (const [collection, ids] of Object.entries(touched)) {
      const entries = await req.payload.db.find({ collection: 'audit-logs', where: { collection: { equals: collection }, documentId: { in: ids.map(String) } }, limit: 0, pagination: false, req })
      for (const entry of entries.docs as Doc[]) {
        const changes = scrubChanges(person, collection, entry.changes)
        if (JSON.stringify(changes) === JSON.stringify(entry.changes ?? [])) continue
        await rewrite('audit-logs', entry.id, { changes })
        counts.auditEntriesScrubbed += 1
      }
    }
    // What the person did themselves: the trail keeps that the (now pseudonymous) account acted, not from where.
    if (user && counts.account === 'anonymise') {
      const acted = await req.payload.db.find({ collection: 'audit-logs', where: { or: [{ user: { equals: user.id } }, { actorEmail: { equals: user.email } }] }, limit: 0, pagination: false, req })
      const email = (erasurePatch(person, 'users', user, id) as Record<string, unknown>).email
      for (const entry of acted.docs as Doc[]) {
        await rewrite('audit-logs', entry.id, { actorEmail: email, ip: null, userAgent: null })
        counts.auditEntriesScrubbed += 1
      }
    }
    await writeAudit(req, { action: 'erase', collection: own, documentId: id, school: idOf(record.school as never), changes: [{ field: 'erased', after: counts }] })
    return counts
  })
  await Promise.all(files.map((file) => rm(file, { force: true })))
  return counts
}
