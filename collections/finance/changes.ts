import { idOf } from '../../src/access/ids'

/** A value as stored, whatever way a client sends it: a relation's id, a date's instant, a line's label and amount, nothing for empty. */
const normal = (value: unknown): unknown => {
  if (value === undefined || value === null || value === '') return null
  if (Array.isArray(value)) return value.map((item) => (item && typeof item === 'object' && 'amount' in item ? [String(item.label ?? ''), item.amount] : normal(item)))
  if (typeof value === 'object') return idOf(value as never) ?? null
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) return Date.parse(value)
  return value
}

/**
 * The fields among `fields` that `data` really changes on `original`: the admin saves every
 * field of the form, an API client only some, and neither should pass for a change when
 * it sends back what is there.
 */
export const changedFields = (data: Record<string, unknown>, original: Record<string, unknown> | undefined, fields: readonly string[]) =>
  fields.filter((field) => data[field] !== undefined && JSON.stringify(normal(data[field])) !== JSON.stringify(normal(original?.[field])))
