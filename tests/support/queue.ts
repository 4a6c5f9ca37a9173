import type { Payload } from 'payload'

/**
 * Runs these tasks' jobs as the worker does, until none is left: every suite's changes now queue
 * notification deliveries, so a test's own job may wait behind a hundred others.
 */
export const runQueued = async (payload: Payload, tasks: string[], rounds = 50) => {
  for (let round = 0; round < rounds; round++) {
    const { jobStatus } = await payload.jobs.run({ where: { taskSlug: { in: tasks } }, limit: 100, silent: { info: true } })
    if (!Object.keys(jobStatus ?? {}).length) return
  }
}
