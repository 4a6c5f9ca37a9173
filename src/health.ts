import { sql } from '@payloadcms/db-postgres'
import type { Endpoint } from 'payload'

/** `GET /api/health`: is the database reachable? JSON either way, 503 when it is not. */
export const health: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const started = Date.now()
    try {
      await (req.payload.db as unknown as { drizzle: { execute: (q: unknown) => Promise<unknown> } }).drizzle.execute(sql`select 1`)
      return Response.json({ status: 'ok', database: { status: 'ok', latencyMs: Date.now() - started } })
    } catch (error) {
      return Response.json(
        { status: 'error', database: { status: 'down', error: (error as Error).message } },
        { status: 503 },
      )
    }
  },
}
