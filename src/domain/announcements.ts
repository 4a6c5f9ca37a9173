/** Announcements: when one is on show, and whom it speaks to. Pure rules, no Payload. */

type ID = number | string

/** What the writer chooses: still being written, or ready to go out (now or at its date). */
export const announcementStates = ['draft', 'ready'] as const
/** What everyone sees, derived from the choice and the dates. */
export const announcementStatuses = ['draft', 'scheduled', 'published', 'expired'] as const
export type AnnouncementStatus = (typeof announcementStatuses)[number]

export const audienceScopes = ['school', 'level', 'class', 'role'] as const
export type AudienceScope = (typeof audienceScopes)[number]
/** The groups of people a role announcement speaks to (staff: the direction, the desk, the accounts). */
export const audienceRoles = ['parents', 'students', 'teachers', 'staff'] as const
export type AudienceRole = (typeof audienceRoles)[number]

export type Dated = { state?: string | null; publishAt?: string | Date | null; expiresAt?: string | Date | null }

const time = (value: string | Date) => (value instanceof Date ? value.getTime() : Date.parse(value))

/**
 * A draft stays a draft; a ready announcement is scheduled until its publication time, published
 * from then on, and expired from its expiry: nobody has to touch it for it to change.
 */
export const announcementStatus = (a: Dated, now: Date = new Date()): AnnouncementStatus => {
  if (a.state !== 'ready') return 'draft'
  if (a.expiresAt && time(a.expiresAt) <= now.getTime()) return 'expired'
  if (a.publishAt && time(a.publishAt) > now.getTime()) return 'scheduled'
  return 'published'
}

export type Audience = { audience?: string | null; level?: ID | null; class?: ID | null; roles?: readonly string[] | null }
export type Problem = { field: 'level' | 'class' | 'roles' | 'expiresAt'; code: 'levelRequired' | 'classRequired' | 'rolesRequired' | 'expiresBeforePublish' }

/** What is missing or contradictory: the level, class or roles the scope needs; an expiry before the publication. */
export const announcementProblems = (a: Audience & Dated): Problem[] => {
  const problems: Problem[] = []
  if (a.audience === 'level' && a.level == null) problems.push({ field: 'level', code: 'levelRequired' })
  if (a.audience === 'class' && a.class == null) problems.push({ field: 'class', code: 'classRequired' })
  if (a.audience === 'role' && !a.roles?.length) problems.push({ field: 'roles', code: 'rolesRequired' })
  if (a.expiresAt && a.publishAt && time(a.expiresAt) <= time(a.publishAt)) problems.push({ field: 'expiresAt', code: 'expiresBeforePublish' })
  return problems
}

/** Only the field its scope uses is kept: a class left over from a first draft says nothing about a school announcement. */
export const audienceOf = (a: Audience) => ({
  audience: (a.audience ?? 'school') as AudienceScope,
  level: a.audience === 'level' ? (a.level ?? null) : null,
  class: a.audience === 'class' ? (a.class ?? null) : null,
  roles: a.audience === 'role' ? [...new Set(a.roles ?? [])].sort() : [],
})

/** The audience in one word, to tell whether the people told are still the audience (`class:12`, `role:parents,staff`). */
export const audienceKey = (a: Audience) => {
  const { audience, level, class: klass, roles } = audienceOf(a)
  if (audience === 'level') return `level:${level}`
  if (audience === 'class') return `class:${klass}`
  if (audience === 'role') return `role:${roles.join(',')}`
  return 'school'
}

/** One person of the school as an announcement sees them: their group, and the classes and levels they belong to. */
export type Member = { role: AudienceRole; classes: readonly ID[]; levels: readonly ID[] }

const among = (ids: readonly ID[], id: ID | null | undefined) => id != null && ids.map(String).includes(String(id))

/** The groups an audience speaks to: all for the school, the chosen ones for roles, a class's families and teachers, a level's families. */
export const groupsSpokenTo = (a: Audience): AudienceRole[] => {
  const { audience, roles } = audienceOf(a)
  if (audience === 'school') return [...audienceRoles]
  if (audience === 'role') return roles.filter((role): role is AudienceRole => (audienceRoles as readonly string[]).includes(role))
  return audience === 'class' ? ['parents', 'students', 'teachers'] : ['parents', 'students']
}

/**
 * Whether an announcement speaks to this person: their group must be spoken to, and for a level
 * or a class they must belong to it (a parent through their children, a teacher through the
 * classes they teach).
 */
export const reaches = (a: Audience, member: Member) => {
  const { audience, level, class: klass } = audienceOf(a)
  if (!groupsSpokenTo(a).includes(member.role)) return false
  if (audience === 'level') return among(member.levels, level)
  if (audience === 'class') return among(member.classes, klass)
  return true
}
