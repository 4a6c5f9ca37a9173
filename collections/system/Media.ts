import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { anyOf, isIT, staffCreates, staffOf, type Predicate } from '../../src/access/predicates'
import { childJustificationIds, scoped } from '../../src/access/scopes'
import { hasAnyRole, staffRoles } from '../../src/domain/roles'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, relation, school, systemWritten, text } from '../fields'

/**
 * A school's staff see its files, except those that document its money (an expense's receipt),
 * which only the direction and finance see.
 */
const staffOutsideFinance: Predicate = async (args) => {
  const mine = await staffOf([...staffRoles])(args)
  return mine && typeof mine === 'object' ? { and: [mine, { financeOnly: { not_equals: true } }] } : mine
}

/** A parent reads the files they uploaded themselves (a medical certificate for an absence). */
const ownUploads: Predicate = ({ req }) => (hasAnyRole(req.user, ['parent']) ? { uploadedBy: { equals: req.user!.id } } : false)

/** Who uploaded a file is the system's to write: the caller, never the body. */
const uploader: CollectionBeforeChangeHook = ({ data, req, operation }) => {
  if (operation === 'create') data.uploadedBy = req.user?.id ?? null
  return data
}

/** Uploaded files (photos, logos, receipts, parents' justifications of absences). Files are served only to those who may read the record. */
export const Media: CollectionConfig = {
  slug: 'media',
  ...naming('media', 'MediaItem', 'Media'),
  admin: { group: label('groups.system'), defaultColumns: ['filename', 'alt', 'school'] },
  access: {
    read: anyOf(isIT, staffOf(['admin', 'finance']), staffOutsideFinance, ownUploads, scoped('parent', 'id', childJustificationIds)),
    // A parent uploads the documents justifying an absence, in one of their own schools (as staff do).
    create: anyOf(isIT, staffCreates([...staffRoles, 'parent'])),
    update: anyOf(isIT, staffOf(['admin', 'secretariat'])),
    delete: anyOf(isIT, staffOf(['admin'])),
  },
  upload: {
    staticDir: process.env.KELASI_MEDIA_DIR || 'media',
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
    imageSizes: [{ name: 'thumbnail', width: 240, height: 240, position: 'centre' }],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    school(),
    text('alt'),
    // Always the caller (the hook), so no check against the users' schools: IT of no school uploads too.
    relation('uploadedBy', 'users', { access: systemWritten, validate: undefined, admin: { readOnly: true, position: 'sidebar' } }),
    // Set by the system when a finance record (an expense) takes the file as its receipt.
    { name: 'financeOnly', type: 'checkbox', defaultValue: false, label: label('fields.financeOnly'), access: systemWritten, admin: { readOnly: true, position: 'sidebar' } },
  ],
  hooks: { beforeChange: [uploader], afterChange: [auditTrail], afterDelete: [auditTrail] },
}
