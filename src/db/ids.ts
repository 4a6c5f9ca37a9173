import { sql } from '@payloadcms/db-postgres'
import type { ID } from '../access/ids'

/** Record ids as an SQL list, for `in (…)`: one parameter each. */
export const sqlIds = (ids: readonly ID[]) => sql.join(ids.map((id) => sql`${Number(id)}`), sql`, `)
