import { formatTime, parseTime } from '../../src/domain/timetable'
import { t } from '../../src/i18n'

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

/** ISO weekday (1 = Monday) of a slot's `weekday` option. */
export const weekdayNumber = (value: unknown) => weekdays.indexOf(value as (typeof weekdays)[number]) + 1

type Named = { name?: string | null; code?: string | null } | number | string | null | undefined
export type SlotLike = { subject?: Named; class?: Named; group?: string | null; weekday?: string | number; start?: string; duration?: number }

const nameOf = (ref: Named, key: 'name' | 'code') => (ref && typeof ref === 'object' ? (ref[key] ?? ref.name ?? '') : '')

/** "Mathématiques · 5P-A · lundi 08:00–08:50", in the reader's language. */
export const slotTitle = (language: unknown, slot: SlotLike) => {
  const klass = [nameOf(slot.class, 'code'), slot.group].filter(Boolean).join('/')
  const day = t(language, `options.weekday.${slot.weekday}`).toLowerCase()
  const start = parseTime(slot.start)
  const time = start === null ? String(slot.start) : `${slot.start}–${formatTime(start + Number(slot.duration))}`
  return [nameOf(slot.subject, 'name'), klass, `${day} ${time}`].filter(Boolean).join(' · ')
}
