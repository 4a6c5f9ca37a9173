import type { CollectionSlug, PayloadRequest, Where } from 'payload'

/**
 * Every row matching `where`, read at the adapter level with only the columns asked for: no
 * access rule, no hook, no document built per row. For reads whose rules the caller has applied
 * (or that the system makes), where Payload's document pipeline would cost more than the query.
 */
export const adapterRows = <T>(req: PayloadRequest, collection: CollectionSlug, where: Where, select: Record<string, true>, sort?: string) =>
  req.payload.db.find({ collection, where, select, sort, limit: 0, pagination: false, req }).then((found) => found.docs as unknown as T[])
