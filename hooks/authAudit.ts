import { APIError, type AfterErrorHook, type CollectionAfterLoginHook, type CollectionAfterLogoutHook, type CollectionAfterOperationHook } from 'payload'
import { masked } from '../src/domain/audit'
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

/** A deactivated account that tries to log in: refused with a clear message, and recorded. */
export class AccountInactive extends APIError {
  constructor(message: string) {
    super(message, 403, null, true)
    this.name = 'AccountInactive'
  }
}

/** A reset through an e-mailed token changes the password outside the change hooks. */
export const auditPasswordReset: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  const user = (result as { user?: { id: number | string; email?: string; schools?: unknown } } | undefined)?.user
  if (operation !== 'resetPassword' || !user) return result
  await writeAudit(req, {
    action: 'update',
    collection: 'users',
    documentId: user.id,
    school: idsOf(user.schools)[0],
    actor: { id: user.id, email: user.email },
    changes: [{ field: 'password', before: masked, after: masked }],
  })
  return result
}

const loginErrors = new Set(['AuthenticationError', 'LockedAuth', 'UnverifiedEmail', 'AccountInactive'])

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
