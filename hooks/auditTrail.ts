import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, RequestContext } from 'payload'
import { schoolIdsOf } from '../src/access/ids'
import { auditChanges, masked } from '../src/domain/audit'
import { writeAudit } from './audit'

type Doc = Record<string, unknown> & { id: number | string }

const secretsChanged = 'kelasi:secretsChanged'

/**
 * For collections that see a secret change (a password, an API key) that Payload strips before
 * afterChange: the trail records that it changed, never its value.
 */
export const noteSecretChange = (context: RequestContext, field: string) => {
  context[secretsChanged] = [...((context[secretsChanged] as string[]) ?? []), field]
}

/** The school an entry belongs to, so a school's direction reads its own trail. */
const schoolOf = (slug: string, doc: Doc, operation: string) => {
  if (slug === 'schools') return operation === 'delete' ? undefined : doc.id
  return schoolIdsOf(doc)[0]
}

/**
 * Who changed what, with the before/after of each changed field. The "after" side is read back
 * from the database: the caller's own view (a `select`, hidden fields) must not hide a change.
 */
export const auditTrail: CollectionAfterChangeHook & CollectionAfterDeleteHook = async (args) => {
  const { collection, doc, req } = args
  const operation = 'operation' in args ? args.operation : 'delete'
  const before = operation === 'create' ? null : 'previousDoc' in args ? args.previousDoc : doc
  const after =
    operation === 'delete'
      ? null
      : await req.payload.findByID({ collection: collection.slug as 'users', id: doc.id, depth: 0, overrideAccess: true, req })
  const changes = auditChanges(before, after as Doc | null)
  const secrets = (args.context?.[secretsChanged] as string[] | undefined) ?? []
  if (operation === 'update') for (const field of secrets) changes.push({ field, before: masked, after: masked })
  if (args.context) delete args.context[secretsChanged]
  if (operation === 'update' && changes.length === 0) return doc
  await writeAudit(req, {
    action: operation,
    collection: collection.slug,
    documentId: doc.id,
    school: schoolOf(collection.slug, (after ?? doc) as Doc, operation),
    changes,
  })
  return doc
}
