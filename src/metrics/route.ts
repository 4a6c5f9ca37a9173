import { timingSafeEqual } from 'node:crypto'
import type { Payload } from 'payload'
import { queueStates } from './queue'
import { metrics, metricsText } from './registry'

const allowed = (request: Request) => {
  const token = process.env.METRICS_TOKEN
  if (!token) return true
  const given = Buffer.from(request.headers.get('authorization') ?? '')
  const expected = Buffer.from(`Bearer ${token}`)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * `GET /api/metrics` in Prometheus' text format: this process's requests and runtime, and the
 * jobs queue read from the database at each scrape. With METRICS_TOKEN set, only for
 * `Authorization: Bearer <METRICS_TOKEN>`.
 */
export const metricsResponse = async (request: Request, connect: () => Promise<Payload>) => {
  if (!allowed(request)) return new Response('Unauthorized\n', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } })
  const { queue } = metrics()
  queue.reset()
  try {
    for (const { task, state, jobs } of await queueStates(await connect())) queue.set({ task, state }, jobs)
  } catch {
    // The database down: the process's own figures still answer; /api/health says what is wrong.
  }
  const { body, contentType } = await metricsText()
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } })
}
