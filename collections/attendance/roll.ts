import { APIError, type Endpoint, type PayloadRequest } from 'payload'
import { idOf, type ID } from '../../src/access/ids'
import { bodyOf, needUser } from '../../src/api/request'
import { inTransaction } from '../../src/db/transaction'
import { closesAlert, makesAlert } from '../../src/domain/absenceAlerts'
import { halfDayOf, rollFor, type RollException } from '../../src/domain/attendance'
import { dayOf, isoWeekday } from '../../src/domain/timetable'
import { tReq } from '../../src/i18n'
import { writeAudit } from '../../hooks/audit'
import { invalid } from '../../hooks/invalid'
import { classStudents } from '../academics/classStudents'
import { weekdayNumber } from '../academics/slotTitle'
import { alertGuardians, closeAlert } from './alerts'
import { sessionKey } from './session'

export type RollBody = { class?: unknown; date?: string; slot?: unknown; halfDay?: string | null; entries?: RollException[] }

/** The roll's part of the day: a slot of this class on that weekday, or a half-day, or the whole day. */
const sessionOf = async (req: PayloadRequest, body: RollBody, klass: ID, day: string) => {
  if (body.halfDay != null && !['morning', 'afternoon'].includes(body.halfDay)) throw invalid(req, [{ path: 'halfDay', message: tReq(req, 'errors.invalidHalfDay') }])
  if (body.slot == null) return { slot: null, halfDay: (body.halfDay as 'morning' | 'afternoon' | null) ?? null }
  const slot = await req.payload.findByID({ collection: 'timetable-slots', id: String(idOf(body.slot as never)), req, overrideAccess: true, depth: 0, disableErrors: true })
  if (!slot || String(idOf(slot.class)) !== String(klass) || weekdayNumber(slot.weekday) !== isoWeekday(day))
    throw invalid(req, [{ path: 'slot', message: tReq(req, 'errors.slotNotThisClassDay') }])
  // The lesson's half-day, so that totals count a morning and an afternoon lesson missed as two half-days.
  return { slot: slot.id, halfDay: halfDayOf(slot.start) }
}

/**
 * The roll for a whole class in one request and one transaction: everyone enrolled is present
 * unless listed otherwise. Saving the same roll again changes only what differs; a
 * justification already recorded stays. One audit entry tells who took which roll. Pupils newly
 * marked absent or late have their guardians alerted in the same transaction (once a day).
 */
export const takeRoll = async (req: PayloadRequest, body: RollBody) => {
  const day = dayOf(String(body.date ?? ''))
  if (!day) throw invalid(req, [{ path: 'date', message: tReq(req, 'errors.invalidDay') }])
  if (body.class == null) throw invalid(req, [{ path: 'class', message: tReq(req, 'errors.rollNeedsClass') }])
  const klass = await req.payload.findByID({ collection: 'classes', id: String(idOf(body.class as never)), req, overrideAccess: false, depth: 0 })
  const create = req.payload.collections.attendance.config.access.create
  if ((await create({ req, data: { class: klass.id, school: idOf(klass.school) } })) !== true) throw new APIError(tReq(req, 'errors.notYourClass'), 403)
  const session = await sessionOf(req, body, klass.id, day)
  const students = await classStudents(req, klass.id)
  const result = rollFor([...students.keys()].map(Number), Array.isArray(body.entries) ? body.entries : [])
  if (!result.ok) {
    throw invalid(req, result.errors.map((error) => ({
      path: 'entries',
      message: tReq(req, 'errors.rollLine', { student: students.get(String(error.params.student)) ?? String(error.params.student), reason: tReq(req, `errors.roll.${error.code}`, { status: error.params.status ?? '' }) }),
    })))
  }
  const key = sessionKey(session)
  const counts = { created: 0, updated: 0, unchanged: 0 }
  const exceptions: { field: string; before: unknown; after: unknown }[] = []
  await inTransaction(req, async () => {
    const existing = await req.payload.find({
      collection: 'attendance',
      where: { student: { in: [...students.keys()] }, date: { greater_than_equal: `${day}T00:00:00.000Z`, less_than_equal: `${day}T23:59:59.999Z` }, sessionKey: { equals: key } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const byStudent = new Map(existing.docs.map((row) => [String(idOf(row.student)), row]))
    const now = new Date().toISOString()
    const alerted: ID[] = []
    for (const entry of result.roll) {
      const current = byStudent.get(String(entry.student))
      // A note not sent stays (a pupil left present keeps what the secretariat wrote); an empty one removes it.
      const fields = { status: entry.status, minutesLate: entry.minutesLate ?? null, note: entry.note === undefined ? (current?.note ?? null) : entry.note || null }
      if (current && current.status === fields.status && (current.minutesLate ?? null) === fields.minutesLate && (current.note ?? null) === fields.note) {
        counts.unchanged++
        continue
      }
      if (makesAlert(entry.status) && entry.status !== current?.status && !current?.justification) alerted.push(entry.student)
      if (current && closesAlert(current, fields)) await closeAlert(req, entry.student, day)
      if (entry.status !== 'present' || current) exceptions.push({ field: students.get(String(entry.student)) ?? String(entry.student), before: current?.status ?? null, after: entry.status })
      if (current) {
        await req.payload.db.updateOne({ collection: 'attendance', id: current.id, data: { ...fields, updatedAt: now }, req, returning: false })
        counts.updated++
      } else {
        await req.payload.db.create({
          collection: 'attendance',
          data: { school: idOf(klass.school), student: entry.student, class: klass.id, date: `${day}T00:00:00.000Z`, ...session, ...fields, sessionKey: key, recordedBy: req.user!.id, updatedAt: now },
          req,
          returning: false,
        })
        counts.created++
      }
    }
    await alertGuardians(req, idOf(klass.school)!, day, alerted)
    if (counts.created || counts.updated)
      await writeAudit(req, { action: 'update', collection: 'attendance', documentId: `roll:${klass.id}:${day}:${key}`, school: idOf(klass.school), changes: exceptions })
  })
  return { class: klass.id, date: day, ...session, sessionKey: key, students: students.size, ...counts }
}

export const rollEndpoint: Endpoint = {
  path: '/roll',
  method: 'post',
  handler: async (req) => {
    needUser(req)
    return Response.json(await takeRoll(req, await bodyOf<RollBody>(req)))
  },
}
