import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook, CollectionConfig } from 'payload'
import { idOf } from '../../src/access/ids'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { childIds, scoped, selfStudentIds, taughtClassIds } from '../../src/access/scopes'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { date, naming, relation, school, text } from '../fields'
import { moveEndpoint } from './enrollmentMove'

export const enrollmentStatuses = ['active', 'moved', 'completed', 'withdrawn'] as const
export const decisions = ['promoted', 'repeating', 'leaving'] as const

type Data = { student?: never; class?: never; schoolYear?: never; status?: string }

/** The school year is the class's: an enrollment cannot say otherwise. */
const yearFromClass: CollectionBeforeValidateHook = async ({ data, req, originalDoc }) => {
  const classId = idOf((data?.class ?? originalDoc?.class) as never)
  if (!data || classId == null) return data
  const klass = await req.payload.findByID({ collection: 'classes', id: classId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (klass) data.schoolYear = idOf(klass.schoolYear)
  return data
}

/**
 * The register's rules: a class never changes under an enrollment (a move ends it and opens
 * another, so the history stays); one active enrollment per student and school year; no
 * active enrollment beyond the class's seats.
 */
const registerRules: CollectionBeforeChangeHook = async ({ data, req, originalDoc, operation }) => {
  const next = { ...originalDoc, ...data } as Data & { id?: unknown }
  if (operation === 'update' && data.class !== undefined && String(idOf(data.class)) !== String(idOf(originalDoc?.class))) {
    throw invalid(req, [{ path: 'class', message: tReq(req, 'errors.classChangeIsMove') }])
  }
  const becomesActive = next.status === 'active' && (operation === 'create' || originalDoc?.status !== 'active')
  if (!becomesActive) return data
  const student = idOf(next.student)
  const classId = idOf(next.class)
  const others = { id: { not_equals: originalDoc?.id ?? 0 }, status: { equals: 'active' } }
  const current = await req.payload.find({
    collection: 'enrollments',
    where: { ...others, student: { equals: student }, schoolYear: { equals: idOf(next.schoolYear) } },
    depth: 1,
    limit: 1,
    overrideAccess: true,
    req,
  })
  if (current.docs.length) {
    const held = current.docs[0].class as { name?: string }
    throw invalid(req, [{ path: 'student', message: tReq(req, 'errors.alreadyEnrolled', { class: held?.name ?? '' }) }])
  }
  const klass = await req.payload.findByID({ collection: 'classes', id: classId!, depth: 0, overrideAccess: true, req })
  if (klass.capacity) {
    const seated = await req.payload.count({ collection: 'enrollments', where: { ...others, class: { equals: classId } }, overrideAccess: true, req })
    if (seated.totalDocs >= klass.capacity) {
      throw invalid(req, [{ path: 'class', message: tReq(req, 'errors.classFull', { class: klass.name, capacity: klass.capacity, enrolled: seated.totalDocs }) }])
    }
  }
  return data
}

/** A student's place in a class for a school year, from its first day to its last. */
export const Enrollments: CollectionConfig = {
  slug: 'enrollments',
  ...naming('enrollments', 'Enrollment', 'Enrollments'),
  admin: {
    group: label('groups.academics'),
    defaultColumns: ['student', 'class', 'schoolYear', 'status', 'startDate', 'endDate'],
    components: { edit: { beforeDocumentControls: ['/src/admin/EnrollmentMove#EnrollmentMove'] } },
  },
  access: {
    read: anyOf(
      isIT,
      staffOf(['admin', 'secretariat', 'finance']),
      scoped('teacher', 'class', taughtClassIds),
      scoped('parent', 'student', childIds),
      scoped('student', 'student', selfStudentIds),
    ),
    ...managedBy(['admin', 'secretariat'], ['admin']),
  },
  fields: [
    school(),
    relation('student', 'students', { required: true }),
    relation('class', 'classes', { required: true }),
    relation('schoolYear', 'school-years', { required: true, admin: { readOnly: true, description: label('fields.schoolYearFromClass') } }),
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'active',
          index: true,
          label: label('fields.status'),
          options: options('enrollmentStatus', enrollmentStatuses),
        },
        date('startDate'),
        date('endDate'),
      ],
    },
    {
      name: 'decision',
      type: 'select',
      label: label('fields.decision'),
      admin: { description: label('fields.decisionHelp') },
      options: options('decision', decisions),
    },
    text('note'),
  ],
  endpoints: [moveEndpoint],
  hooks: {
    beforeValidate: [yearFromClass],
    beforeChange: [registerRules],
    afterChange: [auditTrail],
    afterDelete: [auditTrail],
  },
}
