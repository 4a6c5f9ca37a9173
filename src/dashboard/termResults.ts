/**
 * Every class's pupils' percentage in one term of a school year, for the dashboard. A term's
 * figure depends on each pupil's marks only through, per course, the share of the course's
 * points earned in that term (French: the coefficient-weighted mean of score ÷ maximum, absences
 * left out; Congolese: Σ score × coefficient ÷ Σ maximum × coefficient, an absence worth 0 — the
 * rules of src/domain/grading.ts). PostgreSQL sums those shares, one row per pupil and course
 * instead of one per mark (a 5,000-pupil school's term is some 60,000 marks, and reading them
 * alone takes longer than the whole dashboard may), and the domain's own `classFigures` makes
 * the percentages from one evaluation per course out of 1 holding that share. The integration
 * test holds the figures equal to the class results' (`loadClassResults`).
 */
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { ID } from '../access/ids'
import { dbOf } from '../db/session'
import type { ClassResultRow } from '../domain/dashboard'
import { countedStatuses } from '../results/classResults'
import { byName, classFigures, selectionOf, type Scheme } from '../results/figures'

export const termPercentages = async (req: PayloadRequest, school: ID, year: ID, term: ID): Promise<ClassResultRow[]> => {
  const db = await dbOf(req)
  const rows = async <T>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[]
  const [[found], terms] = await Promise.all([
    rows<{ scheme: Scheme | null }>(sql`select grading_scheme as scheme from schools where id = ${school}`),
    rows<{ id: ID; code: string | null }>(sql`select id, code from terms where school_year_id = ${year}`),
  ])
  const scheme: Scheme = found?.scheme ?? 'rdc'
  const selection = selectionOf(scheme, terms, { term })
  if ('problem' in selection) return []
  const counted = sql.raw(countedStatuses.map((status) => `'${status}'`).join(', '))
  // In float8, as JavaScript computes the same sums (numeric arithmetic is twice as slow here).
  const [counts, share] =
    scheme === 'french'
      ? [sql`g.status = 'scored' and g.score is not null`, sql`sum(g.score::float8 / v.maximum * v.coefficient) / nullif(sum(v.coefficient), 0)`]
      : [sql`g.status = 'absent' or (g.status = 'scored' and g.score is not null)`, sql`sum(case when g.status = 'absent' then 0 else g.score::float8 * v.coefficient end) / nullif(sum(v.maximum * v.coefficient), 0)`]
  const [classes, pupils, subjects, shares] = await Promise.all([
    rows<{ id: ID; name: string; code: string | null; level: ID }>(sql`select id, name, code, level_id as level from classes where school_year_id = ${year} order by code, id`),
    rows<{ class: ID; id: ID; full_name: string | null }>(sql`
      select e.class_id as class, s.id, s.full_name from enrollments e join students s on s.id = e.student_id
      join classes c on c.id = e.class_id where c.school_year_id = ${year} and e.status in (${counted})`),
    rows<{ id: ID; name: string; level: ID; coefficient: string; period_maximum: string | null }>(sql`
      select s.id, s.name, s.level_id as level, s.coefficient, m.period_maximum from subjects s
      left join subjects_maxima m on m._parent_id = s.id and m.school_year_id = ${year}
      where s.school_id = ${school} order by s."order", s.id`),
    rows<{ class: ID; student: ID; subject: ID; share: number | null }>(sql`
      with v as (select id, class_id, subject_id, maximum::float8 as maximum, coalesce(coefficient, 1)::float8 as coefficient
                 from evaluations where term_id = ${term} and school_id = ${school} and maximum > 0)
      select v.class_id as class, g.student_id as student, v.subject_id as subject, ${share} as share
      from grades g join v on v.id = g.evaluation_id
      where ${counts}
      group by 1, 2, 3`),
  ])
  const by = <T>(list: T[], key: (item: T) => unknown) => {
    const groups = new Map<string, T[]>()
    for (const item of list) {
      const group = groups.get(String(key(item)))
      if (group) group.push(item)
      else groups.set(String(key(item)), [item])
    }
    return groups
  }
  const [pupilsOf, subjectsOf, sharesOf] = [by(pupils, (p) => p.class), by(subjects, (s) => s.level), by(shares, (s) => s.class)]
  return classes.map((klass) => {
    const students = (pupilsOf.get(String(klass.id)) ?? []).map((p) => ({ id: p.id, fullName: p.full_name ?? '' })).sort(byName)
    const courses = subjectsOf.get(String(klass.level)) ?? []
    const figures = classFigures(
      scheme,
      {
        students,
        subjects: courses.map((s) => ({ id: s.id, name: s.name, coefficient: Number(s.coefficient), periodMaximum: Number(s.period_maximum ?? 0) })),
        terms,
        evaluations: courses.map((s) => ({ id: `share:${s.id}`, subject: s.id, term, maximum: 1, coefficient: 1 })),
        grades: (sharesOf.get(String(klass.id)) ?? [])
          .filter((row) => row.share !== null)
          .map((row) => ({ evaluation: `share:${row.subject}`, student: row.student, status: 'scored' as const, score: Number(row.share) })),
      },
      selection,
    )
    return { class: klass.id, name: klass.name, code: klass.code ?? '', percentages: (figures.students as { percentage: number | null }[]).map((line) => line.percentage) }
  })
}
