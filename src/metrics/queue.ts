import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

export type QueueState = { task: string; state: 'waiting' | 'processing' | 'failed'; jobs: number; oldestSeconds: number }

/** The jobs not done, by task and state, and how long the oldest has waited: what /api/health and /api/metrics report. */
export const queueStates = async (payload: Payload): Promise<QueueState[]> => {
  const db = (payload.db as unknown as PostgresAdapter).drizzle
  const { rows } = await db.execute(sql`
    select task_slug as task,
           case when has_error then 'failed' when processing then 'processing' else 'waiting' end as state,
           count(*)::int as jobs,
           coalesce(extract(epoch from now() - min(created_at)), 0)::int as "oldestSeconds"
    from payload_jobs where completed_at is null
    group by 1, 2 order by 1, 2`)
  return rows as QueueState[]
}
