/**
 * Every class's results of one school year, as the system (jobs, rollover, the bench): a few
 * set queries straight on the tables, since a school's marks are hundreds of thousands of rows
 * and a Local API read builds a document per row.
 */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { and, asc, eq, inArray } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'
import type { ID } from '../access/ids'
import type { GradeRecord } from '../domain/results'
import { countedStatuses } from './classResults'
import { byName, classFigures, selectionOf, type ResultsQuery, type Scheme } from './figures'

const group = <T>(rows: T[], key: (row: T) => unknown) => {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const k = String(key(row))
    const list = groups.get(k)
    if (list) list.push(row)
    else groups.set(k, [row])
  }
  return groups
}

/** The school's current year unless `schoolYear` names one. Throws when the query cannot be answered. */
export const loadSchoolResults = async (payload: Payload, schoolId: ID, query: ResultsQuery & { schoolYear?: ID } = {}) => {
  const { drizzle: db, tables: t } = payload.db as unknown as PostgresAdapter
  const [school] = await db.select({ scheme: t.schools.gradingScheme }).from(t.schools).where(eq(t.schools.id, schoolId))
  if (!school) throw new Error(`No school ${schoolId}`)
  const yearFilter = query.schoolYear != null ? eq(t.school_years.id, query.schoolYear) : eq(t.school_years.current, true)
  const [year] = await db.select({ id: t.school_years.id }).from(t.school_years).where(and(eq(t.school_years.school, schoolId), yearFilter))
  if (!year) throw new Error(`No ${query.schoolYear != null ? `school year ${query.schoolYear}` : 'current school year'} for school ${schoolId}`)
  const scheme = (school.scheme ?? 'rdc') as Scheme

  const classes = await db
    .select({ id: t.classes.id, name: t.classes.name, code: t.classes.code, level: t.classes.level })
    .from(t.classes)
    .where(eq(t.classes.schoolYear, year.id))
    .orderBy(asc(t.classes.code))
  const terms = await db.select({ id: t.terms.id, code: t.terms.code }).from(t.terms).where(eq(t.terms.schoolYear, year.id))
  const selection = selectionOf(scheme, terms, query)
  if ('problem' in selection) throw new Error(`Cannot compute results: ${selection.problem} (${selection.path})`)
  if (!classes.length) return { school: schoolId, schoolYear: year.id, scheme, bulletin: selection.upTo, classes: [] }

  const classIds = classes.map((klass) => klass.id)
  const inClasses = <C>(column: C) => inArray(column as never, classIds)
  const published = (column: unknown) => (query.publishedOnly ? [eq(column as never, true)] : [])
  const [enrolled, subjects, maxima, evaluations, grades] = await Promise.all([
    db
      .select({ class: t.enrollments.class, id: t.enrollments.student, fullName: t.students.fullName })
      .from(t.enrollments)
      .innerJoin(t.students, eq(t.students.id, t.enrollments.student))
      .where(and(inClasses(t.enrollments.class), inArray(t.enrollments.status, countedStatuses))),
    db
      .select({ id: t.subjects.id, name: t.subjects.name, level: t.subjects.level, coefficient: t.subjects.coefficient })
      .from(t.subjects)
      .where(eq(t.subjects.school, schoolId))
      .orderBy(asc(t.subjects.order), asc(t.subjects.id)),
    db
      .select({ subject: t.subjects_maxima._parentID, periodMaximum: t.subjects_maxima.periodMaximum })
      .from(t.subjects_maxima)
      .where(eq(t.subjects_maxima.schoolYear, year.id)),
    db
      .select({ id: t.evaluations.id, class: t.evaluations.class, subject: t.evaluations.subject, term: t.evaluations.term, maximum: t.evaluations.maximum, coefficient: t.evaluations.coefficient })
      .from(t.evaluations)
      .where(and(inClasses(t.evaluations.class), ...published(t.evaluations.published))),
    db
      .select({ class: t.grades.class, evaluation: t.grades.evaluation, student: t.grades.student, status: t.grades.status, score: t.grades.score })
      .from(t.grades)
      .where(and(inClasses(t.grades.class), ...published(t.grades.published))),
  ])

  const maximumOf = new Map(maxima.map((row) => [String(row.subject), Number(row.periodMaximum)]))
  const subjectsOf = group(subjects, (subject) => subject.level)
  const [studentsOf, evaluationsOf, gradesOf] = [group(enrolled, (row) => row.class), group(evaluations, (row) => row.class), group(grades, (row) => row.class)]
  return {
    school: schoolId,
    schoolYear: year.id as ID,
    scheme,
    bulletin: selection.upTo,
    term: selection.term,
    classes: classes.map((klass) => ({
      class: { id: klass.id as ID, name: klass.name as string, code: klass.code as string },
      ...classFigures(
        scheme,
        {
          students: (studentsOf.get(String(klass.id)) ?? []).map((row) => ({ id: row.id, fullName: row.fullName ?? '' })).sort(byName),
          subjects: (subjectsOf.get(String(klass.level)) ?? []).map((subject) => ({
            id: subject.id,
            name: subject.name,
            coefficient: Number(subject.coefficient),
            periodMaximum: maximumOf.get(String(subject.id)) ?? 0,
          })),
          terms,
          evaluations: (evaluationsOf.get(String(klass.id)) ?? []).map((e) => ({ ...e, coefficient: e.coefficient ?? 1 })),
          grades: (gradesOf.get(String(klass.id)) ?? []) as GradeRecord[],
        },
        selection,
      ),
    })),
  }
}
