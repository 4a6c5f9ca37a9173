import type { Endpoint, PayloadRequest } from 'payload'
import { storedId, type ID } from '../../src/access/ids'
import { needUser } from '../../src/api/request'
import { receiptsOf, withRead } from '../../src/domain/messaging'

/** Context flag of the system's own bookkeeping on a conversation (receipts, last message): not a change anyone made. */
export const derivedOnly = 'kelasi:conversationBookkeeping'

/**
 * Records that the caller has read the conversation up to now. Only a participant reaches it (the
 * read is the caller's, refused as not found otherwise); the receipt written is theirs alone.
 */
export const markRead = async (req: PayloadRequest, id: ID, user: ID = needUser(req).id) => {
  const conversation = await req.payload.findByID({ collection: 'conversations', id, depth: 0, overrideAccess: false, select: { reads: true }, req })
  const reads = withRead(receiptsOf(conversation.reads), storedId(user), new Date().toISOString())
  await req.payload.update({ collection: 'conversations', id, data: { reads: reads as never }, depth: 0, overrideAccess: true, context: { [derivedOnly]: true }, req })
  return reads
}

/** POST /api/conversations/:id/read — the caller's read receipt. */
export const readEndpoint: Endpoint = {
  path: '/:id/read',
  method: 'post',
  handler: async (req) => Response.json({ reads: await markRead(req, String(req.routeParams?.id)) }),
}
