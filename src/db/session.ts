import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

/** Drizzle on the request's transaction (the hook's own), or on the pool when there is none. */
export const dbOf = async (req: PayloadRequest) => {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const transaction = await req.transactionID
  return (transaction !== undefined && adapter.sessions[transaction]?.db) || adapter.drizzle
}
