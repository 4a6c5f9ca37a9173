/**
 * The year rollover: read-only previews on the demo school (other test files rely on it as it
 * is), and applies on small schools of this file's own, through the endpoint and the Local API.
 */
import { spawnSync } from 'node:child_process'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { closeTestPayload, testPayload } from '../support/payload'
import { demoAccounts, demoPassword, tokenFor, userFor } from '../support/accounts'
import { rest } from '../support/http'
import { loadClassResults } from '../../src/results/classResults'
import { applyRollover, previewRollover } from '../../src/rollover/rollover'

type Id = number
let payload: Payload
const reqAs = async (email: string) => createLocalReq({ user: await userFor(payload, email) }, payload) as Promise<PayloadRequest>
const create = async (collection: string, data: Record<string, unknown>) =>
  ((await payload.create({ collection: collection as 'schools', data: data as never, depth: 0 })) as { id: Id }).id
const find = async (collection: string, where: Record<string, unknown>) =>
  (await payload.find({ collection: collection as 'enrollments', where: where as never, pagination: false, depth: 0, overrideAccess: true })).docs as Record<string, any>[]
const kelasi = (...args: string[]) =>
  spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/kelasi.ts', ...args], { encoding: 'utf8', env: process.env })

type ClassSpec = { code: string; name: string; level: 'P' | 'S'; grade: number; capacity?: number }
type PupilSpec = { name: string; class: string; decision?: 'promoted' | 'repeating' | 'leaving'; score?: number }

/** A French-scheme school in its 2026-2027 year: primaire (6 years) then secondaire (2 years), its classes and pupils, one mark out of 20 each when given. */
const makeSchool = async (code: string, classes: ClassSpec[], pupils: PupilSpec[]) => {
  const school = await create('schools', { name: `École ${code}`, code, gradingScheme: 'french' })
  const year = await create('school-years', { school, name: '2026-2027', startDate: '2026-09-01', endDate: '2027-07-02', current: true })
  const term = await create('terms', { school, schoolYear: year, name: '1er trimestre', code: 'T1', order: 1, startDate: '2026-09-01', endDate: '2026-12-20' })
  const levels = {
    P: await create('levels', { school, name: 'Primaire', code: 'P', order: 1, years: 6 }),
    S: await create('levels', { school, name: 'Secondaire', code: 'S', order: 2, years: 2 }),
  }
  const subject = await create('subjects', { school, level: levels.P, name: 'Calcul', coefficient: 1 })
  const classIds: Record<string, Id> = {}
  for (const c of classes)
    classIds[c.code] = await create('classes', { school, schoolYear: year, name: c.name, code: c.code, level: levels[c.level], grade: c.grade, capacity: c.capacity ?? 40 })
  const ids: Record<string, { student: Id; enrollment: Id }> = {}
  for (const [n, pupil] of pupils.entries()) {
    const student = await create('students', { school, matricule: `${code}-${n + 1}`, lastName: pupil.name.toUpperCase(), firstName: pupil.name, sex: 'F' })
    const enrollment = await create('enrollments', { school, student, class: classIds[pupil.class], status: 'active', startDate: '2026-09-01', decision: pupil.decision })
    ids[pupil.name] = { student, enrollment }
    if (pupil.score === undefined) continue
    const evaluation = await create('evaluations', { school, class: classIds[pupil.class], subject, term, title: `Contrôle ${pupil.name}`, date: '2026-10-05', maximum: 20, published: true })
    await create('grades', { school, evaluation, student, status: 'scored', score: pupil.score })
  }
  return { school, year, levels, classes: classIds, pupils: ids }
}

beforeAll(async () => {
  payload = await testPayload()
})
afterAll(closeTestPayload)

