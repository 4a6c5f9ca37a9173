import { APIError, type CollectionConfig, type FieldAccess, type PayloadRequest } from 'payload'
import { anyOf, hasRole, isIT, isSelf, staffCreates, staffOf } from '../../src/access/predicates'
import { hasAnyRole, roles, rolesNotGrantable, rolesOf, staffRoles } from '../../src/domain/roles'
import { label, languages, options, tReq } from '../../src/i18n'
import { resetEmail, verifyEmail } from '../../src/email/templates'
import { auditTrail, passwordChanged } from '../../hooks/auditTrail'
import { auditLogin, auditLogout } from '../../hooks/authAudit'
import { adminSpeaksUserLanguage } from '../../hooks/language'
import { passwordPolicy } from '../../hooks/passwordPolicy'
import { naming, phone, schools, text } from '../fields'

const itAccountProtected = (req: PayloadRequest) => new APIError(tReq(req, 'errors.itAccountProtected'), 403, null, true)

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
    unlock: anyOf(isIT, hasRole('admin')),
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
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      label: label('fields.active'),
      access: { create: directs, update: directs },
      admin: { position: 'sidebar' },
    },
  ],
  hooks: {
    beforeOperation: [passwordPolicy],
    beforeChange: [
      async ({ context, data, originalDoc, operation, req }) => {
        if (operation === 'update' && req.user && !hasAnyRole(req.user, ['it']) && rolesOf(originalDoc).includes('it'))
          throw itAccountProtected(req)
        if (typeof data.password === 'string') context[passwordChanged] = true
        // A deactivated account loses its open sessions at once.
        if (data.active === false && originalDoc?.active !== false) data.sessions = []
        return data
      },
    ],
    beforeDelete: [
      async ({ id, req }) => {
        if (!req.user || hasAnyRole(req.user, ['it'])) return
        const target = await req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req })
        if (rolesOf(target).includes('it')) throw itAccountProtected(req)
      },
    ],
    beforeLogin: [
      ({ user, req }) => {
        if (user.active === false) throw new APIError(tReq(req, 'errors.accountInactive'), 403, null, true)
        return user
      },
    ],
    afterLogin: [auditLogin, adminSpeaksUserLanguage],
    afterLogout: [auditLogout],
    afterChange: [auditTrail],
    afterDelete: [auditTrail],
  },
}
