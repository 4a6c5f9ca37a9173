import type { Payload } from 'payload'
import { schoolToday } from '../api/request'
import { daysBefore, termEndKey, termsDueForReportCards } from '../domain/schedule'

type Log = (message: string) => void

/**
 * At a term's end, a run for the whole school's report cards (drafts, for the secretariat to
 * check and publish). Two workers may both try: the run's unique schedule key lets one through.
 */
export const scheduleTermEndRuns = async (payload: Payload, today = schoolToday(), log: Log = () => {}) => {
  const system = { depth: 0, overrideAccess: true, pagination: false } as const
  const { docs: terms } = await payload.find({
    collection: 'terms',
    where: { endDate: { greater_than: daysBefore(today, 8), less_than_equal: `${today}T23:59:59.999Z` } },
    select: { school: true, endDate: true, name: true },
    ...system,
  })
  const { docs: runs } = await payload.find({
    collection: 'report-card-runs',
    where: { scheduleKey: { in: terms.map((term) => termEndKey(term.id)) } },
    select: { scheduleKey: true },
    ...system,
  })
  const due = termsDueForReportCards(terms, today, new Set(runs.map((run) => run.scheduleKey ?? '')))
  const queued: (number | string)[] = []
  for (const term of due) {
    try {
      const run = await payload.create({
        collection: 'report-card-runs',
        data: { school: term.school as number, term: term.id, scope: 'school', status: 'queued', trigger: 'schedule', scheduleKey: termEndKey(term.id) },
        depth: 0,
        overrideAccess: true,
      })
      queued.push(run.id)
      log(`report cards queued for term ${term.name} (run ${run.id})`)
    } catch (error) {
      // Another worker's run for this term, or a term with no class: nothing to do, say why.
      log(`report cards not queued for term ${term.name}: ${(error as Error).message}`)
    }
  }
  return queued
}
