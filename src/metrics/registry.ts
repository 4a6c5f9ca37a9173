import { collectDefaultMetrics, Counter, Gauge, Histogram, register } from 'prom-client'

/**
 * The Prometheus metrics of one process, on prom-client's default registry (a package outside
 * the bundles, so the request hook and the /api/metrics route share it). Kept on globalThis:
 * Next may load this module more than once.
 */
const make = () => {
  collectDefaultMetrics({ prefix: 'kelasi_' })
  return {
    requests: new Histogram({
      name: 'kelasi_http_request_duration_seconds',
      help: 'HTTP requests served, by method, part of the product and status class, and how long each took',
      labelNames: ['method', 'area', 'status'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    jobs: new Counter({ name: 'kelasi_jobs_total', help: 'Jobs the worker ran, by task and outcome', labelNames: ['task', 'outcome'] as const }),
    queue: new Gauge({ name: 'kelasi_jobs_queue_depth', help: 'Jobs waiting in the queue, by task and state', labelNames: ['task', 'state'] as const }),
  }
}

type Metrics = ReturnType<typeof make>
const holder = globalThis as typeof globalThis & { kelasiMetrics?: Metrics }
export const metrics = (): Metrics => (holder.kelasiMetrics ??= make())

export const metricsText = async () => ({ body: await register.metrics(), contentType: register.contentType })

/** Each task's runs counted as they end, in the worker that runs them (its own /metrics, see scripts/worker.ts). */
export const countedTask = <T extends { slug: string; onSuccess?: unknown; onFail?: unknown }>(task: T): T => ({
  ...task,
  onSuccess: () => metrics().jobs.inc({ task: task.slug, outcome: 'success' }),
  onFail: () => metrics().jobs.inc({ task: task.slug, outcome: 'failure' }),
})
