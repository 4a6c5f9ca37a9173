import type { CollectionBeforeValidateHook, PayloadRequest } from 'payload'
import { idOf, idsOf, type ID } from '../../src/access/ids'
import { writeRefusal, type Conversation } from '../../src/domain/messaging'
import { rolesOf } from '../../src/domain/roles'
import { tReq } from '../../src/i18n'
import { invalid } from '../../hooks/invalid'

/**
 * For what belongs to a conversation (a message, a file): its school and participants are the
 * conversation's, whatever the body says. The participants, copied on each record, are what its
 * read access filters on.
 */
export const copiedFromConversation: CollectionBeforeValidateHook = async ({ data, req, operation }) => {
  if (operation !== 'create' || !data || data.conversation == null) return data
  const conversation = await req.payload.findByID({ collection: 'conversations', id: idOf(data.conversation as ID)!, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (conversation) Object.assign(data, { school: idOf(conversation.school), participants: idsOf(conversation.participants) })
  return data
}

/**
 * The conversation the caller writes to, or a refusal naming the field: one they cannot read is
 * unknown to them; a closed one, or a class's for a family, says why (src/domain/messaging.ts).
 */
export const writableConversation = async (req: PayloadRequest, ref: unknown) => {
  const id = idOf(ref as ID)
  const conversation = id == null ? null : await req.payload.findByID({ collection: 'conversations', id, depth: 0, overrideAccess: false, disableErrors: true, req })
  if (!conversation) throw invalid(req, [{ path: 'conversation', message: tReq(req, 'errors.unknownRelation', { field: tReq(req, 'fields.conversation'), ids: String(id ?? '') }) }])
  const refusal = writeRefusal(conversation as unknown as Conversation, req.user!.id, rolesOf(req.user))
  if (refusal) throw invalid(req, [{ path: 'conversation', message: tReq(req, `errors.messages.${refusal}`) }])
  return conversation
}
