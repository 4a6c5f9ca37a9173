/** The school week as the workspace shows it: calendar days in the device's time zone (Kinshasa's, on a teacher's phone). */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof weekdays)[number]

const pad = (n: number) => String(n).padStart(2, '0')

/** A day as YYYY-MM-DD in local time (not UTC: at 00:30 in Kinshasa it is already tomorrow). */
export const localDay = (date = new Date()) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`

// Noon UTC keeps a calendar day on the same date whatever the offset.
const noon = (day: string) => new Date(`${day}T12:00:00Z`)

export const weekdayOf = (day: string): Weekday => weekdays[(noon(day).getUTCDay() + 6) % 7]

export const addDays = (day: string, days: number) => new Date(noon(day).getTime() + days * 86_400_000).toISOString().slice(0, 10)

/** The date of a weekday in the week (Monday to Sunday) that holds `day`. */
export const dayInWeekOf = (day: string, weekday: Weekday) => addDays(day, weekdays.indexOf(weekday) - weekdays.indexOf(weekdayOf(day)))

/** When a lesson ends: "07:30" for 50 minutes is "08:20". */
export const endOf = (start: string, duration: number) => {
  const [hours, minutes] = start.split(':').map(Number)
  const total = hours * 60 + minutes + duration
  return `${pad(Math.floor(total / 60) % 24)}:${pad(total % 60)}`
}

/** The half-day now, for a roll taken outside a timetabled lesson. */
export const currentHalfDay = (date = new Date()) => (date.getHours() < 12 ? 'morning' : 'afternoon')
