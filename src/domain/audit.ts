/** Fields whose values never reach the audit log, whatever the collection. */
export const secretFields = new Set([
  'password',
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  '_verificationToken',
  'apiKey',
  'apiKeyIndex',
  'enableAPIKey',
  'sessions',
  'loginAttempts',
  'lockUntil',
  'codeHash',
])
/** Bookkeeping fields that change on every save and say nothing. */
const ignoredFields = new Set(['updatedAt', 'createdAt'])
export const masked = '••••••'

type Doc = Record<string, unknown> | null | undefined
export type Change = { field: string; before?: unknown; after?: unknown }

const normalise = (value: unknown): unknown => {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'id' in value) return (value as { id: unknown }).id
  if (Array.isArray(value)) return value.map(normalise)
  return value ?? null
}

const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b))

/**
 * The fields that differ between two versions of a record, relations reduced to ids
 * and secrets masked (a changed password shows as changed, never its value). Between two
 * versions only the fields of the new one count: hidden fields that a reader never gets
 * back are not "removed".
 */
export const auditChanges = (before: Doc, after: Doc): Change[] => {
  const fields = new Set(before && after ? Object.keys(after) : [...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const changes: Change[] = []
  for (const field of [...fields].sort()) {
    if (ignoredFields.has(field) || field === 'id') continue
    const b = before?.[field]
    const a = after?.[field]
    if (same(b, a)) continue
    if (secretFields.has(field)) {
      changes.push({ field, before: b == null ? null : masked, after: a == null ? null : masked })
      continue
    }
    changes.push({ field, before: normalise(b), after: normalise(a) })
  }
  return changes
}
