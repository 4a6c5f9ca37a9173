import type { CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { scoped, teacherIds } from '../../src/access/scopes'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, relation, school } from '../fields'
import { classGroup } from './classGroup'
import { subjectOfClassLevel } from './subjectOfClassLevel'

/** Class × subject × teacher: who teaches what, how many hours a week; the teacher's scope for marks and the roll. */
export const CourseAssignments: CollectionConfig = {
  slug: 'course-assignments',
  ...naming('courseAssignments', 'CourseAssignment', 'CourseAssignments'),
  admin: { group: label('groups.academics'), defaultColumns: ['class', 'subject', 'teacher', 'hoursPerWeek'] },
  access: {
    read: anyOf(isIT, staffOf(['admin', 'secretariat']), scoped('teacher', 'teacher', teacherIds)),
    ...managedBy(['admin', 'secretariat'], ['admin', 'secretariat']),
  },
  indexes: [{ fields: ['class', 'subject', 'teacher'], unique: true }],
  fields: [
    school(),
    relation('class', 'classes', { required: true }),
    relation('subject', 'subjects', { required: true, validate: subjectOfClassLevel as never }),
    relation('teacher', 'teachers', { required: true }),
    {
      type: 'row',
      fields: [{ name: 'hoursPerWeek', type: 'number', min: 0, max: 40, label: label('fields.hoursPerWeek') }, classGroup()],
    },
  ],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
