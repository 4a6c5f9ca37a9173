import { APIError, type Endpoint, type PayloadRequest, type Where } from 'payload'
import { idOf, type ID } from '../../src/access/ids'
import { needUser, schoolToday } from '../../src/api/request'
import { calendarFeed } from '../../src/calendar/ical'
import { dayOf, isoWeekday, weekOf } from '../../src/domain/timetable'
import { hasAnyRole } from '../../src/domain/roles'
import { teacherIds } from '../../src/access/scopes'
import { tReq } from '../../src/i18n'
import { slotTitle, weekdayNumber } from './slotTitle'

type Named = { id: ID; name?: string; code?: string; fullName?: string } | null
type Scope = { name: string; slots: Where; exams: Where; year: { startDate: string; endDate: string; id: ID } }

const as = (req: PayloadRequest) => ({ req, overrideAccess: false, depth: 0 }) as const

const currentYear = async (req: PayloadRequest, school: unknown) => {
  const found = await req.payload.find({ collection: 'school-years', where: { school: { equals: idOf(school as never) }, current: { equals: true } }, limit: 1, depth: 0, overrideAccess: true, req })
  if (!found.docs[0]) throw new APIError(tReq(req, 'errors.noCurrentYear'), 404)
  return found.docs[0]
}

const classScope = async (req: PayloadRequest, id: string): Promise<Scope> => {
  const klass = await req.payload.findByID({ collection: 'classes', id, ...as(req) })
  const year = await req.payload.findByID({ collection: 'school-years', id: idOf(klass.schoolYear)!, depth: 0, overrideAccess: true, req })
  return { name: klass.name, slots: { class: { equals: klass.id } }, exams: { class: { equals: klass.id } }, year }
}

const teacherScope = async (req: PayloadRequest, id: ID): Promise<Scope> => {
  const teacher = await req.payload.findByID({ collection: 'teachers', id, ...as(req) })
  const year = await currentYear(req, teacher.schools?.[0])
  const assignments = await req.payload.find({ collection: 'course-assignments', where: { teacher: { equals: teacher.id } }, pagination: false, depth: 0, overrideAccess: true, req })
  const pairs: Where[] = assignments.docs.map((a) => ({ and: [{ class: { equals: idOf(a.class) } }, { subject: { equals: idOf(a.subject) } }] }) as Where)
  return { name: `${teacher.firstName ?? ''} ${teacher.lastName}`.trim(), slots: { teacher: { equals: teacher.id } }, exams: pairs.length ? { or: pairs } : { id: { equals: 0 } }, year }
}

const studentScope = async (req: PayloadRequest, id: string): Promise<Scope> => {
  const student = await req.payload.findByID({ collection: 'students', id, ...as(req) })
  const enrollment = await req.payload.find({ collection: 'enrollments', where: { student: { equals: student.id }, status: { equals: 'active' } }, sort: '-startDate', limit: 1, depth: 0, overrideAccess: true, req })
  if (!enrollment.docs[0]) throw new APIError(tReq(req, 'errors.notEnrolled'), 404)
  return { ...(await classScope(req, String(idOf(enrollment.docs[0].class)))), name: student.fullName ?? '' }
}

/** Whose week: `?class=`, `?teacher=` or `?student=`; without any, the caller's own (a teacher's or a student's). */
const scopeOf = async (req: PayloadRequest): Promise<Scope> => {
  needUser(req)
  const query = req.searchParams
  if (query.get('class')) return classScope(req, query.get('class')!)
  if (query.get('teacher')) return teacherScope(req, query.get('teacher')!)
  if (query.get('student')) return studentScope(req, query.get('student')!)
  if (hasAnyRole(req.user, ['teacher'])) {
    const [mine] = await teacherIds(req)
    if (mine != null) return teacherScope(req, mine)
  }
  if (hasAnyRole(req.user, ['student'])) {
    const self = await req.payload.find({ collection: 'students', where: { user: { equals: req.user!.id } }, limit: 1, ...as(req) })
    if (self.docs[0]) return studentScope(req, String(self.docs[0].id))
  }
  throw new APIError(tReq(req, 'errors.weekNeedsWhom'), 400)
}

