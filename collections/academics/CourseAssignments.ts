import type { CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { scoped, teacherIds } from '../../src/access/scopes'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, relation, school, text } from '../fields'

/** Class × subject × teacher: the pairs a teacher may take the roll and enter marks for. */
export const CourseAssignments: CollectionConfig = {
  slug: 'course-assignments',
  ...naming('courseAssignments', 'CourseAssignment', 'CourseAssignments'),
  admin: { group: label('groups.academics'), defaultColumns: ['class', 'subject', 'teacher'] },
  access: {
    read: anyOf(isIT, staffOf(['admin', 'secretariat']), scoped('teacher', 'teacher', teacherIds)),
    ...managedBy(['admin', 'secretariat'], ['admin', 'secretariat']),
  },
  fields: [
    school(),
    relation('class', 'classes', { required: true }),
    text('subject', { required: true }),
    relation('teacher', 'teachers', { required: true }),
  ],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