describe('the demo school, previewed only', () => {
  let demo: { school: Record<string, any>; year: Record<string, any>; classes: Record<string, Record<string, any>> }
  const activeIn = async (klass: Record<string, any>) => find('enrollments', { class: { equals: klass.id }, status: { equals: 'active' } })

  beforeAll(async () => {
    const [school] = await find('schools', { code: { equals: 'CSMA' } })
    const [year] = await find('school-years', { school: { equals: school.id }, current: { equals: true } })
    const classes = await find('classes', { schoolYear: { equals: year.id } })
    demo = { school, year, classes: Object.fromEntries(classes.map((k) => [k.code, k])) }
  })

  it('plans every pupil: 6P-A to 7EB, 4HS graduates, 5P-A by its year percentage; nothing changes', async () => {
    const admin = await reqAs(demoAccounts.admin)
    const before = await find('enrollments', { schoolYear: { equals: demo.year.id }, status: { equals: 'active' } })
    const plan = await previewRollover(admin, { fromYear: demo.year.id, toYear: null })
    expect(plan.to).toMatchObject({ name: '2027-2028', exists: false })
    expect(plan.total).toBe(before.length)
    expect(Object.values(plan.counts).reduce((a, b) => a + b)).toBe(before.length)
    const pupilsOf = (code: string) => plan.classes.find((k) => k.code === code)!.pupils

    // 6P-A has no marks and no decisions: everyone promoted to a 7EB planned after this year's.
    const sixth = pupilsOf('6P-A')
    expect(sixth).toHaveLength((await activeIn(demo.classes['6P-A'])).length)
    expect(sixth.map((p) => [p.decision, p.to?.code, p.to?.new])).toEqual(sixth.map(() => ['promoted', '7EB', true]))
    // 4HS is the last year of the humanités, the demo's last level: its pupils graduate. (The
    // authorization matrix adds levels after it to the demo school; 4HS pupils then go on to the first.)
    const levels = (await find('levels', { school: { equals: demo.school.id } })).sort((x, y) => x.order - y.order)
    const humanities = levels.find((level) => level.code === 'HS')!
    const following = levels.find((level) => level.order > humanities.order)
    const last = pupilsOf('4HS')
    if (following) expect(last.map((p) => [p.decision, p.to?.new])).toEqual(last.map(() => ['promoted', true]))
    else {
      expect(last.map((p) => [p.decision, p.to])).toEqual(last.map(() => ['graduated', null]))
      expect(plan.counts.graduated).toBe(last.length)
      expect(plan.warnings.find((w) => w.code === 'noNextLevel')!.message).toContain('Humanités scientifiques')
    }

    // 5P-A has marks: each decision follows the class results' year percentage against 50 %.
    const results = await loadClassResults(admin, demo.classes['5P-A'].id)
    const percentageOf = new Map(results.students.map((line) => [line.student, line.percentage]))
    for (const pupil of pupilsOf('5P-A')) {
      expect(pupil.percentage).toBe(percentageOf.get(pupil.student))
      const passes = pupil.percentage === null || pupil.percentage >= 50
      expect([pupil.decision, pupil.to?.code]).toEqual(passes ? ['promoted', '6P-A'] : ['repeating', '5P-A'])
    }
    expect(await find('enrollments', { schoolYear: { equals: demo.year.id }, status: { equals: 'active' } })).toHaveLength(before.length)
  })

  it('refuses the secretariat and teachers (403), and the direction of another school (404)', async () => {
    const [previous] = await find('school-years', { school: { equals: demo.school.id }, name: { equals: '2025-2026' } })
    const body = { to: previous.id, apply: false }
    for (const email of [demoAccounts.secretariat, demoAccounts.teacher]) {
      const answer = await rest('POST', `/school-years/${demo.year.id}/rollover`, { token: await tokenFor(payload, email), body })
      expect(answer.status).toBe(403)
    }
    const own = await makeSchool('ROLL-X', [{ code: '1A', name: '1re A', level: 'P', grade: 1 }], [])
    const answer = await rest('POST', `/school-years/${own.year}/rollover`, { token: await tokenFor(payload, demoAccounts.admin), body: { to: own.year, apply: true } })
    expect(answer.status).toBe(404)
  })

  it('previews from the command line as one JSON document', async () => {
    const plan = await previewRollover(await reqAs(demoAccounts.admin), { fromYear: demo.year.id, toYear: null })
    const run = kelasi('rollover', '--school', 'CSMA', '--from', '2026-2027', '--create-next', '--json')
    expect(run.status).toBe(0)
    const answer = JSON.parse(run.stdout)
    expect(answer).toMatchObject({ ok: true, command: 'rollover', applied: false, total: plan.total, counts: plan.counts, to: { name: '2027-2028', exists: false } })
    expect(answer.classes.find((k: any) => k.code === '6P-A').pupils[0].to.code).toBe('7EB')
    const missing = kelasi('rollover', '--school', 'CSMA', '--from', '2026-2027', '--json')
    expect(missing.status).toBe(1)
    expect(JSON.parse(missing.stdout).error).toContain('--create-next')
    expect(await find('school-years', { school: { equals: demo.school.id }, name: { equals: '2027-2028' } })).toHaveLength(0)
  })
})

