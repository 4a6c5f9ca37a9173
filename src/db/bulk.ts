import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'
import type { ID } from '../access/ids'

type Row = Record<string, unknown>

/**
 * Multi-row INSERTs on the request's transaction, ids back in the order of the rows: for bulk
 * work that checked access and validity first and keeps the hooks' effects explicit.
 */
export const inserter = async (payload: Payload, req: PayloadRequest) => {
  const adapter = payload.db as unknown as PostgresAdapter
  const transaction = await req.transactionID
  const db = (transaction !== undefined && adapter.sessions[transaction]?.db) || adapter.drizzle
  return async (table: string, rows: Row[]): Promise<ID[]> => {
    const ids: ID[] = []
    for (let at = 0; at < rows.length; at += 1000) {
      const inserted = await db.insert(adapter.tables[table]).values(rows.slice(at, at + 1000)).returning({ id: adapter.tables[table].id })
      ids.push(...inserted.map((row) => row.id as ID))
    }
    return ids
  }
}
