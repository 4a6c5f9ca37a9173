import path from 'node:path'
import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { anyOf, isIT, staffCreates, type Predicate } from '../../src/access/predicates'
import { sharedMimeTypes } from '../../src/domain/sharedFiles'
import { hasAnyRole } from '../../src/domain/roles'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { checkedFile } from '../../hooks/checkedFile'
import { naming, relation, school, setOnCreate, systemWritten } from '../fields'
import { correspondents, participantOf } from './Conversations'
import { copiedFromConversation, writableConversation } from './conversationOf'

/** Who uploaded a file removes it (a wrong file, before or after sending); IT aside. */
const ownUpload: Predicate = ({ req }) => (hasAnyRole(req.user, [...correspondents]) ? { uploadedBy: { equals: req.user!.id } } : false)

/** A file is sent to a conversation its uploader may write to (as a message would be). */
const uploadable: CollectionBeforeChangeHook = async ({ data, req, operation }) => {
  if (operation !== 'create' || !req.user) return data
  await writableConversation(req, data.conversation)
  data.uploadedBy = req.user.id
  return data
}

/**
 * A file attached to a message (a photo of homework, a medical note, a PDF). It is served only to
 * the conversation's participants (Payload's file route runs the read access), so a guessed URL
 * gets nothing; kinds and size are the school's shared-file rules.
 */
export const MessageAttachments: CollectionConfig = {
  slug: 'message-attachments',
  ...naming('messageAttachments', 'MessageAttachment', 'MessageAttachments'),
  admin: { group: label('groups.communication'), defaultColumns: ['filename', 'conversation', 'uploadedBy'] },
  access: {
    read: anyOf(isIT, participantOf),
    create: anyOf(isIT, staffCreates([...correspondents])),
    update: isIT,
    delete: anyOf(isIT, ownUpload),
  },
  upload: {
    // Inside the media folder, which the backups take whole (src/backup/settings.ts).
    staticDir: path.join(process.env.KELASI_MEDIA_DIR || 'media', 'message-attachments'),
    mimeTypes: sharedMimeTypes,
  },
  fields: [
    { ...school(), access: setOnCreate } as never,
    relation('conversation', 'conversations', { required: true, access: setOnCreate }),
    relation('uploadedBy', 'users', { access: systemWritten, validate: undefined, admin: { readOnly: true, position: 'sidebar' } }),
    relation('participants', 'users', { hasMany: true, access: systemWritten, validate: undefined, admin: { hidden: true } }),
  ],
  hooks: { beforeOperation: [checkedFile('messages')], beforeValidate: [copiedFromConversation], beforeChange: [uploadable], afterChange: [auditTrail], afterDelete: [auditTrail] },
}
