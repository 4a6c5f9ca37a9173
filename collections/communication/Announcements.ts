import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig, PayloadRequest, Where } from 'payload'
import type { ID } from '../../src/access/ids'
import { anyOf, isIT, schoolsOf, staffCreates, staffOf, type Predicate } from '../../src/access/predicates'
import { childClassIds, childLevelIds, selfClassIds, selfLevelIds, taughtClassIds, within } from '../../src/access/scopes'
import { announcementProblems, announcementStates, announcementStatus, announcementStatuses, audienceOf, audienceRoles, audienceScopes, type AudienceRole } from '../../src/domain/announcements'
import { hasAnyRole, type Role } from '../../src/domain/roles'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { date, naming, relation, school, systemWritten, text } from '../fields'
import { announceWhenDue } from './announce'

/** Staff who write to any audience of their school and see every announcement of it. */
export const announcementManagers = ['admin', 'secretariat'] as const
const isManager = (req: PayloadRequest) => hasAnyRole(req.user, ['it', ...announcementManagers])

/** On show now: ready, its time come, not yet expired (so a scheduled one appears at its time, an expired one goes, untouched). */
const onShow = (): Where => {
  const now = new Date().toISOString()
  return {
    and: [
      { state: { equals: 'ready' } },
      { publishAt: { less_than_equal: now } },
      { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now } }] },
    ],
  }
}

const noIds = async () => [] as ID[]

/**
 * What reaches holders of `role`, as the audience rules say (src/domain/announcements.ts `reaches`):
 * the whole school, their group, and the classes and levels they belong to.
 */
const audienceReads =
  (role: Role, group: AudienceRole, classes: (req: PayloadRequest) => Promise<ID[]> = noIds, levels: (req: PayloadRequest) => Promise<ID[]> = noIds): Predicate =>
  async ({ req }) => {
    if (!hasAnyRole(req.user, [role])) return false
    const schools = schoolsOf(req)
    if (!schools.length) return false
    const [inClasses, inLevels] = await Promise.all([classes(req), levels(req)])
    const audience: Where[] = [
      { audience: { equals: 'school' } },
      { and: [{ audience: { equals: 'role' } }, { roles: { in: [group] } }] },
      ...(inClasses.length ? [{ and: [{ audience: { equals: 'class' } }, { class: { in: inClasses } }] }] : []),
      ...(inLevels.length ? [{ and: [{ audience: { equals: 'level' } }, { level: { in: inLevels } }] }] : []),
    ]
    return { and: [{ school: { in: schools } }, onShow(), { or: audience }] }
  }

/** A teacher sees what they wrote themselves, drafts included. */
const ownWriting: Predicate = ({ req }) =>
  hasAnyRole(req.user, ['teacher']) && schoolsOf(req).length ? ({ and: [{ author: { equals: req.user!.id } }, { school: { in: schoolsOf(req) } }] } as Where) : false

/** A teacher changes or removes what they wrote, while they still teach the class. */
const ownClassWriting: Predicate = async ({ req }) => {
  if (!hasAnyRole(req.user, ['teacher'])) return false
  const classes = await taughtClassIds(req)
  return classes.length ? ({ and: [{ author: { equals: req.user!.id } }, { class: { in: classes } }] } as Where) : false
}

/** A teacher writes to a class they teach, never to the school, a level or a role (without data, the admin's probe: if they teach any). */
const teacherAnnounces: Predicate = async ({ req, data }) => {
  if (!hasAnyRole(req.user, ['teacher'])) return false
  if (!data) return (await taughtClassIds(req)).length > 0
  if (data.audience !== 'class') return false
  return data.class == null || within(req, taughtClassIds, data.class)
}

/**
 * The audience has what its scope needs and keeps only that; the expiry follows the publication;
 * a teacher stays within a class they teach; the author is the caller, never the body.
 */
const checked: CollectionBeforeChangeHook = async ({ data, req, operation, originalDoc }) => {
  const next = { ...originalDoc, ...data, publishAt: data.publishAt ?? originalDoc?.publishAt ?? new Date().toISOString() }
  const problems = announcementProblems(next)
  if (problems.length) throw invalid(req, problems.map(({ field, code }) => ({ path: field, message: tReq(req, `errors.announcements.${code}`) })))
  if (req.user && !isManager(req)) {
    if (next.audience !== 'class') throw invalid(req, [{ path: 'audience', message: tReq(req, 'errors.announcements.teacherClassOnly') }])
    if (!(await within(req, taughtClassIds, next.class))) throw invalid(req, [{ path: 'class', message: tReq(req, 'errors.notYourClass') }])
  }
  Object.assign(data, audienceOf(next), { publishAt: next.publishAt })
  if (operation === 'create') data.author = req.user?.id ?? null
  return data
}

