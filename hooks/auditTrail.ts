import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { idOf, idsOf } from '../src/access/ids'
import { auditChanges, masked } from '../src/domain/audit'
import { writeAudit } from './audit'

type Doc = Record<string, unknown> & { id: number | string }

/** Set on the request context by a collection that saw a new password (Payload removes it before afterChange). */
export const passwordChanged = 'kelasi:passwordChanged'

/** The school an entry belongs to, so a school's direction reads its own trail. */
const schoolOf = (slug: string, doc: Doc, operation: string) => {
  if (slug === 'schools') return operation === 'delete' ? undefined : doc.id
  return idOf(doc.school as never) ?? idsOf(doc.schools)[0]
}

/** Who changed what, with the before/after of each changed field. */
export const auditTrail: CollectionAfterChangeHook & CollectionAfterDeleteHook = async (args) => {
  const { collection, doc, req } = args
  const operation = 'operation' in args ? args.operation : 'delete'
  const before = operation === 'create' ? null : ('previousDoc' in args ? args.previousDoc : doc)
  const after = operation === 'delete' ? null : doc
  const changes = auditChanges(before, after)
  if (operation === 'update' && args.context?.[passwordChanged])
    changes.push({ field: 'password', before: masked, after: masked })
  if (operation === 'update' && changes.length === 0) return doc
  await writeAudit(req, {
    action: operation,
    collection: collection.slug,
    documentId: doc.id,
    school: schoolOf(collection.slug, doc, operation),
    changes,
  })
  return doc
}
