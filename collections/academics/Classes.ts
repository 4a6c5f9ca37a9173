import type { CollectionConfig, PayloadRequest } from 'payload'
import { idOf } from '../../src/access/ids'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { childClassIds, scoped, selfClassIds, taughtClassIds } from '../../src/access/scopes'
import { label, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { naming, relation, school, text } from '../fields'
import { classExportEndpoint } from './classExport'
import { classResultsEndpoint } from './classResults'

/** A class's year within its level exists: no 7th year of a six-year primaire. */
const gradeWithinLevel = async (value: unknown, { data, req }: { data: { level?: never }; req: PayloadRequest }) => {
  const levelId = idOf(data?.level)
  if (value == null || levelId == null) return true
  const level = await req.payload.findByID({ collection: 'levels', id: levelId, depth: 0, overrideAccess: true, req, disableErrors: true })
  return !level || Number(value) <= level.years || tReq(req, 'errors.gradeBeyondLevel', { grade: Number(value), years: level.years, level: level.name })
}

/** A class of one school year: its level and year within it, its seats, its titulaire and its groups. */
export const Classes: CollectionConfig = {
  slug: 'classes',
  ...naming('classes', 'Class', 'Classes'),
  admin: {
    group: label('groups.academics'),
    useAsTitle: 'name',
    defaultColumns: ['name', 'code', 'level', 'grade', 'capacity', 'homeroomTeacher', 'schoolYear'],
    components: { edit: { beforeDocumentControls: ['/src/admin/SheetControls#ClassSheetControls'] } },
  },
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
  indexes: [{ fields: ['schoolYear', 'code'], unique: true }],
  fields: [
    school(),
    relation('schoolYear', 'school-years', { required: true }),
    { type: 'row', fields: [text('name', { required: true, admin: { placeholder: '6e primaire A' } }), text('code', { required: true, admin: { placeholder: '6P-A' } })] },
    {
      type: 'row',
      fields: [
        relation('level', 'levels', { required: true }),
        { name: 'grade', type: 'number', required: true, min: 1, label: label('fields.grade'), validate: gradeWithinLevel },
        text('section', { admin: { placeholder: 'A' } }),
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'capacity', type: 'number', min: 1, label: label('fields.capacity') },
        relation('homeroomTeacher', 'teachers'),
      ],
    },
    {
      name: 'groups',
      type: 'array',
      label: label('fields.groups'),
      labels: { singular: label('fields.group'), plural: label('fields.groups') },
      admin: { description: label('fields.groupsHelp') },
      validate: ((rows: unknown, { req }: { req: never }) => {
        const codes = ((rows as { code?: string }[] | null) ?? []).map((row) => row.code)
        return new Set(codes).size === codes.length || tReq(req, 'errors.duplicateGroup')
      }) as never,
      fields: [{ type: 'row', fields: [text('code', { required: true, admin: { placeholder: 'G1' } }), text('name')] }],
    },
  ],
  endpoints: [classExportEndpoint, classResultsEndpoint],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
