import type { TaskConfig } from 'payload'
import { carryOutRun } from '../reportCards/runs'

const attempts = 3

/** Carries out a report-card run; retried (resuming where it stopped) when a class fails. */
export const generateReportCards: TaskConfig<'generateReportCards'> = {
  slug: 'generateReportCards',
  label: 'Report cards',
  // A database hiccup passes in seconds; a wrong mark waits for a person, who starts a new run.
  retries: { attempts, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [{ name: 'run', type: 'number', required: true }],
  handler: async ({ input, job, req }) => {
    const attempt = (job.totalTried ?? 0) + 1
    await carryOutRun(req, input.run, { number: attempt, last: attempt > attempts })
    return { output: {} }
  },
}
