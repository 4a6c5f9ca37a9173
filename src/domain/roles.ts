export const roles = ['it', 'admin', 'secretariat', 'finance', 'teacher', 'parent', 'student'] as const
export type Role = (typeof roles)[number]

/** Roles that work for a school and see its records through `school`. */
export const staffRoles: readonly Role[] = ['admin', 'secretariat', 'finance', 'teacher']

/** A deactivated account is worth nothing, whatever way it authenticated. */
export const isActive = (user: unknown) => Boolean(user) && (user as { active?: unknown }).active !== false

/** The roles a user holds; a deactivated account holds none. */
export const rolesOf = (user: unknown): Role[] => {
  if (!isActive(user)) return []
  const held = (user as { roles?: unknown }).roles
  return Array.isArray(held) ? (held.filter((r) => roles.includes(r)) as Role[]) : []
}

export const hasAnyRole = (user: unknown, wanted: readonly Role[]) =>
  rolesOf(user).some((role) => wanted.includes(role))

/**
 * Who may give which roles: `it` gives any; `admin` gives any but `it`.
 * Returns the roles the granter may not give among those requested.
 */
export const rolesNotGrantable = (granter: readonly Role[], requested: readonly Role[]): Role[] => {
  if (granter.includes('it')) return []
  if (granter.includes('admin')) return requested.filter((role) => role === 'it')
  return [...requested]
}
