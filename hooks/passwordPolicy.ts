import { ValidationError, type CollectionBeforeOperationHook } from 'payload'
import { passwordProblem } from '../src/domain/passwords'
import { tReq } from '../src/i18n'

/**
 * Runs before create, update and reset-password alike, the three ways a password is set.
 * Payload's own check (non-empty) stays; this adds length, common passwords and e-mail.
 */
export const passwordPolicy: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (!['create', 'update', 'updateByID', 'resetPassword'].includes(operation)) return args
  const { data, id } = args as { data?: { password?: unknown; email?: string }; id?: number | string }
  if (typeof data?.password !== 'string') return args
  let email = data.email
  if (!email && operation !== 'create' && id) {
    const current = await req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req })
    email = current?.email
  }
  const problem = passwordProblem(data.password, email)
  if (!problem) return args
  const { code, ...vars } = problem
  throw new ValidationError({
    collection: 'users',
    errors: [{ path: 'password', message: tReq(req, `errors.${code}`, vars as Record<string, number>) }],
  })
}
