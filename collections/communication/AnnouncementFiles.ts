import path from 'node:path'
import type { CollectionBeforeChangeHook, CollectionConfig, PayloadRequest, Where } from 'payload'
import { idOf, type ID } from '../../src/access/ids'
import { anyOf, isIT, staffCreates, staffOf, type Predicate } from '../../src/access/predicates'
import { perRequest } from '../../src/db/perRequest'
import { hasAnyRole } from '../../src/domain/roles'
import { sharedMimeTypes } from '../../src/domain/sharedFiles'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, relation, school, text } from '../fields'
import { announcementManagers } from './Announcements'
import { checkedFile } from '../../hooks/checkedFile'

/**
 * Ids of the announcements the caller may read (their audience's, or their own), with their own
 * rights, narrowed by `where`; looked up once per request.
 */
const announcementIds = (req: PayloadRequest, key: string, where?: Where) =>
  perRequest(req, `announcements:${key}:${req.user?.id}`, async () => {
    const found = await req.payload.find({ collection: 'announcements', where, user: req.user, overrideAccess: false, depth: 0, pagination: false, select: {}, joins: false, req })
    return found.docs.map((doc) => doc.id as ID)
  })

const readableAnnouncements = (req: PayloadRequest) => announcementIds(req, 'readable')

/** Those a teacher wrote, which (within a class they teach) they may also change. */
const ownAnnouncements = (req: PayloadRequest) => announcementIds(req, 'own', { author: { equals: req.user!.id } })

/** A file is read by exactly those who read its announcement: a guessed URL of another audience's file gets nothing. */
const withItsAnnouncement: Predicate = async ({ req }) => {
  if (!req.user) return false
  const readable = await readableAnnouncements(req)
  return readable.length ? { announcement: { in: readable } } : false
}

/** A teacher attaches files to, and removes them from, what they wrote. */
const teacherOwn: Predicate = async ({ req, data }) => {
  if (!hasAnyRole(req.user, ['teacher'])) return false
  const own = (await ownAnnouncements(req)).map(String)
  if (data?.announcement !== undefined) return own.includes(String(idOf(data.announcement)))
  return own.length ? { announcement: { in: own } } : false
}

/** The file belongs to its announcement's school, whatever the body says. */
const ofItsSchool: CollectionBeforeChangeHook = async ({ data, req, originalDoc }) => {
  const announcement = idOf(data.announcement ?? originalDoc?.announcement)
  if (announcement == null) return data
  const found = await req.payload.findByID({ collection: 'announcements', id: announcement, depth: 0, overrideAccess: true, select: { school: true }, req, disableErrors: true })
  if (found) data.school = idOf(found.school as ID)
  return data
}

/** A file attached to an announcement (a letter to the families, a calendar, a form to fill in). */
export const AnnouncementFiles: CollectionConfig = {
  slug: 'announcement-files',
  ...naming('announcementFiles', 'AnnouncementFile', 'AnnouncementFiles'),
  admin: { group: label('groups.communication'), useAsTitle: 'filename', defaultColumns: ['filename', 'announcement', 'description'] },
  access: {
    read: anyOf(isIT, staffOf([...announcementManagers]), withItsAnnouncement),
    create: anyOf(isIT, staffCreates([...announcementManagers]), teacherOwn),
    update: anyOf(isIT, staffOf([...announcementManagers]), teacherOwn),
    delete: anyOf(isIT, staffOf([...announcementManagers]), teacherOwn),
  },
  upload: {
    // Inside the media folder, which the backups take whole (src/backup/settings.ts).
    staticDir: path.join(process.env.KELASI_MEDIA_DIR || 'media', 'announcements'),
    mimeTypes: sharedMimeTypes,
  },
  fields: [school(), relation('announcement', 'announcements', { required: true }), text('description')],
  hooks: { beforeOperation: [checkedFile('resources')], beforeChange: [ofItsSchool], afterChange: [auditTrail], afterDelete: [auditTrail] },
}
