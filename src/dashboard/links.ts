/**
 * The admin list behind a figure: `/admin/collections/<slug>?where[and][n][field][operator]=value`,
 * the query string Payload's list view reads (and the REST API, for the same `where`). Lists of
 * ids go comma-separated, which Payload splits for `in`, so long lists do not hit qs's array limit.
 */
export type Condition = [field: string, operator: 'equals' | 'not_equals' | 'in' | 'greater_than' | 'greater_than_equal' | 'less_than_equal', value: string | number | (string | number)[]]

export const whereParams = (conditions: Condition[]) => {
  const params = new URLSearchParams()
  conditions.forEach(([field, operator, value], n) => params.append(`where[and][${n}][${field}][${operator}]`, Array.isArray(value) ? value.join(',') : String(value)))
  return params
}

export const listHref = (admin: string, collection: string, conditions: Condition[]) => `${admin}/collections/${collection}?${whereParams(conditions)}`

/** The first and last instants of a Kinshasa day (UTC+1, no summer time), as dates are compared. */
export const dayStart = (day: string) => `${day}T00:00:00+01:00`
export const dayEnd = (day: string) => `${day}T23:59:59.999+01:00`
