import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { queueStates } from './metrics/queue'

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))])

/**
 * `GET /api/health`: JSON whether or not the database answers (200 when it does, 503 when
 * it does not), even when the app could not connect at all since it started; and the jobs
 * queue: how many wait, run and failed, and whether a worker is taking them.
 */
export const healthResponse = async (connect: () => Promise<Payload>) => {
  const started = Date.now()
  try {
    const payload = await withTimeout(connect(), 5000)
    const db = payload.db as unknown as { drizzle: { execute: (query: unknown) => Promise<unknown> } }
    await withTimeout(db.drizzle.execute(sql`select 1`), 3000)
    const latencyMs = Date.now() - started
    const states = await withTimeout(queueStates(payload), 3000)
    const count = (state: string) => states.filter((s) => s.state === state).reduce((n, s) => n + s.jobs, 0)
    const oldestWaitingSeconds = Math.max(0, ...states.filter((s) => s.state === 'waiting').map((s) => s.oldestSeconds))
    return Response.json(
      {
        status: 'ok',
        database: { status: 'ok', latencyMs },
        // Jobs waiting for long mean no worker runs the queue: the app still serves, the health says so.
        queue: { status: oldestWaitingSeconds > 15 * 60 ? 'stalled' : 'ok', waiting: count('waiting'), processing: count('processing'), failed: count('failed'), oldestWaitingSeconds },
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch (error) {
    return Response.json(
      { status: 'error', database: { status: 'down', error: (error as Error).message || String(error) } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    )
  }
}
