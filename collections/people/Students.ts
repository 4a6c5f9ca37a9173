import type { CollectionConfig, FieldAccess } from 'payload'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { childIds, scoped, selfStudentIds, taughtStudentIds } from '../../src/access/scopes'
import { idOf } from '../../src/access/ids'
import { rolesOf } from '../../src/domain/roles'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { congoleseNames, date, naming, relation, school, text } from '../fields'
import { registerReaders, registrars } from './staffRoles'
import { privacyEndpoints } from './privacy'
import { studentImportEndpoint } from './studentImport'

/**
 * Finance reads a student's names and classes only. Anyone else who may read the student reads
 * all of the record; so does a finance clerk who also has another role towards this very student
 * (the registers, or as their teacher, parent or the student themself).
 */
const beyondNames: FieldAccess = async ({ req, doc, id }) => {
  const held = rolesOf(req.user)
  if (!held.includes('finance') || held.some((role) => ['it', 'admin', 'secretariat'].includes(role))) return true
  const student = doc?.id ?? id
  if (student == null) return held.some((role) => role !== 'finance')
  const scopes = [
    held.includes('teacher') ? await taughtStudentIds(req) : [],
    held.includes('parent') ? await childIds(req) : [],
    held.includes('student') ? await selfStudentIds(req) : [],
  ]
  return scopes.flat().map(String).includes(String(student))
}

export const Students: CollectionConfig = {
  slug: 'students',
  ...naming('students', 'Student', 'Students'),
  admin: {
    group: label('groups.people'),
    useAsTitle: 'fullName',
    defaultColumns: ['matricule', 'lastName', 'postName', 'firstName', 'sex', 'school'],
    listSearchableFields: ['fullName', 'matricule'],
    components: { beforeListTable: ['/src/admin/ImportButton#ImportButton'], edit: { beforeDocumentControls: ['/src/admin/LinkCodeLetter#LinkCodeLetter', '/src/admin/PrivacyControls#StudentPrivacyControls'] } },
  },
  access: {
    read: anyOf(
      isIT,
      staffOf(registerReaders),
      scoped('teacher', 'id', taughtStudentIds),
      scoped('parent', 'id', childIds),
      scoped('student', 'id', selfStudentIds),
    ),
    ...managedBy(registrars, ['admin']),
  },
  indexes: [{ fields: ['school', 'matricule'], unique: true }],
  fields: [
    school(),
    text('matricule', {
      required: true,
      index: true,
      validate: async (value: unknown, { data, req, id }: { data: { school?: never }; req: never; id?: string | number }) => {
        if (!value) return tReq(req, 'errors.required')
        const schoolId = idOf(data?.school)
        if (schoolId == null) return true
        const { payload } = req as { payload: import('payload').Payload }
        const clash = await payload.find({
          collection: 'students',
          where: { school: { equals: schoolId }, matricule: { equals: value }, ...(id ? { id: { not_equals: id } } : {}) },
          limit: 1,
          depth: 0,
          overrideAccess: true,
          req,
        })
        return clash.totalDocs === 0 || tReq(req, 'errors.matriculeTaken', { matricule: String(value) })
      },
    }),
    ...congoleseNames(),
    {
      type: 'row',
      fields: [
        {
          name: 'sex',
          type: 'select',
          required: true,
          label: label('fields.sex'),
          options: options('sex', ['M', 'F'] as const),
          access: { read: beyondNames },
        },
        date('birthDate', { access: { read: beyondNames } }),
        text('birthPlace', { access: { read: beyondNames } }),
      ],
    },
    { name: 'photo', type: 'upload', relationTo: 'media', label: label('fields.photo'), access: { read: beyondNames } },
    relation('guardians', 'guardians', { hasMany: true, access: { read: beyondNames } }),
    relation('user', 'users', { access: { read: beyondNames }, admin: { position: 'sidebar' } }),
  ],
  endpoints: [studentImportEndpoint, ...privacyEndpoints('student')],
  hooks: { afterChange: [auditTrail], afterDelete: [auditTrail] },
}
