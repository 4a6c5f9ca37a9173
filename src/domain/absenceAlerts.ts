/**
 * Absence alerts: the guardians are told the same day when their child is recorded absent or
 * late, once per pupil and school day whatever the number of lessons missed, and a
 * justification closes the day's alert. Pure: which records alert, the event's key, the text's
 * variables; the attendance hooks glue them to the notification service.
 */
import type { ID } from '../access/ids'
import { addDays } from './billing'
import { numericDate } from './familyNews'

/** The statuses a family is told about; `excused` is already known to the school, `present` is news to nobody. */
export const alertStatuses = ['absent', 'late'] as const
export const makesAlert = (status: unknown) => alertStatuses.includes(status as (typeof alertStatuses)[number])

/** One alert per pupil and school day: the notification service never sends the same event twice to a person. */
export const absenceEvent = (student: ID, day: string) => `absence:${student}:${day}`

/**
 * How many days back a register still alerts: a roll typed in the next morning, or on Monday
 * for the Friday, reaches the family; a term of paper registers typed in later does not flood
 * them with old news. A register dated in the future alerts nobody.
 */
export const alertWindowDays = 3

/** Whether a register of `day` alerts the families, `today` being the school's day (Kinshasa). */
export const alertable = (day: string, today: string) => day <= today && day >= addDays(today, -alertWindowDays)

export type DayRecord = {
  status: string
  /** The lesson, for a register taken per lesson: its subject and start (HH:MM). */
  lesson?: { subject: string; start: string } | null
}

/**
 * The alert's variables for a pupil's day, from the records that alert: how many absences and
 * late arrivals, and the lessons concerned in the order of the day (subjects are the school's
 * own words, so the variables hold nothing that needs translating).
 */
export const absenceVars = (pupil: string, day: string, records: DayRecord[]) => {
  const alerting = records.filter((record) => makesAlert(record.status))
  const lessons = alerting
    .flatMap((record) => (record.lesson ? [record.lesson] : []))
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((lesson) => `${lesson.subject} ${lesson.start}`)
  const absences = alerting.filter((record) => record.status === 'absent').length
  const lates = alerting.filter((record) => record.status === 'late').length
  return {
    pupil,
    date: numericDate(day),
    absences,
    lates,
    lessons: lessons.length ? ` (${[...new Set(lessons)].join(', ')})` : '',
    // Which texts tell it (notifications.absenceRecorded.titleAbsent, …Late, …Both).
    variant: absences && lates ? 'Both' : lates ? 'Late' : 'Absent',
  }
}

type Change = { status?: string | null; justification?: string | null; justificationDocument?: unknown }

/**
 * Whether a change to a record closes the day's alert: a justification written (text or
 * document) where there was none, or the absence re-recorded as excused. The family has
 * answered: nothing still waiting to be sent about that day goes out.
 */
export const closesAlert = (before: Change | null | undefined, after: Change) => {
  const had = Boolean(before?.justification?.trim() || before?.justificationDocument)
  const has = Boolean(after.justification?.trim() || after.justificationDocument)
  return (has && !had) || (after.status === 'excused' && before?.status !== 'excused' && before != null)
}
