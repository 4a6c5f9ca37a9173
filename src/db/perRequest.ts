import type { PayloadRequest } from 'payload'
import type { ID } from '../access/ids'

/**
 * A lookup made once per request (a batch of 60 marks asks the same questions 60 times).
 * Only for facts that the request itself does not change.
 */
export const perRequest = <T>(req: PayloadRequest, key: string, load: () => Promise<T>): Promise<T> => {
  const context = req.context as Record<string, unknown>
  const slot = `kelasi:${key}`
  // Saved before the lookup starts: a Payload call given `req` swaps in a copy of req.context, and an
  // answer saved after it would land in the old copy, so the next question would be asked again.
  if (!context[slot]) context[slot] = Promise.resolve().then(load)
  return context[slot] as Promise<T>
}

/**
 * The records among `ids` that exist, each read once per request: a batch of marks names the
 * same evaluation and class sixty times. Only found records are remembered.
 */
export const existingRecords = async (req: PayloadRequest, relationTo: string, ids: ID[]) => {
  const context = req.context as Record<string, unknown>
  const key = `kelasi:records:${relationTo}`
  const known = (context[key] ??= new Map<string, Record<string, unknown>>()) as Map<string, Record<string, unknown>>
  const unknown = ids.filter((id) => !known.has(String(id)))
  if (unknown.length) {
    const found = await req.payload.find({ collection: relationTo as 'students', where: { id: { in: unknown } }, depth: 0, pagination: false, overrideAccess: true, req })
    for (const doc of found.docs) known.set(String(doc.id), doc as unknown as Record<string, unknown>)
  }
  return ids.flatMap((id) => (known.has(String(id)) ? [known.get(String(id))!] : []))
}
