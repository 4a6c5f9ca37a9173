/**
 * A whole school's report cards for a term, end to end: 1,000 pupils in 25 classes of 40, 12
 * courses, the first period marked (4 tests per course: 48,000 marks) and a few absences, built
 * set-based on a fresh database; then the school's report-card run through the jobs queue (a
 * `report-card-runs` record of scope 'school', as the term-end schedule makes it, carried out by
 * `payload.jobs.run` as the worker does); then every card printed from its stored snapshot as
 * `kelasi report-cards print` does, on the render pool (a thread per core): a PDF per pupil
 * (--each, as sent to each family), then a PDF per class (to print).
 * Options: --pupils <n> (default 1000, 40 a class), --logo (the school with a logo and every pupil
 * with a photo, as uploaded media), --out <folder> to keep the PDFs (else a temporary folder).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Payload } from 'payload'
import pg from 'pg'
import sharp from 'sharp'
import { freshDatabase } from '../src/db/embedded'
import { prepareDatabase, withPayload } from '../src/db/prepare'
import { dataFolder } from '../src/db/settings'
import { benchSchoolYear, buildSchool, scoreEvaluations } from './support'

const { values } = parseArgs({ args: process.argv.slice(3), options: { pupils: { type: 'string', default: '1000' }, logo: { type: 'boolean', default: false }, out: { type: 'string' } } })
const pupils = Math.max(40, Number(values.pupils))
const perClass = 40
const classCount = Math.ceil(pupils / perClass)

/** The school at the end of its first period, one statement per table. */
const build = async (client: pg.Client) => {
  // Consistent by construction: foreign-key triggers off for this session, as pg_restore does.
  await client.query("set session_replication_role = 'replica'")
  const one = async (text: string, params: unknown[] = []) => (await client.query(text, params)).rows[0]
  const { school, year } = await benchSchoolYear(client)
  await client.query(
    `insert into terms (school_id, school_year_id, name, code, "order", start_date, end_date)
     select $1, $2, name, code, n, date '2026-09-01' + (n::int - 1) * 50, date '2026-09-01' + n::int * 50 - 1
     from unnest(array['1re période', '2e période', 'Examens du 1er semestre', '3e période', '4e période', 'Examens du 2e semestre'],
                 array['P1','P2','EX1','P3','P4','EX2']) with ordinality as t(name, code, n)`,
    [school, year],
  )
  const { id: term } = await one("select id from terms where school_id = $1 and code = 'P1'", [school])
  await buildSchool(client, school, year, {
    level: { name: 'Humanités', code: 'H' },
    subjects: ['Français', 'Mathématiques', 'Éducation civique et morale', 'Histoire', 'Géographie', 'Biologie', 'Chimie', 'Physique', 'Anglais', 'Religion', 'Éducation physique', 'Dessin'],
    classes: { count: classCount, name: (k) => `${1 + (k % 6)}e Humanités ${String.fromCharCode(65 + Math.floor(k / 6))}`, code: (k) => `H${k}`, capacity: 45 },
    pupils,
    perClass,
  })
  await client.query(
    `insert into evaluations (school_id, title, class_id, subject_id, term_id, kind, date, maximum, coefficient, published, published_at)
     select $1, 'Interrogation ' || e, c.id, s.id, $2, 'test', date '2026-09-01' + e * 12, m.period_maximum, 1, true, now()
     from classes c
     join subjects s on s.level_id = c.level_id
     join subjects_maxima m on m._parent_id = s.id
     join generate_series(1, 4) e on true
     where c.school_id = $1`,
    [school, term],
  )
  await scoreEvaluations(client, school)
  // A morning's absence for one pupil in five, and a late arrival for one in seven.
  await client.query(
    `insert into attendance (school_id, student_id, class_id, date, half_day, status, minutes_late)
     select $1, en.student_id, en.class_id, date '2026-10-05' + en.student_id % 20, 'morning',
            (case when en.student_id % 5 = 0 then 'absent' else 'late' end)::enum_attendance_status,
            case when en.student_id % 5 = 0 then null else 10 end
     from enrollments en where en.school_id = $1 and (en.student_id % 5 = 0 or en.student_id % 7 = 0)`,
    [school],
  )
  await client.query("set session_replication_role = 'origin'")
  await client.query('analyze')
  const counts = await one(
    `select (select count(*)::int from enrollments where school_id = $1) as pupils,
            (select count(*)::int from classes where school_id = $1) as classes,
            (select count(*)::int from grades where school_id = $1) as grades`,
    [school],
  )
  return { school: school as number, term: term as number, ...counts }
}

