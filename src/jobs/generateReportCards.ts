import type { TaskConfig } from 'payload'
import { carryOutRun } from '../reportCards/runs'

const retries = 3

/** Carries out a report-card run; retried (resuming where it stopped) when a class fails. */
export const generateReportCards: TaskConfig<'generateReportCards'> = {
  slug: 'generateReportCards',
  label: 'Report cards',
  retries,
  inputSchema: [{ name: 'run', type: 'number', required: true }],
  handler: async ({ input, job, req }) => {
    const attempt = (job.totalTried ?? 0) + 1
    await carryOutRun(req, input.run, { number: attempt, last: attempt > retries })
    return { output: {} }
  },
}
