import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import { createLocalReq, executeAuthStrategies, getLocalI18n, getPayload, type PayloadRequest } from 'payload'
import type { User } from '../payload-types'
import { hasAnyRole } from '../src/domain/roles'
import type { Locale } from './i18n/locales'

export type Payload = Awaited<ReturnType<typeof getPayload>>

/**
 * The visitor as Payload's own auth strategies see them (the HttpOnly cookie and its session), once
 * per render. Not `payload.auth`: it also works out the admin panel's permissions on every
 * collection, which the portal never reads, running each collection's access rules (for a parent,
 * 37 queries and about 28 ms of a page).
 */
export const session = cache(async () => {
  const payload = await getPayload({ config })
  const { user } = await executeAuthStrategies({ headers: await headers(), payload, canSetHeaders: false })
  return { payload, user: (user as User | null) ?? null }
})

/**
 * A Local API request in the visitor's language with their headers (the audit log's "from
 * where"), as `user` when signed in: every read and write passes it with overrideAccess: false.
 */
export const localReq = async (payload: Payload, locale: Locale, user?: User | null): Promise<PayloadRequest> => {
  const i18n = await getLocalI18n({ config: payload.config, language: locale })
  return createLocalReq({ req: { headers: new Headers(await headers()), i18n } as never, user: user ? ({ ...user, collection: 'users' } as never) : undefined }, payload)
}

/** The signed-in family member, or the login page, which brings them back to `next`. */
export const familyMember = async (locale: Locale, next: string) => {
  const { payload, user } = await session()
  if (!user) redirect(`/${locale}/login?next=${encodeURIComponent(next)}`)
  return { payload, user, req: await localReq(payload, locale, user), isParent: hasAnyRole(user, ['parent']), isStudent: hasAnyRole(user, ['student']) }
}

export type FamilyMember = Awaited<ReturnType<typeof familyMember>>
