/**
 * Report-card runs: a term's cards for a class, a level or the school, carried out as Payload
 * jobs by the worker (here: the jobs queue run in the test, then the real `npm run worker`),
 * retried and resumed, never duplicated; and at a term's end, scheduled once.
 */
import { spawn, spawnSync } from 'node:child_process'
import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import { createLocalReq, type Payload } from 'payload'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { errorMessages, rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'
import { scheduleTermEndRuns } from '../../src/jobs/schedules'
import { carryOutRun } from '../../src/reportCards/runs'

let payload: Payload
let fx: Fixtures
let secretariat: string
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  secretariat = await tokenFor(payload, demoAccounts.secretariat)
})
afterAll(closeTestPayload)

const runOf = (id: number) => payload.findByID({ collection: 'report-card-runs', id, depth: 0 })
const jobOf = async (id: number) => payload.findByID({ collection: 'payload-jobs', id: (await runOf(id)).job!, depth: 0 })
const pupilsOf = async (classes: number[]) =>
  (await payload.count({ collection: 'enrollments', where: { class: { in: classes }, status: { in: ['active', 'completed'] } } })).totalDocs
const cardsOf = async (classes: number[], term: number) =>
  (await payload.find({ collection: 'report-cards', where: { class: { in: classes }, term: { equals: term } }, pagination: false, depth: 0 })).docs
const classesOfLevel = async (level: number) =>
  (await payload.find({ collection: 'classes', where: { level: { equals: level }, schoolYear: { equals: fx.schoolYears.main.id } }, pagination: false, depth: 0 })).docs.map((k) => k.id)
const cardsCounted = (run: { cardsCreated?: number | null; cardsUpdated?: number | null; cardsKept?: number | null }) =>
  (run.cardsCreated ?? 0) + (run.cardsUpdated ?? 0) + (run.cardsKept ?? 0)
// Only the runs' jobs: other suites leave e-mail jobs in the queue, which are not this file's business.
const runQueued = () => payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'generateReportCards' } } })
const setActive = (active: boolean) => payload.update({ collection: 'users', id: fx.users.secretariat.id, data: { active }, depth: 0 })

