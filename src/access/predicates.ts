import type { Access, AccessArgs, AccessResult, PayloadRequest, Where } from 'payload'
import { hasAnyRole, isActive, type Role } from '../domain/roles'
import { idOf, idsOf, type ID } from './ids'

export type Predicate = (args: AccessArgs) => AccessResult | Promise<AccessResult>

/** Grants what any of the predicates grants: `true` wins, `Where` filters are OR-ed. */
export const anyOf =
  (...predicates: Predicate[]): Access =>
  async (args) => {
    const results = await Promise.all(predicates.map((p) => p(args)))
    if (results.some((r) => r === true)) return true
    const filters = results.filter((r): r is Where => Boolean(r) && typeof r === 'object')
    if (filters.length === 0) return false
    return filters.length === 1 ? filters[0] : { or: filters }
  }

export const nobody: Predicate = () => false

export const hasRole =
  (...roles: Role[]): Predicate =>
  ({ req }) =>
    hasAnyRole(req.user, roles)

export const isIT = hasRole('it')

export const schoolsOf = (req: PayloadRequest): ID[] => idsOf(req.user?.schools)

/**
 * Staff with one of `roles`, limited to records of their own schools through `field`
 * (`school` for most records, `schools` for people who work in several).
 */
export const staffOf =
  (roles: Role[], field = 'school'): Predicate =>
  ({ req }) => {
    if (!hasAnyRole(req.user, roles)) return false
    const schools = schoolsOf(req)
    return schools.length ? { [field]: { in: schools } } : false
  }

/**
 * Creation by staff of their own schools. Create access cannot filter, so it checks the
 * submitted school; without one (the admin's create form asks with a draft that names none, or
 * a request leaving the school to its default, the user's own) it answers for the role, and the
 * school field's validation keeps the record within the user's schools.
 */
export const staffCreates =
  (roles: Role[], field = 'school'): Predicate =>
  ({ req, data }) => {
    if (!hasAnyRole(req.user, roles)) return false
    const schools = schoolsOf(req).map(String)
    if (!data || data[field] === undefined) return schools.length > 0
    const submitted = field === 'schools' ? idsOf(data[field]) : [idOf(data[field])]
    return submitted.length > 0 && submitted.every((id) => id !== undefined && schools.includes(String(id)))
  }

export const isSelf: Predicate = ({ req }) => (req.user && isActive(req.user) ? { id: { equals: req.user.id } } : false)

/**
 * The usual write rules of a school's register: IT anywhere; `write` roles create and change
 * records of their own schools; `remove` roles delete them.
 */
export const managedBy = (write: Role[], remove: Role[], field = 'school') => ({
  create: anyOf(isIT, staffCreates(write, field)),
  update: anyOf(isIT, staffOf(write, field)),
  delete: anyOf(isIT, staffOf(remove, field)),
})
