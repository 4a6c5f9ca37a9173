import { readFileSync } from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import hdr from 'hdr-histogram-js'
import type pg from 'pg'
import type { Payload } from 'payload'
import { freshDatabase } from '../src/db/embedded'
import { prepareDatabase } from '../src/db/prepare'
import { dataFolder } from '../src/db/settings'
import { demoAccounts, demoPassword } from '../src/seed/accounts'

/**
 * A fresh database with the demo school, on an embedded server of its own (or DATABASE_URL's server).
 * A bench that may run beside another one (another worktree's, on this machine) names its own
 * folder and port: the embedded server's port is the machine's, not the checkout's.
 */
export const benchDatabase = async (name: string, server: { folder: string; port: number } = { folder: 'postgres-bench', port: 54359 }) => {
  process.env.PAYLOAD_SECRET ||= 'kelasi-bench-secret'
  const db = await freshDatabase({ folder: path.join(dataFolder, server.folder), port: server.port, name: `kelasi_bench_${name}` })
  process.env.SMTP_PORT ||= '2599'
  await prepareDatabase({ demo: true })
  return db
}

export const ms = (value: number) => `${value.toFixed(1)} ms`

/** A demo account's JWT on the running app (`Authorization: JWT …`, or the `payload-token` cookie's value). */
export const signIn = async (url: string, email: string) => {
  const answer = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  })
  if (!answer.ok) throw new Error(`Signing in as ${email}: ${answer.status} ${await answer.text()}`)
  return ((await answer.json()) as { token: string }).token
}

/** The CPU time (user and system) a process has used, in ms, from /proc (ticks of 1/100 s); null elsewhere. */
const cpuTime = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return null
  }
}

/**
 * autocannon on one request for `duration` seconds after a 3 s warm-up, the latencies in an HDR
 * histogram (autocannon's own percentiles are whole milliseconds): requests/s, p50/p95/p99, and
 * the errors (failed connections and answers other than 2xx). Given the server's pid, also the
 * CPU it spent per request: on a machine shared with other work, steadier than the latencies.
 */
export const loadTest = async (options: autocannon.Options, duration: number, serverPid?: number) => {
  await autocannon({ ...options, duration: 3 })
  const latencies = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000, numberOfSignificantValueDigits: 3 })
  const cpuBefore = serverPid ? cpuTime(serverPid) : null
  const result = await autocannon({ ...options, duration, histograms: { latencies } } as autocannon.Options)
  const cpuAfter = serverPid ? cpuTime(serverPid) : null
  return {
    cpuPerRequest: cpuBefore !== null && cpuAfter !== null && result.requests.total ? (cpuAfter - cpuBefore) / result.requests.total : null,
    'req/s': Math.round(result.requests.average),
    p50: latencies.getValueAtPercentile(50),
    p95: latencies.getValueAtPercentile(95),
    p99: latencies.getValueAtPercentile(99),
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    non2xx: result.non2xx,
  }
}

/**
 * The demo school grown to `total` students, set-based: the rows a school would have after
 * importing its registers (matricules `BENCH-n`, not enrolled), each with one of the school's
 * guardians that has no account, so the demo families keep exactly their own children.
 * Returns how many students the database then holds.
 */
export const growDemoSchool = async (client: pg.Client, total: number) => {
  const { rows: [school] } = await client.query("select id from schools where code = 'CSMA'")
  const { rows: [{ count }] } = await client.query('select count(*)::int as count from students')
  await client.query(
    `insert into students (school_id, matricule, last_name, post_name, first_name, full_name, sex, birth_date, birth_place)
     select $1, 'BENCH-' || g, (array['MUKENDI','KABONGO','NGOY','LUMBU','MBUYI'])[1 + g % 5], 'KIALA',
            (array['Grâce','Joseph','Ruth','Patrick'])[1 + g % 4], 'BENCH ' || g, (array['M','F'])[1 + g % 2]::enum_students_sex,
            date '2012-01-01' + (g % 2000), 'Kinshasa'
     from generate_series(1, $2::int) g`,
    [school.id, total - count],
  )
  await client.query(
    `insert into students_rels ("order", parent_id, path, guardians_id)
     select 1, s.id, 'guardians', g.ids[1 + s.id % array_length(g.ids, 1)]
     from students s, (select array_agg(id) ids from guardians where school_id = $1 and user_id is null) g
     where s.matricule like 'BENCH-%'`,
    [school.id],
  )
  await client.query('analyze')
  const { rows: [{ students }] } = await client.query('select count(*)::int as students from students')
  return students as number
}

