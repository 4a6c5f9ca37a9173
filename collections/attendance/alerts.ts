import { sql } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { idOf, type ID } from '../../src/access/ids'
import { schoolToday } from '../../src/api/request'
import { dbOf } from '../../src/db/session'
import { absenceEvent, absenceVars, alertable, closesAlert, makesAlert } from '../../src/domain/absenceAlerts'
import { pupilsVar } from '../../src/domain/familyNews'
import { dayOf } from '../../src/domain/timetable'
import { guardiansOfPupils } from '../../src/notifications/family'
import { closeNotifications, notify } from '../../src/notifications/notify'
import { sqlIds } from '../../src/db/ids'


/**
 * Tells the guardians of these pupils (of one school) about their absences and lateness of
 * `day`, in req's transaction: one alert per pupil and day, however many lessons they missed and
 * however often the roll is saved. An alert already written but still unread is brought up to
 * date with the day's lessons, so that what the family opens tells the whole day.
 */
export const alertGuardians = async (req: PayloadRequest, school: ID, day: string, students: ID[]) => {
  if (!students.length || !alertable(day, schoolToday())) return
  const db = await dbOf(req)
  const { rows } = await db.execute(sql`select a.student_id as student, a.status, sub.name as subject, slot.start, p.full_name as pupil
    from attendance a join students p on p.id = a.student_id
    left join timetable_slots slot on slot.id = a.slot_id left join subjects sub on sub.id = slot.subject_id
    where a.student_id in (${sqlIds(students)}) and a.date = ${`${day}T00:00:00.000Z`}::timestamptz and a.status in ('absent', 'late')`)
  const records = rows as { student: number; status: string; subject: string | null; start: string | null; pupil: string | null }[]
  const guardians = await guardiansOfPupils(req, students)
  for (const student of new Set(records.map((record) => String(record.student)))) {
    const own = records.filter((record) => String(record.student) === student)
    const vars = { ...absenceVars(own[0].pupil ?? '', day, own.map((r) => ({ status: r.status, lesson: r.subject && r.start ? { subject: r.subject, start: r.start } : null }))), pupils: pupilsVar([student]) }
    const event = absenceEvent(student, day)
    const recipients = (guardians.get(student) ?? []).map((guardian) => ({ guardian }))
    const { created } = await notify(req, { kind: 'absenceRecorded', event, school, recipients, vars, link: `/students/${student}/attendance` })
    if (created < recipients.length) await db.execute(sql`update notifications set vars = ${JSON.stringify(vars)}::jsonb, updated_at = now() where event = ${event} and read_at is null`)
  }
}

/**
 * The family answered (a justification, or the absence excused): the day's alert is closed, read
 * in-app and nothing still waiting about it sent by e-mail or SMS. What already went out stays so.
 */
export const closeAlert = (req: PayloadRequest, student: ID, day: string) => closeNotifications(req, absenceEvent(student, day))

/** A record written one at a time (the admin, REST, GraphQL, the portal's justification): alerts when it becomes an absence or a lateness, closes when justified. The roll, written in bulk, calls the same two. */
export const absenceAlerts: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const day = dayOf(doc.date)
  if (!day) return doc
  const before = operation === 'update' ? previousDoc : null
  if (closesAlert(before, doc)) await closeAlert(req, idOf(doc.student)!, day)
  else if (makesAlert(doc.status) && doc.status !== before?.status && !doc.justification) await alertGuardians(req, idOf(doc.school)!, day, [idOf(doc.student)!])
  return doc
}
