import type { CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { childIds, scoped, selfStudentIds, taughtClassIds } from '../../src/access/scopes'
import { label, options } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, relation, school } from '../fields'

/** Minimal here: a student in a class for a school year. The academic core adds the lifecycle. */
export const Enrollments: CollectionConfig = {
  slug: 'enrollments',
  ...naming('enrollments', 'Enrollment', 'Enrollments'),
  admin: { group: label('groups.academics'), defaultColumns: ['student', 'class', 'schoolYear', 'status'] },
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
    relation('schoolYear', 'school-years', { required: true }),
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      index: true,
      label: label('fields.status'),
      options: options('enrollmentStatus', ['active', 'ended'] as const),
    },
  ],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
