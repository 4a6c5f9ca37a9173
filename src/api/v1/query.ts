import type { Where } from 'payload'

/**
 * The `ra-data-simple-rest` list protocol, read into Payload's terms: `filter` (JSON object),
 * `range` ([start, end], inclusive) and `sort` (["field", "ASC"|"DESC"]). Pure: the fields a
 * resource may be filtered and sorted by come from its collection; access is applied later by Payload.
 */

export type QueryProblem = { param: 'filter' | 'range' | 'sort'; code: string; params?: Record<string, string | number> }
export type ListQuery = { where: Where; sort?: string; start: number; end: number }
export type Outcome = { ok: true; query: ListQuery } | { ok: false; problem: QueryProblem }

export const defaultRange = [0, 24] as const
export const maxRows = 1000

// Longest suffix first: `_gte` must not be read as `_gt` on a field named `…e`.
const suffixes = [
  ['_gte', 'greater_than_equal'],
  ['_lte', 'less_than_equal'],
  ['_neq', 'not_equals'],
  ['_gt', 'greater_than'],
  ['_lt', 'less_than'],
] as const

type Scalar = string | number | boolean
const isScalar = (value: unknown): value is Scalar => ['string', 'number', 'boolean'].includes(typeof value)

const parseJSON = (text: string | null): { ok: true; value: unknown } | { ok: false } => {
  if (text === null || text === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

/** One filter entry as a Payload condition: a value is `equals`, a list is `in`, null is "not set". */
const condition = (operator: string, value: unknown): Where[string] | null => {
  const negated = operator === 'not_equals'
  if (value === null) return { exists: negated }
  if (Array.isArray(value)) {
    if (!value.every(isScalar) || (operator !== 'equals' && !negated)) return null
    return { [negated ? 'not_in' : 'in']: value }
  }
  return isScalar(value) ? { [operator]: value } : null
}

const filterOf = (value: unknown, fields: ReadonlySet<string>, search: readonly string[]): { ok: true; where: Where } | { ok: false; problem: QueryProblem } => {
  if (value === undefined) return { ok: true, where: {} }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, problem: { param: 'filter', code: 'filterNotObject' } }
  const and: Where[] = []
  for (const [key, raw] of Object.entries(value)) {
    if (key === 'q') {
      if (raw === '' || raw === null) continue
      if (typeof raw !== 'string') return { ok: false, problem: { param: 'filter', code: 'filterValue', params: { field: key } } }
      if (!search.length) return { ok: false, problem: { param: 'filter', code: 'noSearch' } }
      and.push({ or: search.map((field) => ({ [field]: { like: raw } })) })
      continue
    }
    const suffix = fields.has(key) ? undefined : suffixes.find(([end]) => key.endsWith(end) && fields.has(key.slice(0, -end.length)))
    if (!fields.has(key) && !suffix) return { ok: false, problem: { param: 'filter', code: 'unknownField', params: { field: key } } }
    const field = suffix ? key.slice(0, -suffix[0].length) : key
    const test = condition(suffix ? suffix[1] : 'equals', raw)
    if (!test) return { ok: false, problem: { param: 'filter', code: 'filterValue', params: { field: key } } }
    and.push({ [field]: test })
  }
  return { ok: true, where: and.length ? { and } : {} }
}

/** Without a range, a list of ids (react-admin's getMany) is answered whole; any other list, a first page. */
const rangeOf = (value: unknown, ids: unknown): { ok: true; start: number; end: number } | { ok: false; problem: QueryProblem } => {
  if (value === undefined && Array.isArray(ids) && ids.length) value = [0, ids.length - 1]
  if (value === undefined) return { ok: true, start: defaultRange[0], end: defaultRange[1] }
  const bad = { ok: false as const, problem: { param: 'range' as const, code: 'rangeShape' } }
  if (!Array.isArray(value) || value.length !== 2 || !value.every((n) => Number.isInteger(n) && n >= 0)) return bad
  const [start, end] = value as [number, number]
  if (end < start) return bad
  if (end - start + 1 > maxRows) return { ok: false, problem: { param: 'range', code: 'rangeTooLarge', params: { max: maxRows } } }
  return { ok: true, start, end }
}

const sortOf = (value: unknown, fields: ReadonlySet<string>): { ok: true; sort?: string } | { ok: false; problem: QueryProblem } => {
  if (value === undefined) return { ok: true }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || !/^(asc|desc)$/i.test(String(value[1])))
    return { ok: false, problem: { param: 'sort', code: 'sortShape' } }
  const [field, order] = value as [string, string]
  if (!fields.has(field)) return { ok: false, problem: { param: 'sort', code: 'unknownField', params: { field } } }
  return { ok: true, sort: order.toLowerCase() === 'desc' ? `-${field}` : field }
}

/** The list request's three parameters, or the first thing wrong with them. */
export const listQuery = (params: URLSearchParams, fields: ReadonlySet<string>, search: readonly string[]): Outcome => {
  const parsed = { filter: parseJSON(params.get('filter')), range: parseJSON(params.get('range')), sort: parseJSON(params.get('sort')) }
  for (const param of ['filter', 'range', 'sort'] as const) if (!parsed[param].ok) return { ok: false, problem: { param, code: 'notJSON' } }
  const value = (param: keyof typeof parsed) => (parsed[param] as { value: unknown }).value
  const filter = filterOf(value('filter'), fields, search)
  if (!filter.ok) return filter
  const range = rangeOf(value('range'), (value('filter') as { id?: unknown } | undefined)?.id)
  if (!range.ok) return range
  const sort = sortOf(value('sort'), fields)
  if (!sort.ok) return sort
  return { ok: true, query: { where: filter.where, sort: sort.sort, start: range.start, end: range.end } }
}

/**
 * Payload pages by number, the protocol by offset: the range's rows as one or two pages of its
 * own size (a range that does not start on a page boundary straddles two), and where they start.
 */
export const pagesOf = (start: number, end: number) => {
  const limit = end - start + 1
  const first = Math.floor(start / limit) + 1
  const skip = start - (first - 1) * limit
  return { limit, pages: skip ? [first, first + 1] : [first], skip }
}

/** The `Content-Range` header: `students 0-24/319`, or `students *` + `/0` when the range holds nothing. */
export const contentRange = (resource: string, start: number, count: number, total: number) =>
  count ? `${resource} ${start}-${start + count - 1}/${total}` : `${resource} */${total}`
