import type { CollectionConfig } from 'payload'
import { anyOf, isIT, staffCreates, staffOf } from '../../src/access/predicates'
import { staffRoles } from '../../src/domain/roles'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, school, text } from '../fields'

/** Uploaded files (photos, logos). Files are served only to those who may read the record. */
export const Media: CollectionConfig = {
  slug: 'media',
  ...naming('media', 'MediaItem', 'Media'),
  admin: { group: label('groups.system'), defaultColumns: ['filename', 'alt', 'school'] },
  access: {
    read: anyOf(isIT, staffOf([...staffRoles])),
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
  fields: [school(), text('alt')],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
