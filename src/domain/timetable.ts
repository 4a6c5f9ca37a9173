/**
 * The weekly timetable: what a valid slot is, which slots cannot share an hour, the week as
 * shown, and the dates a slot falls on. Times are wall-clock "HH:MM" in the school's time zone,
 * weekdays ISO (1 = Monday … 7 = Sunday).
 */
import type { ID } from '../access/ids'

export type Slot = {
  id?: ID
  class: ID
  /** One of the class's groups; empty for the whole class. */
  group?: string | null
  subject?: ID
  teacher?: ID | null
  room?: ID | null
  weekday: number
  start: string
  /** Minutes. */
  duration: number
}

export type SlotProblem = 'invalidWeekday' | 'invalidStart' | 'invalidDuration' | 'endsAfterMidnight'
export type ClashReason = 'teacher' | 'room' | 'class' | 'group'

const minutesPerDay = 24 * 60
const dayMs = 86_400_000

/** Minutes since midnight of "08:30" (or "8:30" as typed), null when it is not a time of day. */
export const parseTime = (text: unknown): number | null => {
  const match = typeof text === 'string' ? /^(\d{1,2}):(\d{2})$/.exec(text.trim()) : null
  if (!match) return null
  const [hours, minutes] = [Number(match[1]), Number(match[2])]
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null
}

/** "HH:MM" of minutes since midnight; a slot ending at midnight ends at "24:00". */
export const formatTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** Why a slot cannot be saved, or null when it can. */
export const slotProblem = (slot: Pick<Slot, 'weekday' | 'start' | 'duration'>): SlotProblem | null => {
  if (!Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 7) return 'invalidWeekday'
  const start = parseTime(slot.start)
  if (start === null) return 'invalidStart'
  if (!Number.isInteger(slot.duration) || slot.duration < 5 || slot.duration > 600) return 'invalidDuration'
  // A lesson belongs to one day: the week view and the attendance register are per day.
  if (start + slot.duration > minutesPerDay) return 'endsAfterMidnight'
  return null
}

/** [start, end) in minutes, or null for a slot that could not have been saved. */
const range = (slot: Slot) => {
  const start = parseTime(slot.start)
  return start === null || slotProblem(slot) ? null : { start, end: start + slot.duration }
}

// Ids come as numbers from the database and as strings from forms and query strings.
const same = (a: ID | null | undefined, b: ID | null | undefined) => a != null && b != null && String(a) === String(b)

const reasonsBetween = (a: Slot, b: Slot): ClashReason[] => {
  const reasons: ClashReason[] = []
  if (same(a.teacher, b.teacher)) reasons.push('teacher')
  if (same(a.room, b.room)) reasons.push('room')
  if (same(a.class, b.class)) {
    // Two groups of one class work in parallel (that is what groups are for); the whole class
    // is in every group, so a whole-class slot clashes with any slot of that class.
    if (!a.group || !b.group) reasons.push('class')
    else if (a.group === b.group) reasons.push('group')
  }
  return reasons
}

/**
 * The slots the candidate cannot share its hour with, and why: same teacher, same room, the
 * same class (one side is the whole class) or the same group. Slots that only touch
 * (08:00–09:00 and 09:00–10:00) do not overlap; the candidate's own saved version is ignored.
 */
export const clashes = <S extends Slot>(candidate: Slot, others: S[]): { slot: S; reasons: ClashReason[] }[] => {
  const mine = range(candidate)
  if (!mine) return []
  return others.flatMap((slot) => {
    if (same(candidate.id, slot.id) || slot.weekday !== candidate.weekday) return []
    const theirs = range(slot)
    if (!theirs || theirs.start >= mine.end || mine.start >= theirs.end) return []
    const reasons = reasonsBetween(candidate, slot)
    return reasons.length ? [{ slot, reasons }] : []
  })
}

/** The week as shown: by weekday then start time, each slot with its end; unsaveable slots left out. */
export const weekOf = <S extends Slot>(slots: S[]) =>
  slots
    .flatMap((slot) => {
      const times = range(slot)
      return times ? [{ slot, times }] : []
    })
    .sort((a, b) => a.slot.weekday - b.slot.weekday || a.times.start - b.times.start)
    .map(({ slot, times }) => ({ ...slot, start: formatTime(times.start), end: formatTime(times.end) }))

/**
 * The calendar day a date stands for, as "YYYY-MM-DD": a string starting "YYYY-MM-DD" is read
 * as written (an ISO timestamp from the API included), a Date by its UTC day. Null otherwise.
 */
export const dayOf = (value: Date | string): string | null => {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10)
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0]
  const time = day ? Date.parse(`${day}T00:00:00Z`) : Number.NaN
  // Date.parse accepts 2026-02-30 as 2 March: only a day that reads back the same is one.
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day ? null : day
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar day "YYYY-MM-DD". */
export const isoWeekday = (day: string) => ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1

/** The dates ("YYYY-MM-DD") in [from, to], both included, that fall on the slot's weekday. */
export const slotOccurrences = (slot: Pick<Slot, 'weekday'>, from: Date | string, to: Date | string): string[] => {
  const [first, last] = [dayOf(from), dayOf(to)]
  if (!first || !last || !Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 7) return []
  const start = Date.parse(`${first}T00:00:00Z`)
  const end = Date.parse(`${last}T00:00:00Z`)
  const dates: string[] = []
  for (let day = start + ((slot.weekday - isoWeekday(first) + 7) % 7) * dayMs; day <= end; day += 7 * dayMs) {
    dates.push(new Date(day).toISOString().slice(0, 10))
  }
  return dates
}
