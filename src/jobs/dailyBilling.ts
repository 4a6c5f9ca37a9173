import type { Payload, TaskConfig } from 'payload'
import type { ID } from '../access/ids'
import { issueInvoices } from '../finance/issue'
import { carryCredits } from '../finance/credits'
import { applyLatePenalties } from '../finance/penalties'

const attempts = 3

/** The day's invoices (enrollments, installments coming due), the credits they can take, then the late penalties, school by school; idempotent. */
export const dailyBilling: TaskConfig<'dailyBilling'> = {
  slug: 'dailyBilling',
  label: 'Daily billing',
  retries: { attempts, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [
    { name: 'school', type: 'number' },
    { name: 'date', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    const schools: ID[] = input.school
      ? [input.school]
      : (await req.payload.find({ collection: 'schools', pagination: false, depth: 0, overrideAccess: true, select: { name: true }, req })).docs.map((s) => s.id)
    const today = input.date || new Date().toISOString().slice(0, 10)
    const output = { invoices: 0, penalties: 0, creditCarried: 0 }
    for (const school of schools) {
      output.invoices += (await issueInvoices(req, { school, today })).invoices
      output.creditCarried += (await carryCredits(req, { school })).carried
      output.penalties += (await applyLatePenalties(req, { school, today })).penalties
    }
    return { output }
  },
}

/** Queues the day's billing unless a run is already waiting (the task is idempotent either way). */
export const queueDailyBilling = async (payload: Payload) => {
  const waiting = await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'dailyBilling' }, completedAt: { exists: false }, hasError: { not_equals: true } }, overrideAccess: true })
  if (!waiting.totalDocs) await payload.jobs.queue({ task: 'dailyBilling', input: {} })
}
