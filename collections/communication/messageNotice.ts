import type { CollectionAfterChangeHook } from 'payload'
import { idOf, idsOf, type ID } from '../../src/access/ids'
import { plainText, preview } from '../../src/domain/richText'
import { hasAnyRole } from '../../src/domain/roles'
import { notify } from '../../src/notifications/notify'

/**
 * Each new message tells the conversation's other participants, once per message whatever the
 * retries: families are led to the portal's thread, staff to the workspace's.
 */
export const messageNotice: CollectionAfterChangeHook = async ({ doc, req, operation }) => {
  if (operation !== 'create') return doc
  const author = idOf(doc.author)
  const others = idsOf(doc.participants).filter((id) => String(id) !== String(author))
  if (!others.length) return doc
  const [conversation, accounts] = await Promise.all([
    req.payload.findByID({ collection: 'conversations', id: idOf(doc.conversation)!, depth: 0, overrideAccess: true, select: { topic: true }, req }),
    req.payload.find({ collection: 'users', where: { id: { in: others } }, depth: 0, pagination: false, overrideAccess: true, select: { roles: true }, req }),
  ])
  const staff = new Set(accounts.docs.filter((user) => hasAnyRole(user, ['it', 'admin', 'secretariat', 'teacher'])).map((user) => String(user.id)))
  const vars = { sender: doc.authorName ?? '', topic: conversation.topic, preview: preview(plainText(doc.body)) }
  const tell = (recipients: ID[], link: string) =>
    recipients.length ? notify(req, { kind: 'messageReceived', event: `message:${doc.id}`, school: idOf(doc.school)!, recipients: recipients.map((user) => ({ user })), vars, link }) : null
  await tell(others.filter((id) => !staff.has(String(id))), `/messages/${conversation.id}`)
  await tell(others.filter((id) => staff.has(String(id))), `/console#/conversations/${conversation.id}/show`)
  return doc
}