const load = async (req: PayloadRequest, scope: Scope, from: string, to: string) => {
  const [slots, exams] = await Promise.all([
    req.payload.find({ collection: 'timetable-slots', where: { and: [scope.slots, { schoolYear: { equals: scope.year.id } }] }, pagination: false, ...as(req), depth: 1 }),
    req.payload.find({
      collection: 'evaluations',
      where: { and: [scope.exams, { date: { greater_than_equal: from } }, { date: { less_than_equal: `${to}T23:59:59.999Z` } }] },
      pagination: false,
      sort: 'date',
      ...as(req),
      depth: 1,
    }),
  ])
  const name = (ref: unknown) => (ref as Named)?.name ?? ''
  const language = req.i18n?.language
  return {
    slots: weekOf(
      slots.docs.map((slot) => ({
        id: slot.id,
        title: slotTitle(language, slot as never),
        class: idOf(slot.class as never)!,
        className: name(slot.class),
        group: slot.group ?? null,
        subject: idOf(slot.subject as never),
        subjectName: name(slot.subject),
        teacher: idOf(slot.teacher as never) ?? null,
        teacherName: (slot.teacher as Named)?.fullName ?? '',
        room: idOf(slot.room as never) ?? null,
        roomName: name(slot.room),
        weekday: weekdayNumber(slot.weekday),
        start: slot.start,
        duration: slot.duration,
      })),
    ),
    exams: exams.docs.map((exam) => ({
      id: exam.id,
      title: exam.title,
      kind: exam.kind,
      date: dayOf(exam.date),
      start: exam.start ?? null,
      className: name(exam.class),
      subjectName: name(exam.subject),
      maximum: exam.maximum,
    })),
  }
}

/** A student's lessons of the week and the evaluations dated from `from` to `to` (the portal's timetable page). */
export const studentWeek = async (req: PayloadRequest, student: ID, from: string, to: string) => {
  const scope = await studentScope(req, String(student))
  return { name: scope.name, ...(await load(req, scope, from, to)) }
}

/** Monday..Sunday of the week holding `day`. */
const weekAround = (day: string) => {
  const monday = Date.parse(`${day}T00:00:00Z`) - (isoWeekday(day) - 1) * 86_400_000
  return [new Date(monday).toISOString().slice(0, 10), new Date(monday + 6 * 86_400_000).toISOString().slice(0, 10)]
}

/** The week as data: the slots by day and time, and the evaluations dated in the week (`?from=&to=` for another range). */
export const weekEndpoint: Endpoint = {
  path: '/week',
  method: 'get',
  handler: async (req) => {
    const scope = await scopeOf(req)
    const [monday, sunday] = weekAround(dayOf(req.searchParams.get('date') ?? '') ?? schoolToday())
    const from = dayOf(req.searchParams.get('from') ?? '') ?? monday
    const to = dayOf(req.searchParams.get('to') ?? '') ?? sunday
    return Response.json({ name: scope.name, schoolYear: scope.year.id, from, to, ...(await load(req, scope, from, to)) })
  },
}

/** The same week as an iCalendar feed for phones and calendar apps: lessons repeat over the school year, with every dated evaluation. */
export const calendarEndpoint: Endpoint = {
  path: '/calendar',
  method: 'get',
  handler: async (req) => {
    const scope = await scopeOf(req)
    const from = dayOf(scope.year.startDate)!
    const to = dayOf(scope.year.endDate)!
    const week = await load(req, scope, from, to)
    const body = calendarFeed({
      name: scope.name,
      timezone: 'Africa/Kinshasa',
      from,
      to,
      slots: week.slots.map((slot) => ({ id: slot.id, summary: `${slot.subjectName} · ${slot.className}${slot.group ? `/${slot.group}` : ''}`, description: slot.teacherName, location: slot.roomName, weekday: slot.weekday, start: slot.start, duration: slot.duration })),
      exams: week.exams.map((exam) => ({ id: exam.id, summary: `${exam.title} · ${exam.subjectName} · ${exam.className}`, date: exam.date!, start: exam.start })),
    })
    return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline; filename="kelasi.ics"' } })
  },
}