describe('a report-card run', () => {
  it('is asked for in the admin (REST), carried out by the jobs queue, and shows its progress and who asked', async () => {
    const created = await rest('POST', '/report-card-runs', { token: secretariat, body: { school: fx.schools.main.id, term: fx.terms.main.id, scope: 'class', class: fx.classes.self.id } })
    expect(created.status).toBe(201)
    const run = created.body.doc
    expect(run).toMatchObject({ status: 'queued', classesTotal: 1, requestedBy: fx.users.secretariat.id })
    expect((await jobOf(run.id)).taskSlug).toBe('generateReportCards')

    await runQueued()
    const done = await runOf(run.id)
    expect(done).toMatchObject({ status: 'done', classesDone: [fx.classes.self.id], attempts: 1 })
    expect(done.finishedAt).toBeTruthy()
    const cards = await cardsOf([fx.classes.self.id], fx.terms.main.id)
    expect(cards).toHaveLength(await pupilsOf([fx.classes.self.id]))
    expect(cardsCounted(done)).toBe(cards.length)
    // The cards were written in the secretary's name.
    const log = await payload.find({ collection: 'audit-logs', where: { collection: { equals: 'report-cards' }, documentId: { equals: String(cards[0].id) } }, sort: '-createdAt', limit: 1, depth: 0 })
    expect(log.docs[0]?.actorEmail).toBe(demoAccounts.secretariat)
  })

  it('cannot be forged: origin, progress and schedule key are the job’s to write', async () => {
    const forged = await rest('POST', '/report-card-runs', {
      token: secretariat,
      // No school named: the secretary's own, as the admin's create form leaves it.
      body: { term: fx.terms.main.id, scope: 'class', class: fx.classes.self.id, trigger: 'schedule', scheduleKey: 'term-end:1', classesDone: [fx.classes.self.id], cardsCreated: 99, attempts: 7, error: 'boom', status: 'done', finishedAt: '2026-11-01T00:00:00.000Z' },
    })
    expect(forged.status).toBe(201)
    const saved = await runOf(forged.body.doc.id)
    expect(saved).toMatchObject({ school: fx.schools.main.id, trigger: 'manual', status: 'queued', requestedBy: fx.users.secretariat.id, cardsCreated: 0, attempts: 0 })
    expect([saved.scheduleKey, saved.classesDone, saved.error, saved.finishedAt].every((value) => value == null)).toBe(true)
    await runQueued()
    expect((await runOf(saved.id)).classesDone).toEqual([fx.classes.self.id])
  })

  it('covers a whole level, and running it again replaces the drafts without duplicating them', async () => {
    const classes = await classesOfLevel(fx.levels.main.id)
    const ask = () => payload.create({ collection: 'report-card-runs', data: { school: fx.schools.main.id, term: fx.terms.main.id, scope: 'level', level: fx.levels.main.id, status: 'queued', trigger: 'manual' }, depth: 0 })
    const first = await ask()
    expect(first.classesTotal).toBe(classes.length)
    await runQueued()
    const before = await cardsOf(classes, fx.terms.main.id)
    expect(before).toHaveLength(await pupilsOf(classes))

    const second = await ask()
    await runQueued()
    const again = await runOf(second.id)
    expect(again.status).toBe('done')
    expect(again.cardsCreated).toBe(0)
    const after = await cardsOf(classes, fx.terms.main.id)
    expect(after.map((card) => card.id).sort()).toEqual(before.map((card) => card.id).sort())
    expect(cardsCounted(again)).toBe(after.length)
  })

  it('passes over a class without pupils', async () => {
    const empty = await payload.create({
      collection: 'classes',
      data: { school: fx.schools.main.id, schoolYear: fx.schoolYears.main.id, level: fx.levels.main.id, grade: 1, name: 'Classe vide', code: 'VIDE-RC' },
      depth: 0,
    })
    try {
      const run = await payload.create({ collection: 'report-card-runs', data: { school: fx.schools.main.id, term: fx.terms.main.id, scope: 'class', class: empty.id }, depth: 0 })
      await runQueued()
      expect(await runOf(run.id)).toMatchObject({ status: 'done', cardsCreated: 0, classesDone: [empty.id] })
      expect(await cardsOf([empty.id], fx.terms.main.id)).toHaveLength(0)
    } finally {
      await payload.delete({ collection: 'classes', id: empty.id })
    }
  })

  it('refuses, naming the field, a run without its target or with a class of another year, and queues nothing', async () => {
    const jobsBefore = (await payload.count({ collection: 'payload-jobs' })).totalDocs
    const missing = await rest('POST', '/report-card-runs', { token: secretariat, body: { school: fx.schools.main.id, term: fx.terms.main.id, scope: 'class' } })
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].data.errors[0].path).toBe('class')
    expect(errorMessages(missing.body)[0]).toBe('Choisissez classe à traiter.')
    const otherYear = await payload.find({ collection: 'terms', where: { school: { equals: fx.schools.main.id }, schoolYear: { not_equals: fx.schoolYears.main.id } }, limit: 1, depth: 0 })
    if (otherYear.docs[0]) {
      const wrong = await rest('POST', '/report-card-runs', { token: secretariat, body: { term: otherYear.docs[0].id, scope: 'class', class: fx.classes.self.id } })
      expect(wrong.status).toBe(400)
      expect(errorMessages(wrong.body)[0]).toContain('n’est pas de l’année scolaire de la période')
    }
    expect((await payload.count({ collection: 'payload-jobs' })).totalDocs).toBe(jobsBefore)
  })

  it('is retried after a failure and resumes, then is marked failed once its attempts are spent', async () => {
    const created = await rest('POST', '/report-card-runs', { token: secretariat, body: { school: fx.schools.main.id, term: fx.terms.main.id, scope: 'class', class: fx.classes.childB.id } })
    const id = created.body.doc.id
    // The secretary loses her access before the worker gets to it: the attempt fails, is retried later.
    await setActive(false)
    try {
      await runQueued()
      const retrying = await runOf(id)
      expect(retrying.status).toBe('retrying')
      expect(retrying.error).toBeTruthy()
      const job = await jobOf(id)
      expect(job.completedAt).toBeFalsy()
      expect(Date.parse(job.waitUntil!)).toBeGreaterThan(Date.now())
      // Three more attempts (the back-off skipped by running the job by id): then it has failed for good.
      for (let attempt = 0; attempt < 3; attempt++) await payload.jobs.runByID({ id: job.id })
      expect((await runOf(id)).status).toBe('failed')
      expect((await jobOf(id)).hasError).toBe(true)
    } finally {
      await setActive(true)
      secretariat = await tokenFor(payload, demoAccounts.secretariat)
    }

    const retried = await rest('POST', '/report-card-runs', { token: secretariat, body: { school: fx.schools.main.id, term: fx.terms.main.id, scope: 'class', class: fx.classes.childB.id } })
    await setActive(false)
    await runQueued()
    await setActive(true)
    await payload.jobs.runByID({ id: (await jobOf(retried.body.doc.id)).id })
    const done = await runOf(retried.body.doc.id)
    expect(done).toMatchObject({ status: 'done', attempts: 2, error: null })
    expect(cardsCounted(done)).toBe(await pupilsOf([fx.classes.childB.id]))
  })

  it('is carried out once when two workers take the same job', async () => {
    const run = await payload.create({ collection: 'report-card-runs', data: { school: fx.schools.main.id, term: fx.terms.main.id, scope: 'class', class: fx.classes.taught.id, status: 'queued', trigger: 'manual' }, depth: 0 })
    // The jobs queue claims without SKIP LOCKED: two workers may both start the same job.
    const attempt = { number: 1, last: false }
    const [a, b] = await Promise.all([carryOutRun(await createLocalReq({}, payload), run.id, attempt), carryOutRun(await createLocalReq({}, payload), run.id, attempt)])
    expect([a, b].filter((result) => result === null)).toHaveLength(1)
    const done = await runOf(run.id)
    expect(done.status).toBe('done')
    const cards = await cardsOf([fx.classes.taught.id], fx.terms.main.id)
    expect(new Set(cards.map((card) => card.student)).size).toBe(cards.length)
    expect(cardsCounted(done)).toBe(cards.length)
  })
})