/** Its attachments go with it (first: a file cannot stay without its announcement), in the same transaction. */
const dropFiles: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'announcement-files', where: { announcement: { equals: id } }, overrideAccess: true, req })
}

const dayAndTime = { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } }

/**
 * What the school says to the whole school, a level, a class or a group (parents, students,
 * teachers, staff): rich text and attached files. It reaches exactly its audience, from its
 * publication time until it expires, and tells them once (a notification each) when it comes out.
 */
export const Announcements: CollectionConfig = {
  slug: 'announcements',
  ...naming('announcements', 'Announcement', 'Announcements'),
  admin: {
    group: label('groups.communication'),
    useAsTitle: 'title',
    defaultColumns: ['title', 'audience', 'status', 'publishAt', 'expiresAt', 'author'],
    description: label('collections.announcements.description'),
  },
  defaultSort: '-publishAt',
  access: {
    read: anyOf(
      isIT,
      staffOf([...announcementManagers]),
      ownWriting,
      audienceReads('teacher', 'teachers', taughtClassIds),
      audienceReads('finance', 'staff'),
      audienceReads('parent', 'parents', childClassIds, childLevelIds),
      audienceReads('student', 'students', selfClassIds, selfLevelIds),
    ),
    create: anyOf(isIT, staffCreates([...announcementManagers]), teacherAnnounces),
    update: anyOf(isIT, staffOf([...announcementManagers]), ownClassWriting),
    delete: anyOf(isIT, staffOf([...announcementManagers]), ownClassWriting),
  },
  fields: [
    school(),
    text('title', { required: true }),
    { name: 'body', type: 'richText', required: true, label: label('fields.body') },
    {
      type: 'row',
      fields: [
        { name: 'audience', type: 'select', required: true, defaultValue: 'school', index: true, label: label('fields.audience'), options: options('audience', audienceScopes) },
        relation('level', 'levels', { admin: { condition: (_: unknown, sibling: { audience?: string }) => sibling?.audience === 'level' } }),
        relation('class', 'classes', { admin: { condition: (_: unknown, sibling: { audience?: string }) => sibling?.audience === 'class' } }),
        {
          name: 'roles',
          type: 'select',
          hasMany: true,
          label: label('fields.audienceRoles'),
          options: options('audienceRole', audienceRoles),
          admin: { condition: (_: unknown, sibling: { audience?: string }) => sibling?.audience === 'role' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'state', type: 'select', required: true, defaultValue: 'draft', label: label('fields.announcementState'), options: options('announcementState', announcementStates) },
        date('publishAt', { index: true, admin: { ...dayAndTime, description: label('fields.publishAtHelp') } }),
        date('expiresAt', { index: true, admin: { ...dayAndTime, description: label('fields.expiresAtHelp') } }),
      ],
    },
    {
      name: 'status',
      type: 'select',
      virtual: true,
      label: label('fields.status'),
      options: options('announcementStatus', announcementStatuses),
      admin: { readOnly: true, position: 'sidebar' },
      hooks: { afterRead: [({ siblingData }) => announcementStatus(siblingData)] },
    },
    { name: 'attachments', type: 'join', collection: 'announcement-files', on: 'announcement', label: label('fields.attachments') },
    // Always the caller (the hook), as a resource's `sharedBy`.
    relation('author', 'users', { access: systemWritten, validate: undefined, admin: { readOnly: true, position: 'sidebar' } }),
    // When its audience was told, and which audience that was: the same people are never told twice.
    date('notifiedAt', { access: systemWritten, admin: { readOnly: true, position: 'sidebar', ...dayAndTime } }),
    text('notifiedAudience', { access: systemWritten, admin: { hidden: true } }),
  ],
  hooks: { beforeChange: [checked], afterChange: [auditTrail, announceWhenDue as CollectionAfterChangeHook], beforeDelete: [dropFiles], afterDelete: [auditTrail] },
}
