import type { CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { childClassIds, scoped, selfClassIds, taughtClassIds } from '../../src/access/scopes'
import { label } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, relation, school, text } from '../fields'

/** Minimal here: what a teacher's scope needs. The academic core adds level, capacity, groups. */
export const Classes: CollectionConfig = {
  slug: 'classes',
  ...naming('classes', 'Class', 'Classes'),
  admin: { group: label('groups.academics'), useAsTitle: 'name', defaultColumns: ['name', 'code', 'level', 'schoolYear'] },
  access: {
    read: anyOf(
      isIT,
      staffOf(['admin', 'secretariat', 'finance']),
      scoped('teacher', 'id', taughtClassIds),
      scoped('parent', 'id', childClassIds),
      scoped('student', 'id', selfClassIds),
    ),
    ...managedBy(['admin', 'secretariat'], ['admin']),
  },
  fields: [
    school(),
    relation('schoolYear', 'school-years', { required: true }),
    text('name', { required: true, admin: { placeholder: '6e primaire A' } }),
    text('code'),
    text('level'),
  ],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
