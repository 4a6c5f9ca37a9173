import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { idOf } from '../../src/access/ids'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { childClassIds, scoped, selfClassIds, taughtClassIds, teacherIds } from '../../src/access/scopes'
import { clashes, slotProblem } from '../../src/domain/timetable'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { naming, relation, school, text } from '../fields'
import { classGroup } from './classGroup'
import { calendarEndpoint, weekEndpoint } from './timetableWeek'
import { slotTitle, weekdayNumber, weekdays, type SlotLike } from './slotTitle'

type Slot = { id?: number; class?: never; group?: string | null; subject?: never; teacher?: never; room?: never; weekday?: string | number; start?: string; duration?: number; schoolYear?: never }

const asDomain = (slot: Slot) => ({
  id: slot.id,
  class: idOf(slot.class)!,
  group: slot.group || null,
  subject: idOf(slot.subject),
  teacher: idOf(slot.teacher) ?? null,
  room: idOf(slot.room) ?? null,
  weekday: weekdayNumber(slot.weekday),
  start: String(slot.start),
  duration: Number(slot.duration),
})

/**
 * A slot never overlaps another of the same teacher, room, class or group in the same school
 * year; the refusal names the slot already there so the secretariat knows what to move.
 */
const noClash: CollectionBeforeChangeHook = async ({ data, req, originalDoc }) => {
  const next = { ...originalDoc, ...data } as Slot
  const klass = await req.payload.findByID({ collection: 'classes', id: idOf(next.class)!, depth: 0, overrideAccess: true, req })
  data.schoolYear = idOf(klass.schoolYear)
  const candidate = asDomain(next)
  const problem = slotProblem(candidate)
  if (problem) throw invalid(req, [{ path: problem === 'invalidDuration' ? 'duration' : problem === 'invalidWeekday' ? 'weekday' : 'start', message: tReq(req, `errors.slot.${problem}`) }])
  const sameResources = [{ class: { equals: candidate.class } }]
  if (candidate.teacher != null) sameResources.push({ teacher: { equals: candidate.teacher } } as never)
  if (candidate.room != null) sameResources.push({ room: { equals: candidate.room } } as never)
  const others = await req.payload.find({
    collection: 'timetable-slots',
    where: { schoolYear: { equals: data.schoolYear }, weekday: { equals: next.weekday }, or: sameResources },
    depth: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const found = clashes(candidate, others.docs.map((doc) => ({ ...asDomain(doc as never), record: doc })))
  if (!found.length) {
    const subject = await req.payload.findByID({ collection: 'subjects', id: candidate.subject!, depth: 0, overrideAccess: true, req })
    data.title = slotTitle('fr', { ...next, class: klass, subject })
    return data
  }
  throw invalid(
    req,
    found.map(({ slot, reasons }) => ({
      path: reasons.includes('teacher') ? 'teacher' : reasons.includes('room') ? 'room' : 'start',
      message: tReq(req, 'errors.slotClash', {
        slot: slotTitle(req.i18n?.language, (slot as unknown as { record: SlotLike }).record),
        reasons: reasons.map((reason) => tReq(req, `errors.clashReason.${reason}`)).join(', '),
      }),
    })),
  )
}

/** One lesson of the weekly timetable: a class (or one of its groups), a subject, a teacher, a room. */
export const TimetableSlots: CollectionConfig = {
  slug: 'timetable-slots',
  ...naming('timetableSlots', 'TimetableSlot', 'TimetableSlots'),
  admin: { group: label('groups.academics'), useAsTitle: 'title', defaultColumns: ['title', 'class', 'teacher', 'room', 'weekday', 'start', 'duration'] },
  defaultSort: 'weekday',
  access: {
    read: anyOf(
      isIT,
      staffOf(['admin', 'secretariat']),
      scoped('teacher', 'class', taughtClassIds),
      scoped('teacher', 'teacher', teacherIds),
      scoped('parent', 'class', childClassIds),
      scoped('student', 'class', selfClassIds),
    ),
    ...managedBy(['admin', 'secretariat'], ['admin', 'secretariat']),
  },
  fields: [
    school(),
    text('title', { admin: { readOnly: true, hidden: true } }),
    { type: 'row', fields: [relation('class', 'classes', { required: true }), classGroup()] },
    { type: 'row', fields: [relation('subject', 'subjects', { required: true }), relation('teacher', 'teachers'), relation('room', 'rooms')] },
    {
      type: 'row',
      fields: [
        { name: 'weekday', type: 'select', required: true, index: true, label: label('fields.weekday'), options: options('weekday', weekdays) },
        text('start', { required: true, admin: { placeholder: '08:00' } }),
        { name: 'duration', type: 'number', required: true, defaultValue: 50, min: 5, max: 600, label: label('fields.duration'), admin: { description: label('fields.durationHelp') } },
      ],
    },
    relation('schoolYear', 'school-years', { admin: { readOnly: true, hidden: true } }),
  ],
  endpoints: [weekEndpoint, calendarEndpoint],
  hooks: { beforeChange: [noClash], afterChange: [auditTrail], afterDelete: [auditTrail] },
}
