/**
 * A class's results as its caller may see them. Who reaches the class is Payload's read access
 * to classes; the marks counted are those Payload's read rule for grades gives the caller (a
 * teacher: their own courses), except for families: their child's place and the class
 * statistics need the class's published marks, so those are read for them and only their own
 * lines leave this function, as on the printed report card.
 */
import { APIError, type CollectionSlug, type PayloadRequest, type Where } from 'payload'
import { idOf, type ID } from '../access/ids'
import { schoolsOf } from '../access/predicates'
import { childIds, selfStudentIds, taughtClassIds, taughtPairs, within } from '../access/scopes'
import { adapterRows } from '../db/rows'
import type { GradeRecord, TermRecord } from '../domain/results'
import { hasAnyRole } from '../domain/roles'
import { tReq } from '../i18n'
import { invalid } from '../../hooks/invalid'
import { byName, classFigures, periodMaximumOf, selectionOf, type ResultsQuery, type Scheme } from './figures'

/** Counted pupils: those in the class now, and those who finished the year in it (a closed year's bulletins). */
export const countedStatuses = ['active', 'completed']

type View = { kind: 'full' } | { kind: 'teacher'; subjects: string[] } | { kind: 'family'; students: string[] }

/** The widest view the caller's roles give on this class, or none. */
const viewOf = async (req: PayloadRequest, klass: { id: ID; school: unknown }): Promise<View | null> => {
  if (hasAnyRole(req.user, ['it'])) return { kind: 'full' }
  const ofSchool = schoolsOf(req).map(String).includes(String(idOf(klass.school as ID)))
  if (ofSchool && hasAnyRole(req.user, ['admin', 'secretariat'])) return { kind: 'full' }
  if (hasAnyRole(req.user, ['teacher']) && (await within(req, taughtClassIds, klass.id))) {
    const pairs = (await taughtPairs(req)).filter((pair) => String(pair.class) === String(klass.id))
    return { kind: 'teacher', subjects: pairs.map((pair) => String(pair.subject)) }
  }
  const family = [
    ...(hasAnyRole(req.user, ['parent']) ? await childIds(req) : []),
    ...(hasAnyRole(req.user, ['student']) ? await selfStudentIds(req) : []),
  ]
  return family.length ? { kind: 'family', students: family.map(String) } : null
}

/**
 * The class's marks, through Payload's own read rule for grades when `asCaller`. The rule is
 * applied at the adapter level: a Local API read builds a document per mark, 0.6 s for a
 * class's 8,640 marks where this takes 0.1 s.
 */
const gradesOf = async (req: PayloadRequest, where: Where, asCaller: boolean) => {
  const rule = asCaller ? await req.payload.collections.grades.config.access.read({ req }) : true
  if (rule === false) return []
  return adapterRows<GradeRecord>(req, 'grades', rule === true ? where : { and: [rule, where] }, { evaluation: true, student: true, status: true, score: true })
}

/**
 * A class's results as the caller may see them; `system` (a scheduled job, no user) sees them
 * whole. `terms`: the class's year's terms in order, when the caller has just read them (the
 * portal's marks page): the same rows, not read a second time.
 */
export const loadClassResults = async (
  req: PayloadRequest,
  classId: ID,
  query: ResultsQuery = {},
  options: { system?: boolean; terms?: TermRecord[] } = {},
) => {
  const klass = await req.payload.findByID({ collection: 'classes', id: classId, depth: 0, overrideAccess: Boolean(options.system), req })
  const view: View | null = options.system ? { kind: 'full' } : await viewOf(req, klass)
  if (!view) throw new APIError(tReq(req, 'errors.results.forbidden'), 403, null, true)
  const year = idOf(klass.schoolYear)!
  // What the system reads around the marks (the school's scheme, the pupils' names, the
  // subjects, the evaluations): at the adapter level, only the columns used. No access applies
  // to these reads and no hook reads these fields, and Payload's document pipeline was a third
  // of a family's marks page.
  const rows = <T>(collection: CollectionSlug, where: Where, select: Record<string, true>, sort?: string) => adapterRows<T>(req, collection, where, select, sort)
  const [[school], enrolled, subjects, terms] = await Promise.all([
    rows<{ gradingScheme?: string | null }>('schools', { id: { equals: idOf(klass.school)! } }, { gradingScheme: true }),
    rows<{ student: ID }>('enrollments', { class: { equals: klass.id }, status: { in: countedStatuses } }, { student: true }),
    rows<{ id: ID; name: string; coefficient: number; maxima?: { schoolYear: unknown; periodMaximum: number }[] | null }>(
      'subjects',
      { level: { equals: idOf(klass.level) } },
      { name: true, coefficient: true, maxima: true },
      'order',
    ),
    options.terms ?? rows<TermRecord>('terms', { schoolYear: { equals: year } }, { code: true }, 'order'),
  ])
  const scheme = (school.gradingScheme ?? 'rdc') as Scheme
  const selection = selectionOf(scheme, terms, query)
  if ('problem' in selection) throw invalid(req, [{ path: selection.path, message: tReq(req, `errors.results.${selection.problem}`) }])

  const pupils = enrolled.map((row) => idOf(row.student as never)!)
  const names = pupils.length ? await rows<{ id: ID; fullName?: string | null }>('students', { id: { in: pupils } }, { fullName: true }) : []
  const students = names.map((pupil) => ({ id: pupil.id, fullName: pupil.fullName ?? '' })).sort(byName)
  const mine = view.kind === 'family' ? students.filter((student) => view.students.includes(String(student.id))) : students
  // A family sees a class only through a child in it; staff see an empty class as empty.
  if (view.kind === 'family' && !mine.length) throw new APIError(tReq(req, 'errors.results.forbidden'), 403, null, true)
  const shown = view.kind === 'teacher' ? subjects.filter((subject) => view.subjects.includes(String(subject.id))) : subjects
  const publishedOnly = view.kind === 'family' || Boolean(query.publishedOnly)
  const published: Where[] = publishedOnly ? [{ published: { equals: true } }] : []
  const [evaluations, grades] = await Promise.all([
    shown.length
      ? rows<{ id: ID; subject: ID; term: ID; maximum: number; coefficient?: number | null }>(
          'evaluations',
          { and: [{ class: { equals: klass.id } }, { subject: { in: shown.map((subject) => subject.id) } }, ...published] },
          { subject: true, term: true, maximum: true, coefficient: true },
        )
      : [],
    gradesOf(req, { and: [{ class: { equals: klass.id } }, ...published] }, !options.system && view.kind !== 'family'),
  ])
  const figures = classFigures(
    scheme,
    {
      students,
      subjects: shown.map((subject) => ({ id: subject.id, name: subject.name, coefficient: subject.coefficient, periodMaximum: periodMaximumOf(subject.maxima, year) })),
      terms,
      evaluations: evaluations.map((e) => ({ id: e.id, subject: idOf(e.subject)!, term: idOf(e.term)!, maximum: e.maximum, coefficient: e.coefficient ?? 1 })),
      grades,
    },
    selection,
  )
  const own = (line: { student: ID }) => view.kind !== 'family' || mine.some((student) => String(student.id) === String(line.student))
  return {
    class: { id: klass.id, name: klass.name, code: klass.code },
    schoolYear: year,
    term: selection.term,
    bulletin: scheme === 'rdc' ? selection.upTo : null,
    publishedOnly,
    /** Whose marks count: everyone's, a teacher's own courses, or the published marks a family's report card shows. */
    view: view.kind,
    ...figures,
    students: (figures.students as { student: ID }[]).filter(own) as typeof figures.students,
  }
}
