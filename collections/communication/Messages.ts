import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, PayloadRequest } from 'payload'
import { idOf, idsOf, storedId, type ID } from '../../src/access/ids'
import { anyOf, isIT, staffCreates, type Predicate } from '../../src/access/predicates'
import { existingRecords } from '../../src/db/perRequest'
import { receiptsOf, withRead } from '../../src/domain/messaging'
import { plainText } from '../../src/domain/richText'
import { hasAnyRole } from '../../src/domain/roles'
import { label, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { naming, relation, school, setOnCreate, systemWritten, text } from '../fields'
import { correspondents, participantOf } from './Conversations'
import { derivedOnly } from './conversationRead'
import { copiedFromConversation, writableConversation } from './conversationOf'
import { messageNotice } from './messageNotice'

/** Only its author changes or removes a message (IT aside). */
const ownMessage: Predicate = ({ req }) => (hasAnyRole(req.user, [...correspondents]) ? { author: { equals: req.user!.id } } : false)

/**
 * A message goes to a conversation the author takes part in, while it is open; to a class, only
 * staff write. A message says something: words, or at least a file.
 */
const postable: CollectionBeforeChangeHook = async ({ data, req, operation, originalDoc }) => {
  if (!req.user) return data
  const next = { ...originalDoc, ...data }
  await writableConversation(req, next.conversation)
  if (!plainText(next.body) && !idsOf(next.attachments).length) throw invalid(req, [{ path: 'body', message: tReq(req, 'errors.messages.empty') }])
  if (operation === 'create') Object.assign(data, { author: req.user.id, authorName: req.user.name })
  return data
}

/** Attached files are ones uploaded to this same conversation. */
const ofThisConversation = async (value: unknown, { req, data }: { req: PayloadRequest; data: { conversation?: unknown } }) => {
  const ids = idsOf([value].flat())
  if (!ids.length) return true
  const found = await existingRecords(req, 'message-attachments', ids)
  const conversation = String(idOf(data?.conversation as ID))
  const fine = new Set(found.filter((file) => String(idOf(file.conversation as ID)) === conversation).map((file) => String(file.id)))
  const refused = ids.filter((id) => !fine.has(String(id)))
  return refused.length ? tReq(req, 'errors.unknownRelation', { field: tReq(req, 'fields.attachments'), ids: refused.join(', ') }) : true
}

/** The conversation moves to the top of its participants' lists, read by the author up to this message. */
const bookkeeping: CollectionAfterChangeHook = async ({ doc, req, operation }) => {
  if (operation !== 'create') return doc
  const id = idOf(doc.conversation)!
  const conversation = await req.payload.findByID({ collection: 'conversations', id, depth: 0, overrideAccess: true, select: { reads: true }, req })
  const reads = doc.author ? withRead(receiptsOf(conversation.reads), storedId(idOf(doc.author)!), doc.createdAt) : receiptsOf(conversation.reads)
  await req.payload.update({ collection: 'conversations', id, data: { lastMessageAt: doc.createdAt, reads: reads as never }, depth: 0, overrideAccess: true, context: { [derivedOnly]: true }, req })
  return doc
}

/** One message of a conversation: Lexical rich text and attached files. */
export const Messages: CollectionConfig = {
  slug: 'messages',
  ...naming('messages', 'Message', 'Messages'),
  admin: { group: label('groups.communication'), defaultColumns: ['conversation', 'author', 'createdAt'] },
  defaultSort: 'createdAt',
  access: {
    read: anyOf(isIT, participantOf),
    create: anyOf(isIT, staffCreates([...correspondents])),
    update: anyOf(isIT, ownMessage),
    delete: anyOf(isIT, ownMessage),
  },
  fields: [
    { ...school(), access: setOnCreate } as never,
    relation('conversation', 'conversations', { required: true, access: setOnCreate }),
    { name: 'body', type: 'richText', label: label('fields.body') },
    relation('attachments', 'message-attachments', { hasMany: true, validate: ofThisConversation as never }),
    relation('author', 'users', { access: systemWritten, validate: undefined, admin: { readOnly: true, position: 'sidebar' } }),
    // As it was when written, for the thread: a family may not read the staff's accounts.
    text('authorName', { access: systemWritten, admin: { readOnly: true, position: 'sidebar' } }),
    // A copy of the conversation's, so that reading filters on the message itself.
    relation('participants', 'users', { hasMany: true, access: systemWritten, validate: undefined, admin: { hidden: true } }),
  ],
  hooks: { beforeValidate: [copiedFromConversation], beforeChange: [postable], afterChange: [bookkeeping, messageNotice, auditTrail], afterDelete: [auditTrail] },
}