/** The school's logo and 40 distinct pupil photos (one per seat of a class), uploaded as media as the secretariat would. */
const addPictures = async (payload: Payload, client: pg.Client, school: number) => {
  const upload = async (name: string, data: Buffer, mimetype: string) =>
    (await payload.create({ collection: 'media', data: { school, alt: name } as never, file: { data, mimetype, name, size: data.length }, overrideAccess: true, depth: 0 })).id
  const logo = await upload('logo.png', await sharp({ create: { width: 600, height: 600, channels: 4, background: { r: 20, g: 70, b: 140, alpha: 1 } } }).png().toBuffer(), 'image/png')
  await payload.update({ collection: 'schools', id: school, data: { logo } as never, overrideAccess: true, depth: 0 })
  const photos: number[] = []
  for (let seat = 0; seat < 40; seat++) {
    const colour = { r: 60 + seat * 4, g: 120, b: 200 - seat * 3 }
    photos.push(await upload(`photo-${seat}.jpg`, await sharp({ create: { width: 480, height: 640, channels: 3, background: colour } }).jpeg().toBuffer(), 'image/jpeg'))
  }
  await client.query('update students set photo_id = ($1::int[])[1 + id % 40] where school_id = $2', [photos, school])
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

/** Wall time, this process's CPU time (its render threads' included; other work on the machine inflates it far less than the wall time) and the highest RSS, per phase. */
const phase = () => {
  const at = performance.now()
  const cpu = process.cpuUsage()
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  return () => {
    clearInterval(sampler)
    const used = process.cpuUsage(cpu)
    return { ms: performance.now() - at, cpuMs: (used.user + used.system) / 1000, peak: Math.max(peak, process.memoryUsage().rss) }
  }
}

process.env.PAYLOAD_SECRET ||= 'kelasi-bench-secret'
process.env.SMTP_PORT ||= '2599'
// A server of its own (not bench/support's): this bench never shares a cluster with another one running.
const db = await freshDatabase({ folder: path.join(dataFolder, 'postgres-bench-report-cards'), port: 54358, name: 'kelasi_bench_report_cards' })
const client = new pg.Client({ connectionString: db.url })
try {
  await prepareDatabase({ demo: false })
  // Loaded once the config is (as the command line does): imported statically beside it, the
  // config's import never settled.
  const { printReportCards } = await import('../src/reportCards/print')
  const { renderPool } = await import('../src/pdf/pool')
  await client.connect()
  const building = phase()
  const built = await build(client)
  console.log(`\nBuilt ${built.pupils} pupils in ${built.classes} classes, 12 courses, ${built.grades} marks of the first period in ${seconds(building().ms)}`)

  await withPayload(async (payload) => {
    const ready = process.memoryUsage().rss
    // The run as the term-end schedule starts it (no requester: the system's rights), carried out by the queue as the worker does.
    const generating = phase()
    const run = await payload.create({
      collection: 'report-card-runs',
      data: { school: built.school, term: built.term, scope: 'school', trigger: 'schedule' } as never,
      depth: 0,
      overrideAccess: true,
    })
    let state = run
    for (let round = 0; round < 20 && !['done', 'failed'].includes(state.status ?? ''); round++) {
      await payload.jobs.run({ limit: 10, silent: true })
      state = await payload.findByID({ collection: 'report-card-runs', id: run.id, depth: 0, overrideAccess: true })
    }
    const generation = generating()
    if (state.status !== 'done') throw new Error(`The run ended ${state.status}: ${state.error ?? 'no error recorded'}`)
    const cards = (await payload.count({ collection: 'report-cards', where: { term: { equals: built.term } }, overrideAccess: true })).totalDocs
    console.log(
      `Report-card run (jobs queue, scope school): ${state.classesTotal} classes, ${state.cardsCreated} cards created in ${seconds(generation.ms)} ` +
        `(${(generation.ms / (state.classesTotal ?? 1)).toFixed(0)} ms a class, ${(generation.ms / cards).toFixed(1)} ms a card)`,
    )

    // Every card from its stored snapshot, as the print command does: a PDF each, then a PDF a class.
    if (values.logo) await addPictures(payload, client, built.school)
    const classes = await payload.find({ collection: 'classes', where: { school: { equals: built.school } }, sort: 'name', pagination: false, depth: 0, overrideAccess: true, select: { name: true } })
    const out = values.out ?? mkdtempSync(path.join(tmpdir(), 'kelasi-bench-pdf-'))
    // One pool for both, as a long-lived worker process keeps its threads.
    const pool = renderPool()
    const print = async (each: boolean) => {
      const printing = phase()
      const printed = await printReportCards(payload, { term: built.term, classes: classes.docs.map((c) => c.id), language: 'fr', out: path.join(out, each ? 'each' : 'classes'), each, drafts: true, pool })
      return { figures: printing(), printed }
    }
    const each = await print(true)
    const byClass = await print(false)
    await pool.close()
    if (!values.out) rmSync(out, { recursive: true, force: true })
    const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1)
    console.log(
      `A PDF per pupil: ${each.printed.cards} PDFs in ${seconds(each.figures.ms)}, ${rate(each.printed.cards, each.figures.ms)} PDFs/s, ${(each.printed.bytes / each.printed.cards / 1024).toFixed(1)} kB a PDF`,
    )
    console.log(
      `A PDF per class: ${byClass.printed.files.length} PDFs of ${byClass.printed.cards} pages in ${seconds(byClass.figures.ms)}, ${rate(byClass.printed.cards, byClass.figures.ms)} pages/s, ${(byClass.printed.bytes / byClass.printed.files.length / 1024).toFixed(0)} kB a class`,
    )
    const row = (figures: ReturnType<ReturnType<typeof phase>>, target: string) => ({
      'wall s': +(figures.ms / 1000).toFixed(2),
      'CPU s (all threads)': +(figures.cpuMs / 1000).toFixed(2),
      'peak RSS': mb(figures.peak),
      target,
    })
    const within = (ms: number, count: number) => `1,000 in 30 s: ${ms * (1000 / count) < 30_000 ? 'yes' : 'NO'}`
    console.table({
      generation: row(generation, '—'),
      'a PDF per pupil': row(each.figures, within(each.figures.ms, each.printed.cards)),
      'a PDF per class': row(byClass.figures, within(byClass.figures.ms, byClass.printed.cards)),
    })
    const peak = process.resourceUsage().maxRSS * 1024
    console.log(`RSS with Payload loaded: ${mb(ready)}; peak RSS of the whole bench: ${mb(peak)} (${peak < 500 * 1024 * 1024 ? 'under 500 MB' : 'OVER 500 MB'})`)
  })
} finally {
  await client.end()
  await db.stop()
}
process.exit(0)
