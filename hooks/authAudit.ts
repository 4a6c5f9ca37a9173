import type { AfterErrorHook, CollectionAfterLoginHook, CollectionAfterLogoutHook } from 'payload'
import { idsOf } from '../src/access/ids'
import { writeAudit } from './audit'

export const auditLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  await writeAudit(req, {
    action: 'login',
    collection: 'users',
    documentId: user.id,
    school: idsOf(user.schools)[0],
    actor: user,
  })
  return user
}

export const auditLogout: CollectionAfterLogoutHook = async ({ req }) => {
  if (!req.user) return
  await writeAudit(req, {
    action: 'logout',
    collection: 'users',
    documentId: req.user.id,
    school: idsOf(req.user.schools)[0],
  })
}

const loginErrors = new Set(['AuthenticationError', 'LockedAuth', 'UnverifiedEmail'])

/** The e-mail a failed login tried, from a REST body or GraphQL variables/arguments. */
const attemptedEmail = (data: unknown): string | undefined => {
  const body = (data ?? {}) as { email?: string; variables?: { email?: string }; query?: string }
  return body.email ?? body.variables?.email ?? body.query?.match(/email:\s*"([^"]+)"/)?.[1]
}

/**
 * Failed logins end in an error, after which no collection hook runs; Payload's global
 * afterError hook sees them on REST and GraphQL. The entry is written outside the
 * request's (rolled back) transaction.
 */
export const auditFailedLogin: AfterErrorHook = async ({ error, req }) => {
  const original = (error as { originalError?: Error }).originalError ?? error
  if (!req || !loginErrors.has(original?.name ?? '')) return
  const email = attemptedEmail(req.data)
  const known = email
    ? await req.payload.find({ collection: 'users', where: { email: { equals: email.toLowerCase() } }, limit: 1, depth: 0, overrideAccess: true })
    : null
  const user = known?.docs[0]
  await writeAudit(
    req,
    {
      action: 'loginFailed',
      collection: 'users',
      documentId: user?.id,
      school: user ? idsOf(user.schools)[0] : undefined,
      actor: user ? { id: user.id, email: user.email } : null,
      actorEmail: email,
      changes: [{ field: 'reason', after: original.name }],
    },
    true,
  )
}
