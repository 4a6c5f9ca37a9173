import type { Conversation, Message, MessageAttachment } from '../../payload-types'
import { markRead } from '../../collections/communication/conversationRead'
import { isUnread, readByOthers, receiptsOf } from '../../src/domain/messaging'
import type { FamilyMember } from '../session'

const as = (member: FamilyMember) => ({ overrideAccess: false, req: member.req }) as const

/** The person's conversations, latest first, each with whom it is with and whether something is unread. */
export const conversationsOf = async (member: FamilyMember) => {
  const found = await member.payload.find({
    collection: 'conversations',
    select: { topic: true, kind: true, status: true, lastMessageAt: true, reads: true, openedBy: true, openerName: true, recipientNames: true },
    sort: '-lastMessageAt',
    depth: 0,
    limit: 100,
    ...as(member),
  })
  return (found.docs as Conversation[]).map((c) => ({
    id: c.id,
    topic: c.topic,
    status: c.status,
    lastMessageAt: c.lastMessageAt,
    with: String(c.openedBy) === String(member.user.id) ? c.recipientNames : c.openerName,
    unread: isUnread(c, receiptsOf(c.reads), member.user.id),
  }))
}

/**
 * One conversation and its messages, oldest first; reading it is the person's read receipt. Each
 * of their own messages says whether the others have read it.
 */
export const threadOf = async (member: FamilyMember, id: string) => {
  const conversation = (await member.payload.findByID({ collection: 'conversations', id, depth: 0, disableErrors: true, ...as(member) })) as Conversation | null
  if (!conversation) return null
  const messages = await member.payload.find({
    collection: 'messages',
    where: { conversation: { equals: conversation.id } },
    select: { body: true, author: true, authorName: true, attachments: true, createdAt: true },
    populate: { 'message-attachments': { filename: true, url: true, filesize: true } },
    sort: 'createdAt',
    depth: 1,
    limit: 500,
    ...as(member),
  })
  const reads = receiptsOf(conversation.reads)
  await markRead(member.req, conversation.id, member.user.id)
  return {
    conversation,
    messages: (messages.docs as Message[]).map((m) => ({
      id: m.id,
      body: m.body,
      authorName: m.authorName,
      mine: String(m.author) === String(member.user.id),
      read: readByOthers({ author: m.author as number, createdAt: m.createdAt }, reads),
      createdAt: m.createdAt,
      attachments: (m.attachments ?? []).filter((a): a is MessageAttachment => typeof a === 'object' && a !== null),
    })),
  }
}