/**
 * The grown school's new pupils (`growDemoSchool`) enrolled in classes of `perClass` made for them
 * in the current year, spread over the school's levels in turn. Run it with the foreign-key
 * triggers off (session_replication_role 'replica').
 */
export const enrollGrownSchool = async (client: pg.Client, school: number, year: number, perClass: number) => {
  const { rows: [{ count: pupils }] } = await client.query("select count(*)::int as count from students where school_id = $1 and matricule like 'BENCH-%'", [school])
  await client.query(
    `insert into classes (school_id, school_year_id, name, code, level_id, grade, section, capacity)
     select $1, $2, 'Classe ' || n, 'B' || lpad(n::text, 3, '0'), l.ids[1 + n % array_length(l.ids, 1)], 1, 'A', $4::int
     from generate_series(1, ceil($3::numeric / $4)::int) n, (select array_agg(id order by "order") ids from levels where school_id = $1) l`,
    [school, year, pupils, perClass],
  )
  await client.query(
    `insert into enrollments (school_id, student_id, class_id, school_year_id, status, start_date)
     select $1, s.id, c.id, $2, 'active', '2026-09-01'
     from (select id, row_number() over (order by id) - 1 as n from students where school_id = $1 and matricule like 'BENCH-%') s
     join (select id, row_number() over (order by id) - 1 as n from classes where school_id = $1 and code like 'B%' and school_year_id = $2) c on c.n = s.n / $3::int`,
    [school, year, perClass],
  )
}

/** The benches' school and its 2026-2027 year, written straight to the tables. */
export const benchSchoolYear = async (client: pg.Client) => {
  const { id: school } = (
    await client.query(
      "insert into schools (name, code, address, city, province, grading_scheme) values ('Institut du Banc d''essai', 'BENCH', '1, avenue de la Paix, Gombe', 'Kinshasa', 'Kinshasa', 'rdc') returning id",
    )
  ).rows[0]
  const { id: year } = (
    await client.query("insert into school_years (school_id, name, start_date, end_date, current) values ($1, '2026-2027', '2026-09-01', '2027-07-02', true) returning id", [school])
  ).rows[0]
  return { school: school as number, year: year as number }
}

export type SchoolShape = {
  /** The level all classes belong to. */
  level: { name: string; code: string }
  /** The level's subjects, in order: the nth has coefficient 1 + n % 4 and, for the year, a period maximum of 10 × that. */
  subjects: string[]
  /** How many classes, and each one's name and code from its index k (from 0; grade 1 + k % 6, section A, B… every six). */
  classes: { count: number; name: (k: number) => string; code: (k: number) => string; capacity: number | null }
  /** How many pupils, enrolled `perClass` a class in order. */
  pupils: number
  perClass: number
}

/**
 * A school year's level, subjects with their maxima, classes and pupils enrolled, set-based: one
 * statement per table, for a school and year the bench made. Run it with the foreign-key triggers
 * off (session_replication_role 'replica').
 */
export const buildSchool = async (client: pg.Client, school: number, year: number, shape: SchoolShape) => {
  const level: number = (
    await client.query(`insert into levels (school_id, name, code, "order", years) values ($1, $2, $3, 1, 6) returning id`, [school, shape.level.name, shape.level.code])
  ).rows[0].id
  await client.query(
    `insert into subjects (school_id, level_id, name, code, coefficient, "order")
     select $1, $2, name, 'C' || n, 1 + n % 4, n from unnest($3::text[]) with ordinality as s(name, n)`,
    [school, level, shape.subjects],
  )
  await client.query(
    `insert into subjects_maxima (_order, _parent_id, id, school_year_id, period_maximum)
     select 1, id, replace(gen_random_uuid()::text, '-', ''), $2, 10 * (1 + "order"::int % 4) from subjects where school_id = $1`,
    [school, year],
  )
  const ks = Array.from({ length: shape.classes.count }, (_, k) => k)
  await client.query(
    `insert into classes (school_id, school_year_id, name, code, level_id, grade, section, capacity)
     select $1, $2, name, code, $3, 1 + (n::int - 1) % 6, chr(65 + (n::int - 1) / 6), $6::numeric from unnest($4::text[], $5::text[]) with ordinality as c(name, code, n)`,
    [school, year, level, ks.map(shape.classes.name), ks.map(shape.classes.code), shape.classes.capacity],
  )
  await client.query(
    `insert into students (school_id, matricule, last_name, post_name, first_name, full_name, sex, birth_date, birth_place)
     select $1, 'BANC-2026-' || lpad(g::text, greatest(4, length(g::text)), '0'), 'ÉLÈVE', 'BANC', 'N° ' || g, 'ÉLÈVE BANC N° ' || lpad(g::text, greatest(4, length(g::text)), '0'),
            (array['M','F'])[1 + g % 2]::enum_students_sex, date '2010-01-01' + (g * 37) % 1500, 'Kinshasa'
     from generate_series(1, $2::int) g`,
    [school, shape.pupils],
  )
  await client.query(
    `insert into enrollments (school_id, student_id, class_id, school_year_id, status, start_date)
     select $1, s.id, c.id, $2, 'active', '2026-09-01'
     from (select id, row_number() over (order by id) - 1 as n from students where school_id = $1) s
     join (select id, row_number() over (order by id) - 1 as n from classes where school_id = $1) c on c.n = s.n / $3::int`,
    [school, year, shape.perClass],
  )
  return { level }
}

