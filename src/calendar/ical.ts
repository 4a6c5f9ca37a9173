/**
 * A class's or a pupil's timetable and exams as an iCalendar feed (text/calendar) that phones and
 * calendar apps subscribe to. Lessons are weekly recurring events over the school year, exams
 * one-off events; UIDs are stable so a refreshed feed updates events instead of duplicating them.
 */
import ical from 'ical-generator'
import type { ID } from '../access/ids'
import { dayOf, formatTime, parseTime, slotOccurrences, slotProblem } from '../domain/timetable'

// The DRC's two zones, neither with daylight saving time: a fixed offset describes them exactly.
const zones = {
  'Africa/Kinshasa': { offset: '+01:00', abbreviation: 'WAT' },
  'Africa/Lubumbashi': { offset: '+02:00', abbreviation: 'CAT' },
} as const
export type SchoolTimezone = keyof typeof zones

type Details = { id: ID; summary: string; description?: string | null; location?: string | null }
export type FeedSlot = Details & { weekday: number; start: string; duration: number }
export type FeedExam = Details & { date: string; start?: string | null; duration?: number | null }

export type FeedInput = {
  name: string
  timezone: SchoolTimezone
  slots: FeedSlot[]
  exams: FeedExam[]
  /** The school year's first and last days: lessons repeat weekly between them. */
  from: Date | string
  to: Date | string
}

const vtimezone = (tzid: string) => {
  const zone = zones[tzid as SchoolTimezone]
  if (!zone) return null
  const offset = zone.offset.replace(':', '')
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    `TZNAME:${zone.abbreviation}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n')
}

/**
 * A wall-clock time of the school's zone for ical-generator. Under a TZID it prints a native
 * Date's local fields, so the Date is built from local fields: the printed time is the one
 * given whatever the server's own zone (but for an hour skipped by its daylight saving time,
 * which no school hour falls in).
 */
const wallClock = (day: string, minutes = 0) => {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(year, month - 1, date, 0, minutes)
}

/** The UTC instant of a wall-clock time, as RRULE's UNTIL must be written when DTSTART has a TZID. */
const utcStamp = (day: string, minutes: number, zone: SchoolTimezone) =>
  new Date(`${day}T${formatTime(minutes)}:00${zones[zone].offset}`).toISOString().replace(/[-:]|\.\d{3}/g, '')

/** What an app shows of an event, under a UID that stays the same from one download to the next. */
const details = (kind: 'slot' | 'exam', { id, summary, description, location }: Details) => ({
  id: `${kind}-${id}@kelasi`,
  summary,
  description: description || undefined,
  location: location || undefined,
})

/** The feed's text: one weekly event per lesson from its first day in the year to its last, one event per exam. */
export const calendarFeed = ({ name, timezone, slots, exams, from, to }: FeedInput): string => {
  const calendar = ical({
    name,
    prodId: { company: 'Kelasi', product: 'Kelasi', language: 'FR' },
    // Every event carries its own TZID: with a calendar-wide zone, ical-generator would write
    // DTSTAMP in local time where RFC 5545 wants UTC.
    timezone: { name: null, generator: vtimezone },
  })

  for (const slot of slots) {
    const dates = slotOccurrences(slot, from, to)
    if (slotProblem(slot) || !dates.length) continue
    const start = parseTime(slot.start)!
    calendar.createEvent({
      ...details('slot', slot),
      timezone,
      start: wallClock(dates[0], start),
      end: wallClock(dates[0], start + slot.duration),
      // The last lesson's start as UNTIL: inclusive, and exact without guessing an end of day.
      repeating: `FREQ=WEEKLY;UNTIL=${utcStamp(dates.at(-1)!, start, timezone)}`,
    })
  }

  for (const exam of exams) {
    const day = dayOf(exam.date)
    const start = exam.start ? parseTime(exam.start) : null
    // An exam whose date or time cannot be read is left out rather than shown at a wrong time.
    if (!day || (exam.start && start === null)) continue
    const event = { ...details('exam', exam), timezone }
    if (start === null) calendar.createEvent({ ...event, allDay: true, start: wallClock(day) })
    else calendar.createEvent({ ...event, start: wallClock(day, start), end: (exam.duration ?? 0) > 0 ? wallClock(day, start + exam.duration!) : null })
  }

  return calendar.toString()
}
