/**
 * When scheduled work is due. A worker that was down on the day catches up for a week, and
 * what was already done (a key per term) is not done again.
 */

const dayMs = 86_400_000

/** The day `days` before an ISO day (YYYY-MM-DD). */
export const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * dayMs).toISOString().slice(0, 10)

/** Terms whose end date has come (today or within the last `catchUpDays` days) and whose report cards were not scheduled yet. */
export const termsDueForReportCards = <T extends { id: number | string; endDate: string }>(
  terms: T[],
  today: string,
  scheduled: ReadonlySet<string>,
  catchUpDays = 7,
) => {
  const from = daysBefore(today, catchUpDays)
  return terms.filter((term) => {
    const end = term.endDate.slice(0, 10)
    return end > from && end <= today && !scheduled.has(termEndKey(term.id))
  })
}

/** The key that makes a term's scheduled run unique, even with two workers racing. */
export const termEndKey = (term: number | string) => `term-end:${term}`
