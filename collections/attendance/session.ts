import { idOf } from '../../src/access/ids'

/** Which part of the day a record covers: one lesson, a half-day, or the whole day. One record per student and part. */
export const sessionKey = (record: { slot?: unknown; halfDay?: string | null }) => {
  const slot = idOf(record.slot as never)
  if (slot != null) return `slot:${slot}`
  return record.halfDay ? `half:${record.halfDay}` : 'day'
}
