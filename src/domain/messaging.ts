import type { Role } from './roles'

type Id = number | string

/**
 * Who may write to whom, in the school's words. The glue (collections/communication) looks up,
 * for the person opening a conversation, the accounts each relation reaches; the rules here say
 * which relations each role may use.
 */
export type Reach = {
  /** For a teacher: the accounts of the pupils of the classes they teach, and of those pupils' guardians. */
  families: Id[]
  /** For a parent or a pupil: the accounts of the teachers of their children's (or their own) classes. */
  teachers: Id[]
  /** The accounts of the school's direction and secretariat. */
  desk: Id[]
  /** For the direction and the secretariat: the accounts of every guardian and pupil of the school. */
  school: Id[]
}

const desk: Role[] = ['admin', 'secretariat']
const staff: Role[] = ['it', ...desk, 'teacher']

/** Which of the relations a person holding `roles` may write through (IT: all of them, and beyond). */
export const reachGroups = (roles: readonly Role[]): (keyof Reach)[] => {
  const groups = new Set<keyof Reach>()
  if (roles.some((role) => desk.includes(role))) groups.add('school')
  if (roles.includes('teacher')) groups.add('families')
  if (roles.includes('parent') || roles.includes('student')) ['teachers', 'desk'].forEach((g) => groups.add(g as keyof Reach))
  return [...groups]
}

/** The accounts a person holding `roles` may open a conversation with. `null`: anyone (IT). */
export const reachable = (roles: readonly Role[], reach: Reach): Set<string> | null =>
  roles.includes('it') ? null : new Set(reachGroups(roles).flatMap((group) => reach[group]).map(String))

/** The recipients of a new direct conversation its opener may not write to (the opener is never a recipient). */
export const refusedRecipients = (opener: Id, roles: readonly Role[], recipients: readonly Id[], reach: Reach): Id[] => {
  const allowed = reachable(roles, reach)
  return recipients.filter((id) => String(id) !== String(opener) && allowed !== null && !allowed.has(String(id)))
}

/** The participants of a direct conversation: the opener and the recipients, each once. */
export const directParticipants = (opener: Id, recipients: readonly Id[]): Id[] => unique([opener, ...recipients])

export type Audience = 'guardians' | 'students' | 'both'
export type Pupil = { user?: Id | null; guardianUsers: Id[] }

/** The participants of a class conversation: its author and, per the audience, the pupils' and/or their guardians' accounts. */
export const classParticipants = (author: Id, audience: Audience, pupils: readonly Pupil[]): Id[] =>
  unique([
    author,
    ...pupils.flatMap((pupil) => [
      ...(audience !== 'guardians' && pupil.user != null ? [pupil.user] : []),
      ...(audience !== 'students' ? pupil.guardianUsers : []),
    ]),
  ])

/** Only staff write to a whole class: a teacher (of that class, checked by the glue), the direction or the secretariat. */
export const mayWriteToClass = (roles: readonly Role[]) => roles.some((role) => staff.includes(role))

/** Only a teacher or the staff close (or reopen) a conversation, never a family. */
export const mayClose = mayWriteToClass

export type Conversation = { kind: 'direct' | 'class'; status: 'open' | 'closed'; participants: readonly Id[] }
export type WriteRefusal = 'closed' | 'notParticipant' | 'familiesRead'

/** Why `user` may not post to the conversation, or null. IT writes anywhere open. */
export const writeRefusal = (conversation: Conversation, user: Id, roles: readonly Role[]): WriteRefusal | null => {
  if (conversation.status === 'closed') return 'closed'
  if (roles.includes('it')) return null
  if (!conversation.participants.map(String).includes(String(user))) return 'notParticipant'
  if (conversation.kind === 'class' && !mayWriteToClass(roles)) return 'familiesRead'
  return null
}

export type ReadReceipt = { user: Id; at: string }

/** The receipts as stored (each user populated or not), in this file's shape. */
export const receiptsOf = (reads: unknown): ReadReceipt[] =>
  ((reads as { user?: unknown; at?: string | null }[] | null | undefined) ?? []).flatMap((read) => {
    const user = read.user && typeof read.user === 'object' ? (read.user as { id: Id }).id : (read.user as Id | undefined)
    return user != null && read.at ? [{ user, at: read.at }] : []
  })

/** When `user` last read the conversation, or null. */
export const lastRead = (reads: readonly ReadReceipt[], user: Id) => {
  const times = reads.filter((read) => String(read.user) === String(user)).map((read) => Date.parse(read.at))
  return times.length ? Math.max(...times) : null
}

/** The receipts with `user`'s set to `at` (one per person; never moves back in time). */
export const withRead = (reads: readonly ReadReceipt[], user: Id, at: string): ReadReceipt[] => {
  const before = lastRead(reads, user)
  const kept = before !== null && before > Date.parse(at) ? new Date(before).toISOString() : at
  return [...reads.filter((read) => String(read.user) !== String(user)), { user, at: kept }]
}

/** Whether others than its author have read a message: the "Lu" / "Read" beside it. */
export const readByOthers = (message: { author?: Id | null; createdAt: string }, reads: readonly ReadReceipt[]) =>
  reads.some((read) => String(read.user) !== String(message.author) && Date.parse(read.at) >= Date.parse(message.createdAt))

/** Whether the conversation has a message `user` has not read yet. */
export const isUnread = (conversation: { lastMessageAt?: string | null }, reads: readonly ReadReceipt[], user: Id) => {
  if (!conversation.lastMessageAt) return false
  const read = lastRead(reads, user)
  return read === null || read < Date.parse(conversation.lastMessageAt)
}

const unique = (ids: readonly Id[]): Id[] => {
  const seen = new Set<string>()
  return ids.filter((id) => !seen.has(String(id)) && Boolean(seen.add(String(id))))
}
