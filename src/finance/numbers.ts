import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { ID } from '../access/ids'
import { documentNumber } from '../domain/billing'
import { dbOf } from '../db/session'

/**
 * The next number of a school's sequence ("FAC-2026-000124"), taken inside the caller's
 * transaction: the row stays locked until it commits, and a rollback gives the number back, so
 * numbers are sequential and gap-free even under concurrent writes.
 */
export const nextNumber = async (req: PayloadRequest, school: ID, prefix: 'FAC' | 'REC', year: string | number) => {
  const db = await dbOf(req)
  const key = `${prefix}-${year}`
  const result = await db.execute(sql`
    insert into number_sequences (school_id, key, last, updated_at, created_at) values (${school}, ${key}, 1, now(), now())
    on conflict (school_id, key) do update set last = number_sequences.last + 1, updated_at = now()
    returning last`)
  return documentNumber(prefix, year, Number((result.rows[0] as { last: number | string }).last))
}
