/**
 * Every average and place of a 1,000-pupil school (25 classes of 40, 12 courses, 4 marks per
 * course in each period and one per semester exam: 216,000 marks), loaded from PostgreSQL and
 * computed, for the Congolese and the French scheme; then one class through the endpoint's
 * path as the direction; then the year rollover of that school, previewed and applied.
 * Options: --runs <n> (default 3).
 */
import { parseArgs } from 'node:util'
import pg from 'pg'
import { createLocalReq } from 'payload'
import { withPayload } from '../src/db/prepare'
import { loadClassResults } from '../src/results/classResults'
import { loadSchoolResults } from '../src/results/schoolResults'
import { applyRollover, previewRollover } from '../src/rollover/rollover'
import { demoAccounts } from '../src/seed/accounts'
import { benchDatabase, benchSchoolYear, buildSchool, ms, scoreEvaluations } from './support'

const { values } = parseArgs({ args: process.argv.slice(3), options: { runs: { type: 'string', default: '3' } } })
const runs = Math.max(1, Number(values.runs))

/** The school as it stands at the end of its year, set-based: one statement per table. */
const build = async (client: pg.Client) => {
  // Consistent by construction: foreign-key triggers off for this session, as pg_restore does.
  await client.query("set session_replication_role = 'replica'")
  const one = async (text: string, params: unknown[] = []) => (await client.query(text, params)).rows[0]
  const { school, year } = await benchSchoolYear(client)
  await client.query(
    `insert into terms (school_id, school_year_id, name, code, "order", start_date, end_date)
     select $1, $2, code, code, n, date '2026-09-01' + (n::int - 1) * 50, date '2026-09-01' + n::int * 50 - 1
     from unnest(array['P1','P2','EX1','P3','P4','EX2']) with ordinality as t(code, n)`,
    [school, year],
  )
  await buildSchool(client, school, year, {
    level: { name: 'Secondaire', code: 'S' },
    subjects: Array.from({ length: 12 }, (_, n) => `Cours ${n + 1}`),
    classes: { count: 25, name: (k) => `Classe ${k}`, code: (k) => `B${k}`, capacity: null },
    pupils: 1000,
    perClass: 40,
  })
  await client.query(
    `insert into evaluations (school_id, title, class_id, subject_id, term_id, kind, date, maximum, coefficient, published, published_at)
     select $1, t.code || ' n° ' || e, c.id, s.id, t.id, (case when t.code like 'EX%' then 'exam' else 'test' end)::enum_evaluations_kind,
            t.start_date + e * interval '1 day', case when t.code like 'EX%' then 2 else 1 end * m.period_maximum, 1, true, now()
     from classes c
     join subjects s on s.level_id = c.level_id
     join subjects_maxima m on m._parent_id = s.id
     join terms t on t.school_year_id = c.school_year_id
     join generate_series(1, 4) e on e <= case when t.code like 'EX%' then 1 else 4 end
     where c.school_id = $1`,
    [school],
  )
  await scoreEvaluations(client, school)
  // The demo school's direction also runs this one, to read a class as the endpoint does.
  await client.query(`insert into users_rels ("order", parent_id, path, schools_id) select 99, id, 'schools', $1 from users where email = $2`, [
    school,
    demoAccounts.admin,
  ])
  await client.query("set session_replication_role = 'origin'")
  await client.query('analyze')
  const counts = await one(
    `select (select count(*)::int from enrollments where school_id = $1) as pupils,
            (select count(*)::int from evaluations where school_id = $1) as evaluations,
            (select count(*)::int from grades where school_id = $1) as grades`,
    [school],
  )
  return { school: school as number, year: year as number, ...counts }
}

const timed = async <T>(fn: () => Promise<T>) => {
  const times: number[] = []
  let result: T | undefined
  for (let n = 0; n < runs; n++) {
    const at = performance.now()
    result = await fn()
    times.push(performance.now() - at)
  }
  return { result: result!, first: times[0], best: Math.min(...times) }
}
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`

const db = await benchDatabase('averages')
const client = new pg.Client({ connectionString: db.url })
try {
  await client.connect()
  const started = performance.now()
  const { school, year, pupils, evaluations, grades } = await build(client)
  console.log(`\nBuilt ${pupils} pupils, ${evaluations} evaluations, ${grades} marks in ${ms(performance.now() - started)}`)
  await withPayload(async (payload) => {
    const rows = []
    for (const scheme of ['rdc', 'french'] as const) {
      await client.query('update schools set grading_scheme = $2 where id = $1', [school, scheme])
      const { result, first, best } = await timed(() => loadSchoolResults(payload, school))
      const lines = result.classes.flatMap((klass) => klass.students as { rank: number | null; percentage: number | null }[])
      const averages = result.classes.map((klass) => klass.statistics.average).filter((v): v is number => v !== null)
      rows.push({
        scheme,
        classes: result.classes.length,
        pupils: lines.length,
        ranked: lines.filter((line) => line.rank !== null).length,
        'best %': Math.max(...lines.map((line) => line.percentage ?? 0)),
        'class averages': `${Math.min(...averages)}–${Math.max(...averages)}${scheme === 'french' ? ' /20' : ' %'}`,
        'first run': seconds(first),
        [`best of ${runs}`]: seconds(best),
        'under 2 s': best < 2000 ? 'yes' : 'NO',
      })
    }
    console.log('\nWhole school, load + compute (loadSchoolResults, as the system)')
    console.table(rows)

    await client.query('update schools set grading_scheme = $2 where id = $1', [school, 'rdc'])
    const { rows: [klass] } = await client.query('select id from classes where school_id = $1 order by id limit 1', [school])
    const { docs: [admin] } = await payload.find({ collection: 'users', where: { email: { equals: demoAccounts.admin } }, depth: 0, overrideAccess: true })
    const read = await timed(async () => loadClassResults(await createLocalReq({ user: { ...admin, collection: 'users' } as never }, payload), klass.id))
    console.log(`\nOne class as the direction (the GET /api/classes/:id/results path): ${read.result.students.length} pupils, first ${ms(read.first)}, best ${ms(read.best)}`)

    // The year's end on the same school: the preview the admin drawer shows, then the apply.
    const direction = async () => createLocalReq({ user: { ...admin, collection: 'users' } as never }, payload)
    const preview = await timed(async () => previewRollover(await direction(), { fromYear: year, toYear: null }))
    const at = performance.now()
    const applied = await applyRollover(await direction(), { fromYear: year, toYear: null })
    console.log(
      `Rollover of ${preview.result.total} pupils (${JSON.stringify(preview.result.counts)}): preview first ${ms(preview.first)}, best ${ms(preview.best)}; ` +
        `apply ${ms(performance.now() - at)} (${applied.classesCreated} classes created, ${applied.opened} enrollments opened)`,
    )
  })
} finally {
  await client.end()
  await db.stop()
}
process.exit(0)
