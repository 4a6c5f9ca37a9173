import { ValidationError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import { passwordProblem } from '../src/domain/passwords'
import { tReq } from '../src/i18n'

const check = (req: PayloadRequest, password: string, email?: string) => {
  const problem = passwordProblem(password, email)
  if (!problem) return
  const { code, ...vars } = problem
  throw new ValidationError({
    collection: 'users',
    errors: [{ path: 'password', message: tReq(req, `errors.${code}`, vars as Record<string, number>) }],
  })
}

/** Creating an account or changing a password: after access control, so it discloses nothing. */
export const passwordOnChange: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (typeof data.password === 'string') check(req, data.password, data.email ?? originalDoc?.email)
  return data
}

/** Resetting with an e-mailed token runs no change hook: the same rule, before Payload hashes it. */
export const passwordOnReset: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const { data } = args as { data?: { password?: unknown } }
  if (operation === 'resetPassword' && typeof data?.password === 'string') check(req, data.password)
  return args
}
