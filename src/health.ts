import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))])

/**
 * `GET /api/health`: JSON whether or not the database answers (200 when it does, 503 when
 * it does not), even when the app could not connect at all since it started.
 */
export const healthResponse = async (connect: () => Promise<Payload>) => {
  const started = Date.now()
  try {
    const payload = await withTimeout(connect(), 5000)
    const db = payload.db as unknown as { drizzle: { execute: (query: unknown) => Promise<unknown> } }
    await withTimeout(db.drizzle.execute(sql`select 1`), 3000)
    return Response.json({ status: 'ok', database: { status: 'ok', latencyMs: Date.now() - started } })
  } catch (error) {
    return Response.json(
      { status: 'error', database: { status: 'down', error: (error as Error).message || String(error) } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    )
  }
}
