import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig } from 'payload'
import { idOf } from '../../src/access/ids'
import { anyOf, isIT, staffCreates, staffOf } from '../../src/access/predicates'
import { childClassIds, pairScoped, scoped, selfClassIds, teachesPair } from '../../src/access/scopes'
import { hasAnyRole } from '../../src/domain/roles'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { date, naming, relation, school, text } from '../fields'
import { subjectOfClassLevel } from '../academics/subjectOfClassLevel'
import { keepsPair, markKeepers, markWriters } from './access'
import { gradesEndpoint } from './gradesEntry'
import { marksExportEndpoint } from './marksExport'
import { marksImportEndpoint } from './marksImport'

export const evaluationKinds = ['test', 'homework', 'exam'] as const

/** A teacher creates evaluations for their own class × subject pairs only. */
const teacherOfPair = async ({ req, data }: { req: never; data?: { class?: unknown; subject?: unknown } }) => {
  const user = (req as { user?: never }).user
  if (!hasAnyRole(user, ['teacher'])) return false
  return !data || teachesPair(req, data.class, data.subject)
}

/** A teacher's edit keeps the evaluation within their pairs; the term is one of the class's school year. */
const consistent: CollectionBeforeChangeHook = async ({ data, req, originalDoc }) => {
  const next = { ...originalDoc, ...data }
  if (!(await keepsPair(req, next.class, next.subject)))
    throw invalid(req, [{ path: 'subject', message: tReq(req, 'errors.notYourCourse') }])
  const [klass, term] = await Promise.all([
    req.payload.findByID({ collection: 'classes', id: idOf(next.class)!, depth: 0, overrideAccess: true, req }),
    req.payload.findByID({ collection: 'terms', id: idOf(next.term)!, depth: 0, overrideAccess: true, req }),
  ])
  if (String(idOf(term.schoolYear)) !== String(idOf(klass.schoolYear)))
    throw invalid(req, [{ path: 'term', message: tReq(req, 'errors.termNotOfClassYear', { term: term.name, class: klass.name }) }])
  if (originalDoc && data.maximum !== undefined && data.maximum < originalDoc.maximum) {
    const above = await req.payload.count({ collection: 'grades', where: { evaluation: { equals: originalDoc.id }, score: { greater_than: data.maximum } }, overrideAccess: true, req })
    if (above.totalDocs) throw invalid(req, [{ path: 'maximum', message: tReq(req, 'errors.maximumBelowScores', { count: above.totalDocs }) }])
  }
  if (data.published && !originalDoc?.published) data.publishedAt = new Date().toISOString()
  if (data.published === false) data.publishedAt = null
  return data
}

/** Marks carry their evaluation's class, subject, term and publication, so access filters are plain column tests. */
const syncGrades: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'create') return doc
  const keys = ['class', 'subject', 'term', 'published', 'school'] as const
  if (keys.every((key) => String(idOf(doc[key]) ?? doc[key]) === String(idOf(previousDoc?.[key]) ?? previousDoc?.[key]))) return doc
  await req.payload.db.updateMany({
    collection: 'grades',
    where: { evaluation: { equals: doc.id } },
    data: Object.fromEntries(keys.map((key) => [key, idOf(doc[key]) ?? doc[key]])),
    req,
  })
  return doc
}

/** Deleting an evaluation deletes its marks with it, each one audited. */
const withGrades: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'grades', where: { evaluation: { equals: id } }, overrideAccess: true, req })
}

/** A test, homework or exam of one class in one subject and term; its marks reach families once published. */
export const Evaluations: CollectionConfig = {
  slug: 'evaluations',
  ...naming('evaluations', 'Evaluation', 'Evaluations'),
  admin: {
    group: label('groups.marks'),
    useAsTitle: 'title',
    defaultColumns: ['title', 'class', 'subject', 'term', 'date', 'maximum', 'published'],
    components: { edit: { beforeDocumentControls: ['/src/admin/SheetControls#EvaluationSheetControls'] } },
  },
  defaultSort: '-date',
  access: {
    read: anyOf(
      isIT,
      staffOf(['admin', 'secretariat']),
      pairScoped,
      // An evaluation's date and title are announced ahead; its marks wait for publication (see grades).
      scoped('parent', 'class', childClassIds),
      scoped('student', 'class', selfClassIds),
    ),
    create: anyOf(isIT, staffCreates([...markKeepers]), teacherOfPair as never),
    update: markWriters,
    delete: markWriters,
  },
  fields: [
    school(),
    text('title', { required: true, admin: { placeholder: 'Interrogation n° 1' } }),
    {
      type: 'row',
      fields: [
        relation('class', 'classes', { required: true }),
        relation('subject', 'subjects', { required: true, validate: subjectOfClassLevel as never }),
        relation('term', 'terms', { required: true }),
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, defaultValue: 'test', label: label('fields.evaluationKind'), options: options('evaluationKind', evaluationKinds) },
        date('date', { required: true, index: true }),
        text('start', { admin: { placeholder: '08:00', description: label('fields.examStartHelp') } }),
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'maximum', type: 'number', required: true, min: 1, max: 1000, label: label('fields.maximum') },
        { name: 'coefficient', type: 'number', defaultValue: 1, min: 0, max: 100, label: label('fields.coefficient') },
      ],
    },
    { name: 'published', type: 'checkbox', defaultValue: false, index: true, label: label('fields.published'), admin: { position: 'sidebar' } },
    date('publishedAt', { admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } }),
  ],
  endpoints: [gradesEndpoint, marksImportEndpoint, marksExportEndpoint],
  hooks: { beforeChange: [consistent], afterChange: [syncGrades, auditTrail], beforeDelete: [withGrades], afterDelete: [auditTrail] },
}