describe('at the end of a term', () => {
  it('schedules one run per school for the whole school, even when two workers ask at once', async () => {
    const term = await payload.findByID({ collection: 'terms', id: fx.terms.main.id, depth: 0 })
    const endDay = term.endDate.slice(0, 10)
    const [first, second] = await Promise.all([scheduleTermEndRuns(payload, endDay), scheduleTermEndRuns(payload, endDay)])
    const runs = await payload.find({ collection: 'report-card-runs', where: { trigger: { equals: 'schedule' } }, depth: 0 })
    // Each term ending that day (both schools' first terms here) has exactly one run, and each was queued once.
    expect(runs.docs.filter((run) => run.term === term.id)).toHaveLength(1)
    expect([...first, ...second].sort()).toEqual(runs.docs.map((run) => run.id).sort())
    expect(new Set(runs.docs.map((run) => run.term)).size).toBe(runs.totalDocs)
    expect(runs.docs.find((run) => run.term === term.id)).toMatchObject({ scope: 'school', requestedBy: null, school: fx.schools.main.id })
    expect(await scheduleTermEndRuns(payload, endDay)).toEqual([])
    // Before the end date nothing is due.
    expect(await scheduleTermEndRuns(payload, term.startDate.slice(0, 10))).toEqual([])
  })
})

describe('npm run worker', () => {
  it('takes over a run a stopped worker left half-done, and stops cleanly on SIGTERM', async () => {
    await runQueued()
    const run = await payload.create({ collection: 'report-card-runs', data: { school: fx.schools.main.id, term: fx.terms.main.id, scope: 'student', student: fx.students.self.id, status: 'queued', trigger: 'manual' }, depth: 0 })
    // A worker took the job an hour ago and was killed: the job stays "processing", the run "running".
    const db = (payload.db as unknown as PostgresAdapter).drizzle
    // The queue holds only this run's job: what other suites left there is not this test's business.
    await payload.delete({ collection: 'payload-jobs', where: { id: { not_equals: Number(run.job) } } })
    await db.execute(sql`update payload_jobs set processing = true, updated_at = now() - interval '1 hour' where id = ${Number(run.job)}`)
    await db.execute(sql`update report_card_runs set status = 'running', updated_at = now() - interval '1 hour' where id = ${run.id}`)
    const worker = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/worker.ts'], { env: { ...process.env, KELASI_WORKER_POLL_MS: '200' } })
    let output = ''
    worker.stdout.on('data', (chunk) => (output += chunk))
    worker.stderr.on('data', (chunk) => (output += chunk))
    try {
      const deadline = Date.now() + 120_000
      while ((await runOf(run.id)).status !== 'done') {
        if (Date.now() > deadline || worker.exitCode !== null) throw new Error(`the worker did not carry out the run:\n${output}`)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      expect(cardsCounted(await runOf(run.id))).toBe(1)
    } finally {
      const exited = new Promise<number | null>((resolve) => worker.once('exit', resolve))
      worker.kill('SIGTERM')
      expect(await exited).toBe(0)
    }
    expect(output).toContain('[worker] 1 abandoned job(s) back in the queue')
    expect(output).toContain('[worker] stopping after the jobs in hand')
  }, 240_000)

  it('refuses to start without a database, saying why', () => {
    const env = { ...process.env }
    delete env.DATABASE_URL
    const alone = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/worker.ts'], { encoding: 'utf8', env })
    expect(alone.status).toBe(2)
    expect(alone.stderr).toContain('DATABASE_URL is not set')
  })
})
