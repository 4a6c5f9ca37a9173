import type { CollectionBeforeChangeHook, CollectionConfig, FieldAccess } from 'payload'
import { idOf } from '../../src/access/ids'
import { anyOf, isIT, staffCreates, staffOf } from '../../src/access/predicates'
import { childIds, scoped, selfStudentIds, taughtClassIds, within } from '../../src/access/scopes'
import { attendanceStatuses } from '../../src/domain/attendance'
import { dayOf } from '../../src/domain/timetable'
import { hasAnyRole } from '../../src/domain/roles'
import { label, options } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { date, naming, readableRelation, relation, school, text } from '../fields'
import { absenceAlerts } from './alerts'
import { attendanceExportEndpoint } from './attendanceExport'
import { rollEndpoint } from './roll'
import { sessionKey } from './session'
import { totalsEndpoint } from './totals'

const registerKeepers = ['admin', 'secretariat'] as const

/** Teachers take the roll for their own classes; create access is a yes or no, so it checks the submitted class. */
const teacherOfClass: FieldAccess & ((args: { req: never; data?: { class?: unknown } }) => Promise<boolean>) = async ({ req, data }) => {
  if (!hasAnyRole((req as unknown as { user?: never }).user, ['teacher'])) return false
  if (!data) return true
  return within(req as never, taughtClassIds, data.class)
}

/** The roll itself (status, lateness) is the teacher's and the register keepers'; a guardian only justifies. */
const rollField: FieldAccess = async ({ req, doc }) => {
  if (hasAnyRole(req.user, ['it', ...registerKeepers])) return true
  if (!hasAnyRole(req.user, ['teacher'])) return false
  return !doc || within(req, taughtClassIds, doc.class)
}

/** A justification is written by the secretariat or by one of the student's guardians. */
const justificationField: FieldAccess = async ({ req, doc }) => {
  if (hasAnyRole(req.user, ['it', ...registerKeepers])) return true
  if (!hasAnyRole(req.user, ['parent'])) return false
  return !doc || within(req, childIds, doc.student)
}

/** Who recorded and who justified are the system's to write, never the caller's. */
const stamps: CollectionBeforeChangeHook = ({ data, req, originalDoc, operation }) => {
  const next = { ...originalDoc, ...data }
  // A register's day is a calendar day: stored as its UTC midnight, whatever the client sent.
  if (data.date) data.date = `${dayOf(data.date)}T00:00:00.000Z`
  data.sessionKey = sessionKey(next)
  data.recordedBy = operation === 'create' ? req.user?.id : idOf(originalDoc?.recordedBy)
  const changed = (field: string) => data[field] !== undefined && String(idOf(data[field]) ?? '') !== String(idOf(originalDoc?.[field]) ?? '')
  const justified = changed('justification') || changed('justificationDocument')
  data.justifiedBy = justified ? req.user?.id : idOf(originalDoc?.justifiedBy)
  data.justifiedAt = justified ? new Date().toISOString() : originalDoc?.justifiedAt
  return data
}

/** Whether a student was there, for one lesson (a timetable slot) or a half-day. */
export const Attendance: CollectionConfig = {
  slug: 'attendance',
  ...naming('attendance', 'AttendanceRecord', 'AttendanceRecords'),
  admin: { group: label('groups.schoolLife'), defaultColumns: ['date', 'student', 'class', 'status', 'slot', 'halfDay', 'justification'] },
  defaultSort: '-date',
  access: {
    read: anyOf(
      isIT,
      staffOf([...registerKeepers]),
      scoped('teacher', 'class', taughtClassIds),
      scoped('parent', 'student', childIds),
      scoped('student', 'student', selfStudentIds),
    ),
    create: anyOf(isIT, staffCreates([...registerKeepers]), teacherOfClass as never),
    update: anyOf(isIT, staffOf([...registerKeepers]), scoped('teacher', 'class', taughtClassIds), scoped('parent', 'student', childIds)),
    delete: anyOf(isIT, staffOf([...registerKeepers])),
  },
  indexes: [{ fields: ['student', 'date', 'sessionKey'], unique: true }],
  fields: [
    school(),
    { type: 'row', fields: [relation('student', 'students', { required: true, access: { update: rollField } }), relation('class', 'classes', { required: true, access: { update: rollField } })] },
    {
      type: 'row',
      fields: [
        date('date', { required: true, index: true, access: { update: rollField } }),
        relation('slot', 'timetable-slots', { access: { update: rollField } }),
        {
          name: 'halfDay',
          type: 'select',
          label: label('fields.halfDay'),
          options: options('halfDay', ['morning', 'afternoon'] as const),
          access: { update: rollField },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'present',
          index: true,
          label: label('fields.attendanceStatus'),
          options: options('attendanceStatus', attendanceStatuses),
          access: { update: rollField },
        },
        { name: 'minutesLate', type: 'number', min: 0, max: 600, label: label('fields.minutesLate'), access: { update: rollField } },
        text('note', { access: { update: rollField } }),
      ],
    },
    { name: 'justification', type: 'textarea', label: label('fields.justification'), access: { update: justificationField } },
    // A guardian attaches their own upload, never another family's document tried by id.
    { name: 'justificationDocument', type: 'upload', relationTo: 'media', label: label('fields.justificationDocument'), validate: readableRelation as never, access: { update: justificationField } },
    relation('justifiedBy', 'users', { validate: undefined, admin: { readOnly: true, position: 'sidebar' } }),
    date('justifiedAt', { admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } }),
    relation('recordedBy', 'users', { validate: undefined, admin: { readOnly: true, position: 'sidebar' } }),
    text('sessionKey', { admin: { hidden: true } }),
  ],
  endpoints: [rollEndpoint, totalsEndpoint, attendanceExportEndpoint],
  hooks: { beforeChange: [stamps], afterChange: [auditTrail, absenceAlerts], afterDelete: [auditTrail] },
}