/** A mark for every enrolled pupil in every evaluation of the school: scores follow each pupil's level (35–95 %) with some spread; about 2 % absences and 1 % exemptions. */
export const scoreEvaluations = async (client: pg.Client, school: number) => {
  await client.query(
    `insert into grades (school_id, evaluation_id, student_id, status, score, class_id, subject_id, term_id, published)
     select $1, id, student_id, status::enum_grades_status,
            case when status = 'scored' then round(least(1, greatest(0, 0.35 + (student_id % 61) / 100.0 + (spread - 0.5) * 0.3)) * maximum * 2) / 2 end,
            class_id, subject_id, term_id, true
     from (select v.*, en.student_id, random() as spread,
                  case when random() < 0.02 then 'absent' when random() < 0.01 then 'exempt' else 'scored' end as status
           from evaluations v join enrollments en on en.class_id = v.class_id where v.school_id = $1) marks`,
    [school],
  )
}

/**
 * A class of `size` pupils made through Payload in the demo school's primary level, with the demo
 * teacher assigned to its mathematics: the teacher's big saves (roll, marks) are measured on it.
 */
export const teacherClass = async (payload: Payload, size: number) => {
  const one = async (collection: string, where: Record<string, unknown>) =>
    (await payload.find({ collection: collection as 'schools', where: where as never, limit: 1, depth: 0 })).docs[0] as unknown as Record<string, any>
  const school = await one('schools', { code: { equals: 'CSMA' } })
  const year = await one('school-years', { school: { equals: school.id }, current: { equals: true } })
  const level = await one('levels', { school: { equals: school.id }, code: { equals: 'P' } })
  const subject = await one('subjects', { level: { equals: level.id }, code: { equals: 'MATH' } })
  const term = await one('terms', { school: { equals: school.id }, code: { equals: 'P2' } })
  const teacherUser = await one('users', { email: { equals: demoAccounts.teacher } })
  const teacher = await one('teachers', { user: { equals: teacherUser.id } })
  const klass = await payload.create({ collection: 'classes', data: { school: school.id, schoolYear: year.id, level: level.id, grade: 6, section: 'B', name: '6e primaire B', code: '6P-B', capacity: size } })
  await payload.create({ collection: 'course-assignments', data: { school: school.id, class: klass.id, subject: subject.id, teacher: teacher.id, hoursPerWeek: 6 } })
  const pupils: number[] = []
  for (let n = 1; n <= size; n++) {
    const student = await payload.create({ collection: 'students', data: { school: school.id, matricule: `B60-${n}`, lastName: 'BENCH', firstName: `Élève ${n}`, sex: n % 2 ? 'M' : 'F' } })
    await payload.create({ collection: 'enrollments', data: { school: school.id, student: student.id, class: klass.id, status: 'active' } as never })
    pupils.push(student.id)
  }
  return { school: school.id, klass: klass.id, subject: subject.id, term: term.id, pupils }
}

/** One JSON request as a signed-in client sends it, timed from sending to the whole answer; a refusal stops the bench. */
export const timedJSON = async (url: string, method: 'POST' | 'PUT', token: string, body: unknown) => {
  const started = performance.now()
  const answer = await fetch(url, { method, headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` }, body: JSON.stringify(body) })
  const json = (await answer.json()) as Record<string, any>
  const elapsed = performance.now() - started
  if (!answer.ok) throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(json)}`)
  return { elapsed, json }
}
