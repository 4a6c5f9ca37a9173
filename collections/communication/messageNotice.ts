import type { CollectionAfterChangeHook } from 'payload'
import { idOf, idsOf } from '../../src/access/ids'
import { plainText, preview } from '../../src/domain/richText'
import { notify } from '../../src/notifications/notify'

/** Each new message tells the conversation's other participants, once per message whatever the retries. */
export const messageNotice: CollectionAfterChangeHook = async ({ doc, req, operation }) => {
  if (operation !== 'create') return doc
  const author = idOf(doc.author)
  const recipients = idsOf(doc.participants).filter((id) => String(id) !== String(author))
  if (!recipients.length) return doc
  const conversation = await req.payload.findByID({ collection: 'conversations', id: idOf(doc.conversation)!, depth: 0, overrideAccess: true, select: { topic: true }, req })
  const sender = author == null ? null : await req.payload.findByID({ collection: 'users', id: author, depth: 0, overrideAccess: true, select: { name: true }, req, disableErrors: true })
  await notify(req, {
    kind: 'messageReceived',
    event: `message:${doc.id}`,
    school: idOf(doc.school)!,
    recipients: recipients.map((user) => ({ user })),
    vars: { sender: sender?.name ?? '', topic: conversation.topic, preview: preview(plainText(doc.body)) },
    link: `/messages/${conversation.id}`,
  })
  return doc
}
