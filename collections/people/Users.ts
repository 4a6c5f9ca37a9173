import { APIError, type CollectionBeforeOperationHook, type CollectionConfig, type FieldAccess, type PayloadRequest } from 'payload'
import { idsOf } from '../../src/access/ids'
import { anyOf, isIT, isSelf, schoolsOf, staffCreates, staffOf } from '../../src/access/predicates'
import { hasAnyRole, roles, rolesNotGrantable, rolesOf, staffRoles } from '../../src/domain/roles'
import { label, languages, options, tReq } from '../../src/i18n'
import { resetEmail, verifyEmail } from '../../src/email/templates'
import { auditTrail, noteSecretChange } from '../../hooks/auditTrail'
import { AccountInactive, auditLogin, auditLogout, auditPasswordReset } from '../../hooks/authAudit'
import { adminSpeaksUserLanguage } from '../../hooks/language'
import { forgiveLogin, rateLimited } from '../../src/security/rateLimits'
import { passwordOnChange, passwordOnReset } from '../../hooks/passwordPolicy'
import { naming, phone, schools, text } from '../fields'
import { signupEndpoint } from './signup'
import { notificationPreferences } from './notificationPreferences'

const forbidden = (req: PayloadRequest, key: string) => new APIError(tReq(req, key), 403, null, true)

/**
 * Someone other than IT changes or deletes another person's account only when it is not an IT
 * account and every school of that account is one of theirs.
 */
const guardAccount = (req: PayloadRequest, target: { id?: unknown; roles?: unknown; schools?: unknown } | null) => {
  if (!req.user || !target || hasAnyRole(req.user, ['it']) || String(target.id) === String(req.user.id)) return
  if (rolesOf({ roles: target.roles }).includes('it')) throw forbidden(req, 'errors.itAccountProtected')
  const mine = schoolsOf(req).map(String)
  if (!idsOf(target.schools).every((id) => mine.includes(String(id))))
    throw forbidden(req, 'errors.sharedAccount')
}

/** Unlocking names the account by e-mail: the same guard, before Payload unlocks it. */
const unlockGuard: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const email = (args as { data?: { email?: string } }).data?.email
  if (operation !== 'unlock' || !email) return args
  const found = await req.payload.find({ collection: 'users', where: { email: { equals: email.toLowerCase() } }, limit: 1, depth: 0, overrideAccess: true, req })
  guardAccount(req, found.docs[0] ?? null)
  return args
}

const directs: FieldAccess = ({ req }) => hasAnyRole(req.user, ['it', 'admin'])

const secureCookies = (process.env.SERVER_URL || '').startsWith('https://')

export const Users: CollectionConfig = {
  slug: 'users',
  ...naming('users', 'User', 'Users'),
  admin: {
    group: label('groups.people'),
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'active'],
    listSearchableFields: ['name', 'email', 'phone'],
  },
  auth: {
    verify: verifyEmail,
    forgotPassword: { ...resetEmail, expiration: 60 * 60 * 1000 },
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // Every request loads its user: keep relations as ids (access rules only need the ids).
    depth: 0,
    useAPIKey: true,
    useSessions: true,
    cookies: { sameSite: 'Lax', secure: secureCookies },
  },
  access: {
    admin: ({ req }) => hasAnyRole(req.user, ['it', ...staffRoles]),
    read: anyOf(isIT, isSelf, staffOf(['admin', 'secretariat'], 'schools')),
    create: anyOf(isIT, staffCreates(['admin'], 'schools')),
    update: anyOf(isIT, isSelf, staffOf(['admin'], 'schools')),
    delete: anyOf(isIT, staffOf(['admin'], 'schools')),
    unlock: anyOf(isIT, staffOf(['admin'], 'schools')),
  },
  fields: [
    text('name', { required: true }),
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      saveToJWT: true,
      defaultValue: ['parent'],
      label: label('fields.roles'),
      options: options('roles', roles),
      access: { create: directs, update: directs },
      validate: (value, { req, previousValue }) => {
        const requested = rolesOf({ roles: value })
        if (!requested.length) return tReq(req, 'errors.required')
        if (!req.user) return true
        // Only roles being given now are checked: keeping one's roles is not granting them.
        const held = rolesOf({ roles: previousValue })
        const added = requested.filter((role) => !held.includes(role))
        return rolesNotGrantable(rolesOf(req.user), added).length === 0 || tReq(req, 'errors.onlyItGrantsIt')
      },
    },
    schools({ saveToJWT: true, access: { create: directs, update: directs } }),
    phone(),
    {
      name: 'language',
      type: 'select',
      defaultValue: 'fr',
      saveToJWT: true,
      label: label('fields.language'),
      options: options('language', languages),
    },
    { name: 'avatar', type: 'upload', relationTo: 'media', label: label('fields.avatar') },
    notificationPreferences,
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      label: label('fields.active'),
      access: { create: directs, update: directs },
      admin: { position: 'sidebar' },
    },
  ],
  // A family's own sign-up (always a parent of no school); staff accounts are created by the direction.
  endpoints: [signupEndpoint],
  hooks: {
    beforeOperation: [rateLimited, passwordOnReset, unlockGuard],
    beforeChange: [
      async ({ context, data, originalDoc, operation, req }) => {
        if (operation === 'update') guardAccount(req, originalDoc)
        if (typeof data.password === 'string') noteSecretChange(context, 'password')
        const givesKey = (typeof data.apiKey === 'string' && data.apiKey !== '') || (data.enableAPIKey && !originalDoc?.enableAPIKey)
        if (givesKey) {
          if (req.user && !hasAnyRole(req.user, ['it'])) throw forbidden(req, 'errors.onlyItSetsApiKeys')
          noteSecretChange(context, 'apiKey')
        }
        // A deactivated account loses its open sessions and its API key at once.
        if (data.active === false && originalDoc?.active !== false)
          Object.assign(data, { sessions: [], enableAPIKey: false, apiKey: null, apiKeyIndex: null })
        return data
      },
      passwordOnChange,
    ],
    beforeDelete: [
      async ({ id, req }) => guardAccount(req, await req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req })),
    ],
    beforeLogin: [
      ({ user, req }) => {
        if (user.active === false) throw new AccountInactive(tReq(req, 'errors.accountInactive'))
        return user
      },
    ],
    afterOperation: [auditPasswordReset],
    afterLogin: [forgiveLogin, auditLogin, adminSpeaksUserLanguage],
    afterLogout: [auditLogout],
    afterChange: [auditTrail],
    afterDelete: [auditTrail],
  },
}
