import type { CollectionBeforeChangeHook, CollectionConfig, PayloadRequest } from 'payload'
import { idOf } from '../../src/access/ids'
import { perRequest } from '../../src/db/perRequest'
import { copiedFromEvaluation } from '../../src/marks/derived'
import { anyOf, isIT, staffCreates, staffOf } from '../../src/access/predicates'
import { childIds, pairScoped, scopedPublished, selfStudentIds, teachesPair } from '../../src/access/scopes'
import { scoreProblem } from '../../src/domain/grading'
import { hasAnyRole } from '../../src/domain/roles'
import { label, options, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { invalid } from '../../hooks/invalid'
import { naming, relation, school, text } from '../fields'
import { keepsPair, markKeepers, markWriters } from './access'

export const gradeStatuses = ['scored', 'absent', 'exempt'] as const

/** The evaluation a mark belongs to, looked up once for a whole batch of marks. */
const evaluationOf = (req: PayloadRequest, id: unknown) =>
  perRequest(req, `evaluation:${idOf(id as never)}`, () =>
    req.payload.findByID({ collection: 'evaluations', id: idOf(id as never)!, depth: 0, overrideAccess: true, req, disableErrors: true }),
  )

/** Every pupil who was ever in a class (a mark may outlive a move), looked up once per request. */
const pupilsOf = (req: PayloadRequest, klass: unknown) =>
  perRequest(req, `pupils:${idOf(klass as never)}`, async () => {
    const rows = await req.payload.find({ collection: 'enrollments', where: { class: { equals: idOf(klass as never) } }, pagination: false, depth: 0, overrideAccess: true, select: { student: true }, req })
    return new Set(rows.docs.map((row) => String(idOf(row.student))))
  })

/** A teacher enters marks only for evaluations of their own class × subject pairs. */
const teacherOfEvaluation = async ({ req, data }: { req: PayloadRequest; data?: { evaluation?: unknown } }) => {
  if (!hasAnyRole(req.user, ['teacher'])) return false
  if (!data) return true
  const evaluation = await evaluationOf(req, data.evaluation)
  return Boolean(evaluation) && teachesPair(req, evaluation!.class, evaluation!.subject)
}

/**
 * A mark belongs to its evaluation: same class, subject, term and publication (copied here for
 * access filters), a score within 0..maximum, and a student of that class.
 */
const markRules: CollectionBeforeChangeHook = async ({ data, req, originalDoc }) => {
  const next = { ...originalDoc, ...data }
  const evaluation = await evaluationOf(req, next.evaluation)
  if (!evaluation) throw invalid(req, [{ path: 'evaluation', message: tReq(req, 'errors.unknownRelation', { field: 'evaluation', ids: String(idOf(next.evaluation)) }) }])
  if (!(await keepsPair(req, evaluation.class, evaluation.subject)))
    throw invalid(req, [{ path: 'evaluation', message: tReq(req, 'errors.notYourCourse') }])
  Object.assign(data, copiedFromEvaluation(evaluation))
  if (next.status === 'scored') {
    const problem = next.score == null ? 'required' : scoreProblem(Number(next.score), evaluation.maximum)
    if (problem) throw invalid(req, [{ path: 'score', message: tReq(req, `errors.score.${problem}`, { score: String(next.score), maximum: evaluation.maximum }) }])
  } else data.score = null
  if (!(await pupilsOf(req, evaluation.class)).has(String(idOf(next.student))))
    throw invalid(req, [{ path: 'student', message: tReq(req, 'errors.notInClass') }])
  return data
}

/** One student's mark on one evaluation: a score, or absent, or exempt (not counted). */
export const Grades: CollectionConfig = {
  slug: 'grades',
  ...naming('grades', 'Grade', 'Grades'),
  admin: { group: label('groups.marks'), defaultColumns: ['evaluation', 'student', 'status', 'score', 'comment'] },
  access: {
    read: anyOf(
      isIT,
      staffOf(['admin', 'secretariat']),
      pairScoped,
      scopedPublished('parent', 'student', childIds),
      scopedPublished('student', 'student', selfStudentIds),
    ),
    create: anyOf(isIT, staffCreates([...markKeepers]), teacherOfEvaluation as never),
    update: markWriters,
    delete: markWriters,
  },
  indexes: [{ fields: ['evaluation', 'student'], unique: true }],
  fields: [
    school(),
    { type: 'row', fields: [relation('evaluation', 'evaluations', { required: true }), relation('student', 'students', { required: true })] },
    {
      type: 'row',
      fields: [
        { name: 'status', type: 'select', required: true, defaultValue: 'scored', label: label('fields.gradeStatus'), options: options('gradeStatus', gradeStatuses) },
        { name: 'score', type: 'number', min: 0, label: label('fields.score') },
      ],
    },
    text('comment'),
    ...(['class', 'subject', 'term'] as const).map((name) =>
      relation(name, `${name === 'class' ? 'classes' : `${name}s`}`, { validate: undefined, admin: { readOnly: true, position: 'sidebar' } }),
    ),
    { name: 'published', type: 'checkbox', defaultValue: false, index: true, label: label('fields.published'), admin: { readOnly: true, position: 'sidebar' } },
  ],
  hooks: { beforeChange: [markRules], afterChange: [auditTrail], afterDelete: [auditTrail] },
}
