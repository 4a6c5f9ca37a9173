import type { CollectionConfig } from 'payload'
import { anyOf, isIT, staffCreates, staffOf, type Predicate } from '../../src/access/predicates'
import { staffRoles } from '../../src/domain/roles'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, school, systemWritten, text } from '../fields'

/**
 * A school's staff see its files, except those that document its money (an expense's receipt),
 * which only the direction and finance see.
 */
const staffOutsideFinance: Predicate = async (args) => {
  const mine = await staffOf([...staffRoles])(args)
  return mine && typeof mine === 'object' ? { and: [mine, { financeOnly: { not_equals: true } }] } : mine
}

/** Uploaded files (photos, logos, receipts). Files are served only to those who may read the record. */
export const Media: CollectionConfig = {
  slug: 'media',
  ...naming('media', 'MediaItem', 'Media'),
  admin: { group: label('groups.system'), defaultColumns: ['filename', 'alt', 'school'] },
  access: {
    read: anyOf(isIT, staffOf(['admin', 'finance']), staffOutsideFinance),
    create: anyOf(isIT, staffCreates([...staffRoles])),
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
    // Set by the system when a finance record (an expense) takes the file as its receipt.
    { name: 'financeOnly', type: 'checkbox', defaultValue: false, label: label('fields.financeOnly'), access: systemWritten, admin: { readOnly: true, position: 'sidebar' } },
  ],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
