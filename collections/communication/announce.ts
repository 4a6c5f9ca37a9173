import { sql } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook, PayloadRequest, TaskConfig } from 'payload'
import { idOf, type ID } from '../../src/access/ids'
import { dbOf } from '../../src/db/session'
import { announcementStatus, audienceKey, audienceOf, groupsSpokenTo, type Audience } from '../../src/domain/announcements'
import { notify, type NotificationRecipient } from '../../src/notifications/notify'

type Ref = ID | { id: ID } | null | undefined
type Announced = Omit<Audience, 'level' | 'class'> & { id: ID; school: Ref; level?: Ref; class?: Ref; title?: string | null; author?: Ref; notifiedAudience?: string | null }

/** The audience by ids, whether the document came populated (a hook's) or not (a job's). */
const audienceIds = (a: Announced) => audienceOf({ ...a, level: idOf(a.level), class: idOf(a.class) })
type Row = { kind: 'student' | 'guardian' | 'teacher' | 'staff'; id: number }

/**
 * Everyone the announcement speaks to, in one query (a whole school is thousands of families): the
 * pupils with an account and the guardians of the pupils enrolled in its school, level or class;
 * the school's teachers (or the class's); its staff; never its author. The same rules as the
 * readers' access (Announcements.ts) and `reaches` (src/domain/announcements.ts).
 */
export const audienceRecipients = async (req: PayloadRequest, announcement: Announced) => {
  const db = await dbOf(req)
  const { audience, level, class: klass } = audienceIds(announcement)
  const school = idOf(announcement.school)
  const author = idOf(announcement.author) ?? null
  const groups = groupsSpokenTo(audienceIds(announcement))
  const pupilsOf = audience === 'level' ? sql`and c.level_id = ${level}` : audience === 'class' ? sql`and e.class_id = ${klass}` : sql``
  const notAuthor = sql`u.id is distinct from ${author}::int and u.active is not false`
  const parts = [
    groups.includes('students') && sql`select 'student' as kind, u.id from students s join pupils p on p.id = s.id join users u on u.id = s.user_id where ${notAuthor}`,
    groups.includes('parents') &&
      sql`select 'guardian' as kind, g.id from students_rels r join pupils p on p.id = r.parent_id and r.path = 'guardians'
          join guardians g on g.id = r.guardians_id left join users u on u.id = g.user_id where g.user_id is null or (${notAuthor})`,
    groups.includes('teachers') &&
      (audience === 'class'
        ? sql`select 'teacher' as kind, u.id from teachers t join users u on u.id = t.user_id
              where t.id in (select teacher_id from course_assignments where class_id = ${klass} union select homeroom_teacher_id from classes where id = ${klass}) and ${notAuthor}`
        : sql`select 'teacher' as kind, u.id from teachers t join teachers_rels ts on ts.parent_id = t.id and ts.path = 'schools' and ts.schools_id = ${school}
              join users u on u.id = t.user_id where ${notAuthor}`),
    groups.includes('staff') &&
      sql`select 'staff' as kind, u.id from users u join users_rels us on us.parent_id = u.id and us.path = 'schools' and us.schools_id = ${school}
          where exists (select 1 from users_roles ro where ro.parent_id = u.id and ro.value in ('admin', 'secretariat', 'finance')) and ${notAuthor}`,
  ].filter((part) => part !== false)
  if (!parts.length) return { families: [], teachers: [], staff: [] }
  const { rows } = await db.execute(sql`
    with pupils as (
      select distinct e.student_id as id from enrollments e join classes c on c.id = e.class_id
      where e.school_id = ${school} and e.status = 'active' ${pupilsOf}
    )
    ${sql.join(parts, sql` union `)}`)
  const recipients = rows as Row[]
  // One account is told once, as the first group it is found in (a teacher who is also on the staff list).
  const seen = new Set<string>()
  const once = (row: Row) => {
    const key = row.kind === 'guardian' ? `g${row.id}` : `u${row.id}`
    return !seen.has(key) && Boolean(seen.add(key))
  }
  const unique = recipients.filter(once)
  const asRecipient = (row: Row): NotificationRecipient => (row.kind === 'guardian' ? { guardian: row.id } : { user: row.id })
  return {
    families: unique.filter((row) => row.kind === 'student' || row.kind === 'guardian').map(asRecipient),
    teachers: unique.filter((row) => row.kind === 'teacher').map(asRecipient),
    staff: unique.filter((row) => row.kind === 'staff').map(asRecipient),
  }
}

/**
 * Tells the announcement's audience it is out: families to the portal, teachers to the workspace,
 * the staff to the admin. `notify` never tells one person twice of `announcement:<id>`, and an audience
 * already told is not looked up again on every later edit.
 */
export const announce = async (req: PayloadRequest, announcement: Announced) => {
  const key = audienceKey(audienceIds(announcement))
  if (announcement.notifiedAudience === key) return { created: 0 }
  const school = idOf(announcement.school)!
  const groups = await audienceRecipients(req, announcement)
  const links = { families: '/announcements', teachers: `/console#/announcements/${announcement.id}/show`, staff: `/admin/collections/announcements/${announcement.id}` }
  const base = { kind: 'announcementPublished', event: `announcement:${announcement.id}`, school, vars: { title: announcement.title ?? '' } } as const
  // One after the other, in the save's transaction (one connection).
  const told: { created: number }[] = []
  for (const group of ['families', 'teachers', 'staff'] as const)
    if (groups[group].length) told.push(await notify(req, { ...base, recipients: groups[group], link: links[group] }))
  const db = await dbOf(req)
  await db.execute(sql`update announcements set notified_at = now(), notified_audience = ${key} where id = ${announcement.id}`)
  return { created: told.reduce((sum, { created }) => sum + created, 0) }
}

/**
 * Published now: its audience is told in the save's transaction (rolled back with it). Scheduled:
 * a job waits for its time (src/jobs: the worker runs it then), queued again when its time or
 * state changes; the job finds out then whether it is still due. The seed passes `skipNotify`.
 */
export const announceWhenDue: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (context.skipNotify === true) return doc
  const status = announcementStatus(doc)
  if (status === 'published') await announce(req, doc)
  const rescheduled = operation === 'create' || previousDoc?.publishAt !== doc.publishAt || previousDoc?.state !== doc.state
  if (status === 'scheduled' && rescheduled) await req.payload.jobs.queue({ task: 'publishAnnouncement', input: { announcement: doc.id }, waitUntil: new Date(doc.publishAt), req })
  return doc
}

/** At an announcement's publication time: its audience is told, if it is still due (not taken back, not moved later). */
export const publishAnnouncement: TaskConfig<'publishAnnouncement'> = {
  slug: 'publishAnnouncement',
  label: 'Announcement: tell its audience',
  retries: 3,
  inputSchema: [{ name: 'announcement', type: 'number', required: true }],
  outputSchema: [{ name: 'created', type: 'number' }],
  handler: async ({ input, req }) => {
    const found = await req.payload.find({ collection: 'announcements', where: { id: { equals: input.announcement } }, depth: 0, joins: false, limit: 1, overrideAccess: true, req })
    const announcement = found.docs[0]
    const due = announcement && announcementStatus(announcement) === 'published'
    return { output: due ? await announce(req, announcement as unknown as Announced) : { created: 0 } }
  },
}