describe('applying a rollover', () => {
  let a: Awaited<ReturnType<typeof makeSchool>>
  let next: Id
  let token: string
  const pupils: PupilSpec[] = [
    { name: 'Ada', class: '5P', decision: 'promoted', score: 6 },
    { name: 'Ben', class: '5P', score: 8 }, // 8/20 = 40 %: repeats
    { name: 'Cléo', class: '6P' }, // no mark, no decision: promoted to secondaire
    { name: 'Dan', class: '6P', decision: 'leaving' },
    { name: 'Ève', class: '2S' }, // last year of the last level
    { name: 'Fay', class: '6P', decision: 'repeating' },
  ]

  beforeAll(async () => {
    a = await makeSchool('ROLL-A', [
      { code: '5P', name: '5e primaire', level: 'P', grade: 5 },
      { code: '6P', name: '6e primaire', level: 'P', grade: 6 },
      { code: '2S', name: '2e secondaire', level: 'S', grade: 2 },
    ], pupils)
    next = await create('school-years', { school: a.school, name: '2027-2028', startDate: '2027-09-01', endDate: '2028-07-02' })
    await create('classes', { school: a.school, schoolYear: next, name: '5e primaire', code: '5P', level: a.levels.P, grade: 5, capacity: 40 })
    await payload.create({
      collection: 'users',
      data: { email: 'direction@roll-a.test', password: demoPassword, name: 'Direction ROLL-A', roles: ['admin'], schools: [a.school], active: true, _verified: true } as never,
      disableVerificationEmail: true,
    })
    token = await tokenFor(payload, 'direction@roll-a.test')
  })

  const rollover = (apply: boolean) => rest('POST', `/school-years/${a.year}/rollover`, { token, body: { to: next, apply } })
  const moves = (plan: any) => Object.fromEntries(plan.classes.flatMap((k: any) => k.pupils).map((p: any) => [p.student, [p.decision, p.to?.code ?? null]]))
  const of = (name: string) => a.pupils[name].student

  it('previews: recorded decisions first, then the year average against the pass mark', async () => {
    const { status, body } = await rollover(false)
    expect(status).toBe(200)
    expect(body).toMatchObject({ applied: false, total: 6, counts: { promoted: 2, repeating: 2, leaving: 1, graduated: 1 } })
    expect(moves(body)).toEqual({
      [of('Ada')]: ['promoted', '6P'], // recorded, whatever her 30 %
      [of('Ben')]: ['repeating', '5P'], // the 5P the next year already has
      [of('Cléo')]: ['promoted', '1S'],
      [of('Dan')]: ['leaving', null],
      [of('Ève')]: ['graduated', null],
      [of('Fay')]: ['repeating', '6P'],
    })
    const ben = body.classes.find((k: any) => k.code === '5P').pupils.find((p: any) => p.student === of('Ben'))
    expect([ben.percentage, ben.source, ben.to.new]).toEqual([40, 'percentage', false])
    expect(body.classesToCreate.map((k: any) => [k.code, k.name])).toEqual([
      ['6P', '6e primaire'],
      ['1S', '1re secondaire'],
    ])
    expect(body.warnings.map((w: any) => w.code).sort()).toEqual(['derivedClass', 'noNextLevel'])
    expect(body.blocking).toBe(false)
  })

  it('applies what it previewed, keeps the history, and a second apply moves nobody', async () => {
    const preview = (await rollover(false)).body
    const { status, body } = await rollover(true)
    expect(status).toBe(200)
    expect(body).toMatchObject({ applied: true, closed: 6, opened: 4, classesCreated: 2 })
    expect(moves(body)).toEqual(moves(preview))

    const old = await find('enrollments', { schoolYear: { equals: a.year } })
    expect(old.map((e) => [e.status, e.endDate])).toEqual(old.map(() => ['completed', '2027-07-02T00:00:00.000Z']))
    const opened = await find('enrollments', { schoolYear: { equals: next }, status: { equals: 'active' } })
    const nextClasses = Object.fromEntries((await find('classes', { schoolYear: { equals: next } })).map((k) => [k.id, k.code]))
    expect(Object.fromEntries(opened.map((e) => [e.student, nextClasses[e.class]]))).toEqual({ [of('Ada')]: '6P', [of('Ben')]: '5P', [of('Cléo')]: '1S', [of('Fay')]: '6P' })
    expect(opened.map((e) => e.startDate)).toEqual(opened.map(() => '2027-09-01T00:00:00.000Z'))
    const years = Object.fromEntries((await find('school-years', { school: { equals: a.school } })).map((y) => [y.name, y.current]))
    expect(years).toEqual({ '2026-2027': false, '2027-2028': true })
    const [audit] = await find('audit-logs', { documentId: { equals: `rollover:${a.year}:${next}` } })
    expect(audit.changes).toEqual(expect.arrayContaining([{ field: 'schoolYear', before: '2026-2027', after: '2027-2028' }]))

    const again = await rollover(true)
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ applied: false, total: 0 })
    expect(again.body.message).toContain('2026-2027')
    expect(await find('enrollments', { school: { equals: a.school } })).toHaveLength(10)
  })

  it('creates the next year when there is none, and refuses a plan that overfills a class', async () => {
    const b = await makeSchool('ROLL-B', [{ code: '1A', name: '1re A', level: 'P', grade: 1, capacity: 2 }], [
      { name: 'Gil', class: '1A' },
      { name: 'Hugo', class: '1A' },
    ])
    await payload.update({ collection: 'classes', id: b.classes['1A'], data: { capacity: 1 }, depth: 0 })
    const it = await reqAs(demoAccounts.it)
    // Grade 2 is derived from 1A, seats included: two pupils for one seat.
    await expect(applyRollover(it, { fromYear: b.year })).rejects.toMatchObject({ status: 400 })
    expect(await find('school-years', { school: { equals: b.school } })).toHaveLength(1)

    await payload.update({ collection: 'classes', id: b.classes['1A'], data: { capacity: 2 }, depth: 0 })
    // Two directors clicking at once: one applies, the other waits for it and finds nobody left.
    const answers = await Promise.all([applyRollover(it, { fromYear: b.year }), applyRollover(await reqAs(demoAccounts.it), { fromYear: b.year })])
    expect(answers.map((answer) => answer.applied).sort()).toEqual([false, true])
    const applied = answers.find((answer) => answer.applied)!
    expect(applied).toMatchObject({ opened: 2, to: { name: '2027-2028', startDate: '2027-09-01T00:00:00.000Z', endDate: '2028-07-02T00:00:00.000Z' } })
    expect(await find('enrollments', { school: { equals: b.school }, status: { equals: 'active' } })).toHaveLength(2)
    const [created] = await find('school-years', { school: { equals: b.school }, name: { equals: '2027-2028' } })
    expect(created.current).toBe(true)
    expect((await find('classes', { schoolYear: { equals: created.id } })).map((k) => [k.code, k.grade])).toEqual([['2A', 2]])
  })
})
