/** Payload's own collections (preferences, locks, migrations, key-value store, jobs) leak nothing. */
import type { Payload } from 'payload'
import { demoAccounts, tokenFor, userFor } from '../support/accounts'
import { graphqlChannel, restChannel } from '../support/channels'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})
afterAll(closeTestPayload)

it('refuses anonymous callers, never serves the migrations table, and keeps preferences private', async () => {
  for (const slug of ['payload-preferences', 'payload-locked-documents', 'payload-kv'])
    expect((await rest('GET', `/${slug}`)).status).toBe(403)
  const parentToken = await tokenFor(payload, demoAccounts.parent)
  expect([404, 501]).toContain((await rest('GET', '/payload-migrations', { token: parentToken })).status)
  expect((await rest('GET', '/payload-kv', { token: parentToken })).status).toBe(403)

  // The admin saves a list preference the way its UI does.
  const adminToken = await tokenFor(payload, demoAccounts.admin)
  expect((await rest('POST', '/payload-preferences/students-list', { token: adminToken, body: { value: { limit: 25 } } })).status).toBe(200)
  // Whatever else the admin's browser saved in earlier tests: only the admin's own.
  const admin = await userFor(payload, demoAccounts.admin)
  const mine = (await rest('GET', '/payload-preferences?limit=100&depth=0', { token: adminToken })).body.docs as { key: string; user: { value: unknown } | unknown }[]
  expect(mine.map((doc) => doc.key)).toContain('students-list')
  const owners = new Set(mine.map((doc) => (doc.user && typeof doc.user === 'object' && 'value' in doc.user ? doc.user.value : doc.user)))
  expect([...owners]).toEqual([admin.id])
  expect((await rest('GET', '/payload-preferences', { token: parentToken })).body.totalDocs).toBe(0)
})

