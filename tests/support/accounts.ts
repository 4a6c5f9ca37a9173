import type { Payload, TypedUser } from 'payload'
import { demoAccounts, demoPassword, otherAccounts } from '../../src/seed/accounts'

export { demoAccounts, demoPassword, otherAccounts }
export type Persona = keyof typeof demoAccounts

/** The user object the Local API takes as `user`, as Payload's auth would build it. */
export const userFor = async (payload: Payload, email: string): Promise<TypedUser> => {
  const found = await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })
  if (!found.docs[0]) throw new Error(`No user ${email} in the demo data`)
  return { ...found.docs[0], collection: 'users' } as TypedUser
}

/** A real JWT from a real login, for REST and GraphQL. */
export const tokenFor = async (payload: Payload, email: string, password = demoPassword) => {
  const result = await payload.login({ collection: 'users', data: { email, password } })
  if (!result.token) throw new Error(`Login failed for ${email}`)
  return result.token
}
