import path from 'node:path'
import type { CollectionBeforeChangeHook, CollectionConfig, PayloadRequest, Where } from 'payload'
import { anyOf, isIT, staffCreates, staffOf, type Predicate } from '../../src/access/predicates'
import { childClassIds, scoped, selfClassIds, taughtClassIds, within } from '../../src/access/scopes'
import { hasAnyRole } from '../../src/domain/roles'
import { sharedMimeTypes } from '../../src/domain/sharedFiles'
import { label, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { checkedFile } from '../../hooks/checkedFile'
import { invalid } from '../../hooks/invalid'
import { existingRelation, naming, relation, school, systemWritten, text } from '../fields'
import { classGroup } from '../academics/classGroup'
import { subjectOfClassLevel } from '../academics/subjectOfClassLevel'

/** Staff who manage every resource of their school. */
const managers = ['admin', 'secretariat'] as const
const isManager = (req: PayloadRequest) => hasAnyRole(req.user, ['it', ...managers])

/** A teacher shares with a class they teach (without data, the admin's probe: if they teach any). */
const teacherShares: Predicate = async ({ req, data }) => {
  if (!hasAnyRole(req.user, ['teacher'])) return false
  if (!data || data.class == null) return (await taughtClassIds(req)).length > 0
  return within(req, taughtClassIds, data.class)
}

/** A teacher changes or removes what they shared themselves, while they still teach that class. */
const ownShares: Predicate = async ({ req }) => {
  if (!hasAnyRole(req.user, ['teacher'])) return false
  const classes = await taughtClassIds(req)
  return classes.length ? ({ and: [{ sharedBy: { equals: req.user!.id } }, { class: { in: classes } }] } as Where) : false
}

/** A link is a web address (http or https): never `javascript:` or `data:`, which the portal would render as a link. */
const webLink = (value: unknown, { req }: { req: PayloadRequest }) => {
  if (value == null || value === '') return true
  const address = String(value).trim()
  const parsed = URL.canParse(address) ? new URL(address) : null
  const web = parsed && ['http:', 'https:'].includes(parsed.protocol) && parsed.hostname !== '' && !/\s/.test(address)
  return web || tReq(req, 'errors.resources.invalidLink')
}

/** The relation exists and belongs to the school, and the subject is one of the class's level. */
const subjectOfClass = async (value: unknown, options: Parameters<typeof existingRelation>[1]) => {
  const base = await existingRelation(value, options)
  return base === true ? subjectOfClassLevel(value, options as never) : base
}

/**
 * Exactly one of a file or a link; a teacher keeps the resource in a class they teach; who shared
 * it is the caller, never the body. Payload has already stored the upload's `filename` in `data`.
 */
const consistent: CollectionBeforeChangeHook = async ({ data, req, operation, originalDoc }) => {
  const next = { ...originalDoc, ...data }
  const hasFile = Boolean(next.filename)
  const hasLink = typeof next.link === 'string' && next.link.trim() !== ''
  if (hasFile && hasLink) throw invalid(req, [{ path: 'link', message: tReq(req, 'errors.resources.fileAndLink') }])
  if (!hasFile && !hasLink) throw invalid(req, [{ path: 'link', message: tReq(req, 'errors.resources.fileOrLink') }])
  if (hasLink) data.link = next.link.trim()
  if (req.user && !isManager(req) && !(await within(req, taughtClassIds, next.class)))
    throw invalid(req, [{ path: 'class', message: tReq(req, 'errors.notYourClass') }])
  if (operation === 'create') data.sharedBy = req.user?.id ?? null
  return data
}

/**
 * A file (a PDF, pictures, a short video, an office document) or a link that a teacher shares with
 * a class. Its students and their guardians read it; a file is served only to those who may read
 * the record (Payload's file route runs the read access below), so a guessed URL gets nothing.
 * Files are held to the app's upload limit (payload.config.ts); a long video is shared as a link.
 */
export const Resources: CollectionConfig = {
  slug: 'resources',
  ...naming('resources', 'Resource', 'Resources'),
  admin: {
    group: label('groups.communication'),
    useAsTitle: 'title',
    defaultColumns: ['title', 'class', 'subject', 'sharedBy', 'updatedAt'],
    description: label('collections.resources.description'),
  },
  defaultSort: '-createdAt',
  access: {
    read: anyOf(
      isIT,
      staffOf([...managers]),
      scoped('teacher', 'class', taughtClassIds),
      scoped('parent', 'class', childClassIds),
      scoped('student', 'class', selfClassIds),
    ),
    create: anyOf(isIT, staffCreates([...managers]), teacherShares),
    update: anyOf(isIT, staffOf([...managers]), ownShares),
    delete: anyOf(isIT, staffOf([...managers]), ownShares),
  },
  upload: {
    // Inside the media folder, which the backups take whole (src/backup/settings.ts).
    staticDir: path.join(process.env.KELASI_MEDIA_DIR || 'media', 'resources'),
    mimeTypes: sharedMimeTypes,
    // A link needs no file: `consistent` asks for exactly one of the two.
    filesRequiredOnCreate: false,
  },
  fields: [
    school(),
    text('title', { required: true }),
    {
      type: 'row',
      fields: [
        relation('class', 'classes', { required: true }),
        relation('subject', 'subjects', { validate: subjectOfClass as never }),
        // A group of the class (a language, practical work) it is meant for; the pupils' groups are not recorded, so the whole class reads it.
        classGroup(),
      ],
    },
    { name: 'description', type: 'textarea', label: label('fields.description') },
    // Not `url`: Payload's upload collections already have one, the file's own address.
    text('link', { validate: webLink, admin: { placeholder: 'https://', description: label('fields.linkHelp') } }),
    // Always the caller (the hook), as a file's `uploadedBy`.
    relation('sharedBy', 'users', { access: systemWritten, validate: undefined, admin: { readOnly: true, position: 'sidebar' } }),
  ],
  hooks: { beforeOperation: [checkedFile('resources')], beforeChange: [consistent], afterChange: [auditTrail], afterDelete: [auditTrail] },
}