describe('payload-jobs', () => {
  type Id = number | string
  let run: { id: Id; job?: string | null }
  const tokens: Record<string, string | undefined> = {}

  // A real run of one pupil's report card, in a small school of its own (nothing of the demo
  // school is touched when IT runs it); creating the run queued its job.
  beforeAll(async () => {
    const make = async (collection: string, data: Record<string, unknown>) =>
      (await payload.create({ collection: collection as 'students', data: data as never, depth: 0, overrideAccess: true })) as unknown as { id: Id }
    const school = await make('schools', { name: 'École des tâches', code: 'JOBS', gradingScheme: 'french' })
    const schoolYear = await make('school-years', { school: school.id, name: '2026-2027', startDate: '2026-09-01', endDate: '2027-07-02', current: true })
    const term = await make('terms', { school: school.id, schoolYear: schoolYear.id, name: 'Trimestre 1', code: 'T1', startDate: '2026-09-01', endDate: '2026-12-15' })
    const level = await make('levels', { school: school.id, name: 'Primaire', code: 'P', order: 1, years: 6 })
    const klass = await make('classes', { school: school.id, schoolYear: schoolYear.id, level: level.id, grade: 1, name: '1re A', code: '1A' })
    const student = await make('students', { school: school.id, matricule: 'JOBS-1', lastName: 'TÂCHE', firstName: 'Élève', sex: 'F' })
    await make('enrollments', { school: school.id, student: student.id, class: klass.id, schoolYear: schoolYear.id, status: 'active' })
    run = (await make('report-card-runs', { school: school.id, term: term.id, scope: 'student', student: student.id })) as typeof run
    for (const persona of ['it', 'admin', 'teacher', 'parent'] as const) tokens[persona] = await tokenFor(payload, demoAccounts[persona])
  })

  const job = (id: Id) => payload.findByID({ collection: 'payload-jobs', id, depth: 0, overrideAccess: true })
  const untouched = async (id: Id) => {
    const { completedAt, totalTried, processing, hasError } = await job(id)
    return { completedAt: completedAt ?? null, totalTried: totalTried ?? 0, processing: processing ?? false, hasError: hasError ?? false }
  }
  const unprocessed = { completedAt: null, totalTried: 0, processing: false, hasError: false }
  const runStatus = async () => (await payload.findByID({ collection: 'report-card-runs', id: run.id, depth: 0, overrideAccess: true })).status

  it('creating a run queued its job', async () => {
    expect(run.job).toBeTruthy()
    expect((await job(run.job!)).input).toEqual({ run: run.id })
    expect(await untouched(run.job!)).toEqual(unprocessed)
  })

  it.each(['parent', 'teacher', 'admin'])('as %s: lists, reads, creates, changes and deletes no job over REST or GraphQL', async (persona) => {
    const id = Number(run.job)
    for (const channel of [restChannel({ token: tokens[persona] }), graphqlChannel({ token: tokens[persona] })]) {
      expect({ channel: channel.name, listed: await channel.list('payload-jobs', [id]) }).toEqual({ channel: channel.name, listed: [] })
      expect({ channel: channel.name, read: await channel.read('payload-jobs', id) }).toEqual({ channel: channel.name, read: 'refused' })
      const created = await channel.create('payload-jobs', { taskSlug: 'generateReportCards', input: { run: run.id } })
      expect({ channel: channel.name, created }).toEqual({ channel: channel.name, created: 'refused' })
      const updated = await channel.update('payload-jobs', id, { completedAt: new Date().toISOString() })
      expect({ channel: channel.name, updated }).toEqual({ channel: channel.name, updated: 'refused' })
      expect({ channel: channel.name, removed: await channel.remove('payload-jobs', id) }).toEqual({ channel: channel.name, removed: 'refused' })
    }
    // The REST list is refused outright, not merely empty; bulk changes too.
    expect((await rest('GET', '/payload-jobs', { token: tokens[persona] })).status).toBe(403)
    expect((await rest('PATCH', `/payload-jobs?where[id][equals]=${id}`, { token: tokens[persona], body: { completedAt: new Date().toISOString() } })).status).toBe(403)
    expect((await rest('DELETE', `/payload-jobs?where[id][equals]=${id}`, { token: tokens[persona] })).status).toBe(403)
    expect(await payload.count({ collection: 'payload-jobs', where: { 'input.run': { equals: run.id } }, overrideAccess: true })).toEqual({ totalDocs: 1 })
    expect(await untouched(run.job!)).toEqual(unprocessed)
  })

  it.each(['anonymous', 'teacher', 'admin'])('as %s: may not run or schedule jobs over HTTP, and nothing runs', async (persona) => {
    const token = tokens[persona]
    for (const path of ['/payload-jobs/run', '/payload-jobs/run?allQueues=true', '/payload-jobs/run?queue=default&limit=100', '/payload-jobs/handle-schedules', '/payload-jobs/handle-schedules?allQueues=true']) {
      const { status } = await rest('GET', path, { token })
      expect({ path, refused: [401, 403].includes(status) }).toEqual({ path, refused: true })
    }
    expect(await untouched(run.job!)).toEqual(unprocessed)
    expect(await runStatus()).toBe('queued')
  })

  it('IT may run jobs over HTTP', async () => {
    // A second job for the same run, on a queue of its own, so that IT's call runs it and nothing else.
    const queue = 'internal-collections'
    const own = await payload.jobs.queue({ task: 'generateReportCards', input: { run: Number(run.id) }, queue })
    const { status } = await rest('GET', `/payload-jobs/run?queue=${queue}`, { token: tokens.it })
    expect(status).toBe(200)
    // The job ran to its end (Payload deletes a completed job) and the run is done.
    expect(await payload.count({ collection: 'payload-jobs', where: { id: { equals: own.id } }, overrideAccess: true })).toEqual({ totalDocs: 0 })
    const done = await payload.findByID({ collection: 'report-card-runs', id: run.id, depth: 0, overrideAccess: true })
    expect({ status: done.status, error: done.error ?? null, cardsCreated: done.cardsCreated }).toEqual({ status: 'done', error: null, cardsCreated: 1 })
    // The run's own job, on the default queue, was left alone.
    expect(await untouched(run.job!)).toEqual(unprocessed)
  })
})
