/**
 * The audit log's simple filter: a user, a collection, an action and a range of days, as the
 * `where` of Payload's list view URL (qs brackets: `where[and][0][user][equals]=12`), read back
 * from that URL to show the filter in use; and a log entry's changes as rows to read.
 */

export type AuditFilter = { user?: string; collection?: string; action?: string; from?: string; to?: string }
type Condition = { field: 'user' | 'collection' | 'action' | 'createdAt'; operator: 'equals' | 'greater_than_equal' | 'less_than_equal'; value: string }

const isDay = (value: string | undefined): value is string => Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))
/** The first and last instants of a Kinshasa day (UTC+1), the school's calendar. */
export const startOfDay = (day: string) => new Date(Date.parse(`${day}T00:00:00+01:00`)).toISOString()
export const endOfDay = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+01:00`)).toISOString()

/** The filter's conditions, the empty and malformed parts left out. */
export const auditConditions = (filter: AuditFilter): Condition[] => [
  ...(['user', 'collection', 'action'] as const).filter((field) => filter[field]?.trim()).map((field) => ({ field, operator: 'equals' as const, value: filter[field]!.trim() })),
  ...(isDay(filter.from) ? [{ field: 'createdAt' as const, operator: 'greater_than_equal' as const, value: startOfDay(filter.from) }] : []),
  ...(isDay(filter.to) ? [{ field: 'createdAt' as const, operator: 'less_than_equal' as const, value: endOfDay(filter.to) }] : []),
]

/** The list view's address for the filter, from the first page; other query parameters (sort, limit) kept. */
export const auditListHref = (listPath: string, filter: AuditFilter, keep: Record<string, string> = {}) => {
  const query = new URLSearchParams(Object.entries(keep).filter(([key]) => !key.startsWith('where') && key !== 'page'))
  auditConditions(filter).forEach(({ field, operator, value }, i) => query.append(`where[and][${i}][${field}][${operator}]`, value))
  const text = query.toString()
  return text ? `${listPath}?${text}` : listPath
}

const back = (instant: string) => new Date(Date.parse(instant) + 3600_000).toISOString().slice(0, 10)

/** The filter a list URL's query holds, when it is one `auditListHref` writes; other conditions are not shown. */
export const auditFilterOf = (query: Record<string, unknown>): AuditFilter => {
  const filter: AuditFilter = {}
  for (const [key, raw] of Object.entries(query)) {
    const match = /^where\[and\]\[\d+\]\[(user|collection|action|createdAt)\]\[(equals|greater_than_equal|less_than_equal)\]$/.exec(key)
    const value = Array.isArray(raw) ? raw[0] : raw
    if (!match || typeof value !== 'string' || Number.isNaN(match[1] === 'createdAt' ? Date.parse(value) : 0)) continue
    const [, field, operator] = match
    if (field !== 'createdAt' && operator === 'equals') filter[field as 'user'] = value
    else if (field === 'createdAt' && operator === 'greater_than_equal') filter.from = back(value)
    else if (field === 'createdAt' && operator === 'less_than_equal') filter.to = back(value)
  }
  return filter
}

export type ChangeRow = { field: string; before: string; after: string }

const shown = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '—'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.every((v) => ['string', 'number'].includes(typeof v))) return value.join(', ')
  return JSON.stringify(value)
}

/**
 * A log entry's `changes` (a list of `{ field, before, after }`, as the audit trail writes them)
 * as rows of text; anything else it holds (a login's details) as one row per key, under "after".
 */
export const changeRows = (changes: unknown): ChangeRow[] => {
  if (Array.isArray(changes))
    return changes
      .filter((c): c is { field: unknown; before?: unknown; after?: unknown } => typeof c === 'object' && c !== null && 'field' in c)
      .map((c) => ({ field: String(c.field), before: shown(c.before), after: shown(c.after) }))
  if (changes && typeof changes === 'object') return Object.entries(changes).map(([field, value]) => ({ field, before: '—', after: shown(value) }))
  return changes == null ? [] : [{ field: '', before: '—', after: shown(changes) }]
}
