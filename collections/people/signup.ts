import { ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import { bodyOf } from '../../src/api/request'
import { passwordProblem } from '../../src/domain/passwords'
import { languages, tReq, type Language } from '../../src/i18n'
import { invalid, type FieldError } from '../../hooks/invalid'

// One @, something on each side, a dot in the domain: the verification e-mail does the rest.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type SignUp = { email: string; password: string; name: string; language: Language }

/** What the form sent, checked field by field before anything is looked up. */
const checked = (req: PayloadRequest, body: Record<string, unknown>): SignUp => {
  const errors: FieldError[] = []
  const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : ''
  const name = typeof body.name === 'string' ? body.name.trim() : ''
  const password = typeof body.password === 'string' ? body.password : ''
  const language = body.language ?? 'fr'
  if (!emailShape.test(email) || email.length > 254) errors.push({ path: 'email', message: tReq(req, 'errors.signup.email') })
  if (!name || name.length > 200) errors.push({ path: 'name', message: tReq(req, 'errors.required') })
  const problem = password ? passwordProblem(password, email) : ({ code: 'required' } as const)
  if (problem) {
    const { code, ...vars } = problem
    errors.push({ path: 'password', message: tReq(req, `errors.${code}`, vars as Record<string, number>) })
  }
  if (!languages.includes(language as Language)) errors.push({ path: 'language', message: tReq(req, 'errors.signup.language') })
  if (errors.length) throw invalid(req, errors)
  return { email, password, name, language: language as Language }
}

/** A create refused because the address is taken (two sign-ups at once): answered like any other. */
const emailTaken = (error: unknown) =>
  error instanceof ValidationError && (error.data?.errors ?? []).some((e: { path?: string }) => e.path === 'email')

/**
 * A family's own account. Always a parent, of no school, unverified (Payload e-mails the
 * verification link); nothing else from the form is read. The answer is the same whether the
 * address was new or already known, so nobody learns who has an account; a known address gets
 * nothing created.
 */
export const signUp = async (req: PayloadRequest, body: Record<string, unknown>) => {
  const { email, password, name, language } = checked(req, body)
  const known = await req.payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, req })
  if (!known.totalDocs) {
    try {
      // As nobody, whoever calls: a signed-in caller's roles and schools must not shape the new account.
      await req.payload.create({
        collection: 'users',
        data: { email, password, name, language, roles: ['parent'], schools: [], active: true },
        overrideAccess: true,
        req: { headers: req.headers, i18n: req.i18n },
      })
    } catch (error) {
      if (!emailTaken(error)) throw error
    }
  }
  return { message: tReq(req, 'signup.checkInbox', { email }) }
}

/** `POST /api/users/signup {email, password, name, language}`: the portal's sign-up form over REST. */
export const signupEndpoint: Endpoint = {
  path: '/signup',
  method: 'post',
  handler: async (req) => Response.json(await signUp(req, await bodyOf(req)), { status: 202 }),
}
