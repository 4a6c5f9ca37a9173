/**
 * The simple REST API (/api/v1) through the real `ra-data-simple-rest` client, as react-admin
 * calls it, over HTTP: lists with filter, sort and range, one, many, many by reference,
 * create, update, delete; the two whole-class saves; refusals with their status and field;
 * the three ways to sign in (JWT, cookie, API key).
 */
import type { Payload, TypedUser } from 'payload'
import { fetchUtils, HttpError, type DataProvider } from 'ra-core'
import simpleRestProvider from 'ra-data-simple-rest'
import { demoAccounts, tokenFor, userFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { listenForCallbacks } from '../support/listen'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let server: Awaited<ReturnType<typeof listenForCallbacks>>
let api: string
let teacher: DataProvider
let secretariat: DataProvider
let secretariatUser: TypedUser
const system = { overrideAccess: true, depth: 0 } as const
const made: { evaluations: number[] } = { evaluations: [] }
const rollDate = '2027-01-11'

/** ra-data-simple-rest as react-admin builds it, signed in by a JWT. */
const providerFor = (token: string) =>
  simpleRestProvider(api, (url: string, options: fetchUtils.Options = {}) => fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `JWT ${token}` } }))

/** The refusal a react-admin call ends with: its status and the body the API sent. */
const refusal = async (call: Promise<unknown>) => {
  try {
    await call
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, body: error.body as { message: string; status: number; errors?: Record<string, string> } }
    throw error
  }
  throw new Error('The call was not refused')
}

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  server = await listenForCallbacks()
  api = `${server.url}/api/v1`
  teacher = providerFor(await tokenFor(payload, demoAccounts.teacher))
  secretariat = providerFor(await tokenFor(payload, demoAccounts.secretariat))
  secretariatUser = await userFor(payload, demoAccounts.secretariat)
})

afterAll(async () => {
  for (const id of made.evaluations) await payload.delete({ collection: 'evaluations', id, ...system }).catch(() => undefined)
  await payload.delete({ collection: 'attendance', where: { date: { equals: `${rollDate}T00:00:00.000Z` } }, ...system })
  await server.close()
  await closeTestPayload()
})

describe('getList', () => {
  it('filters, sorts and pages as the Local API does for the same user, with the total in Content-Range', async () => {
    const filter = { school: fx.schools.main.id, sex: 'F' }
    const page = await secretariat.getList('students', { filter, sort: { field: 'fullName', order: 'DESC' }, pagination: { page: 2, perPage: 5 } })
    const local = await payload.find({
      collection: 'students',
      where: { school: { equals: fx.schools.main.id }, sex: { equals: 'F' } },
      sort: '-fullName',
      limit: 5,
      page: 2,
      user: secretariatUser,
      overrideAccess: false,
      depth: 0,
    })
    expect(local.docs.length).toBe(5)
    expect(page.data.map((s) => s.id)).toEqual(local.docs.map((s) => s.id))
    expect(page.total).toBe(local.totalDocs)
    expect(page.data.every((s) => s.sex === 'F')).toBe(true)
  })

  it('searches with q and takes operators on fields (_gte, _lte, lists)', async () => {
    const mukendi = await secretariat.getList('students', { filter: { q: 'mukendi' }, sort: { field: 'fullName', order: 'ASC' }, pagination: { page: 1, perPage: 25 } })
    expect(mukendi.data.map((s) => s.id)).toEqual(expect.arrayContaining([fx.students.childA.id, fx.students.childB.id]))
    expect(mukendi.data.every((s) => /mukendi/i.test(s.fullName))).toBe(true)
    const october = await secretariat.getList('evaluations', {
      filter: { class: [fx.classes.taught.id, fx.classes.childB.id], date_gte: '2026-10-01', date_lte: '2026-10-31' },
      sort: { field: 'date', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    })
    expect(october.total).toBeGreaterThan(0)
    for (const evaluation of october.data) {
      expect([fx.classes.taught.id, fx.classes.childB.id]).toContain(evaluation.class)
      expect(evaluation.date >= '2026-10-01' && evaluation.date < '2026-11-01').toBe(true)
    }
  })

  it('answers a range that does not start on a page boundary with exactly its rows', async () => {
    const headers = { Authorization: `JWT ${await tokenFor(payload, demoAccounts.secretariat)}` }
    const get = async (range: [number, number]) => {
      const answer = await fetch(`${api}/students?${new URLSearchParams({ range: JSON.stringify(range), sort: JSON.stringify(['id', 'ASC']) })}`, { headers })
      return { rows: ((await answer.json()) as { id: number }[]).map((s) => s.id), range: answer.headers.get('content-range') }
    }
    const first = await get([0, 9])
    const middle = await get([3, 7])
    expect(middle.rows).toEqual(first.rows.slice(3, 8))
    expect(middle.range).toMatch(/^students 3-7\/\d+$/)
  })

  it('shows a teacher only their classes, whatever the filter asks', async () => {
    const classes = await teacher.getList('classes', { filter: {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 100 } })
    const ids = classes.data.map((c) => c.id)
    expect(ids).toContain(fx.classes.taught.id)
    expect(ids).not.toContain(fx.classes.childB.id)
    const asked = await teacher.getList('classes', { filter: { id: [fx.classes.childB.id] }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 10 } })
    expect(asked).toEqual({ data: [], total: 0 })
  })
})

describe('getOne, getMany, getManyReference', () => {
  it('reads a pupil of the teacher’s class and refuses one of another class (404)', async () => {
    const { data } = await teacher.getOne('students', { id: fx.students.childA.id })
    expect(data).toMatchObject({ id: fx.students.childA.id, fullName: fx.students.childA.fullName })
    expect((await refusal(teacher.getOne('students', { id: fx.students.childB.id }))).status).toBe(404)
  })

  it('gets many ids, only those the caller may read, however many', async () => {
    const { data } = await teacher.getMany('students', { ids: [fx.students.childA.id, fx.students.childB.id, fx.students.matete.id] })
    expect(data.map((s) => s.id)).toEqual([fx.students.childA.id])
    const school = await payload.find({ collection: 'students', where: { school: { equals: fx.schools.main.id } }, sort: 'id', limit: 60, ...system })
    expect(school.docs.length).toBeGreaterThan(25)
    const many = await secretariat.getMany('students', { ids: school.docs.map((s) => s.id) })
    expect(many.data.map((s) => s.id).sort((a, b) => a - b)).toEqual(school.docs.map((s) => s.id))
  })

  it('gets an evaluation’s marks by reference, with their total', async () => {
    const evaluation = fx.evaluations.taughtPair.id
    const marks = await teacher.getManyReference('grades', { target: 'evaluation', id: evaluation, filter: {}, sort: { field: 'score', order: 'DESC' }, pagination: { page: 1, perPage: 200 } })
    const stored = await payload.find({ collection: 'grades', where: { evaluation: { equals: evaluation } }, pagination: false, ...system })
    expect(marks.total).toBe(stored.totalDocs)
    expect(marks.data.map((g) => g.id).sort()).toEqual(stored.docs.map((g) => g.id).sort())
    const scores = marks.data.map((g) => g.score ?? -1)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })
})

describe('create, update, delete', () => {
  it('lets a teacher create, rename and delete an evaluation of their own course', async () => {
    const data = { school: fx.schools.main.id, title: 'Interrogation API', class: fx.classes.taught.id, subject: fx.subjects.main.id, term: fx.terms.main.id, kind: 'test', date: '2026-11-20', maximum: 20 }
    const created = await teacher.create('evaluations', { data })
    made.evaluations.push(Number(created.data.id))
    expect(created.data).toMatchObject({ ...data, date: '2026-11-20T00:00:00.000Z', published: false })
    const renamed = await teacher.update('evaluations', { id: created.data.id, data: { ...created.data, title: 'Interrogation API (corrigée)' }, previousData: created.data })
    expect(renamed.data.title).toBe('Interrogation API (corrigée)')
    expect((await payload.findByID({ collection: 'evaluations', id: created.data.id, ...system })).title).toBe('Interrogation API (corrigée)')
    const deleted = await teacher.delete('evaluations', { id: created.data.id, previousData: renamed.data })
    expect(deleted.data.id).toBe(created.data.id)
    expect(await payload.findByID({ collection: 'evaluations', id: created.data.id, ...system, disableErrors: true })).toBeNull()
  })

  it('refuses a teacher’s update of another teacher’s evaluation (403) and changes nothing', async () => {
    for (const other of [fx.evaluations.colleaguePair, fx.evaluations.childB]) {
      const before = await payload.findByID({ collection: 'evaluations', id: other.id, ...system })
      const refused = await refusal(teacher.update('evaluations', { id: other.id, data: { ...before, title: 'Piraté' }, previousData: before }))
      expect(refused.status).toBe(403)
      expect(refused.body.message).toBeTruthy()
      expect((await payload.findByID({ collection: 'evaluations', id: other.id, ...system })).title).toBe(before.title)
    }
  })

  it('names the field that failed (400) and writes nothing', async () => {
    const count = await payload.count({ collection: 'evaluations', where: { class: { equals: fx.classes.taught.id } }, overrideAccess: true })
    const refused = await refusal(teacher.create('evaluations', { data: { school: fx.schools.main.id, class: fx.classes.taught.id, subject: fx.subjects.main.id, term: fx.terms.main.id, date: '2026-11-20', maximum: 20 } }))
    expect(refused.status).toBe(400)
    expect(Object.keys(refused.body.errors ?? {})).toEqual(['title'])
    expect((await payload.count({ collection: 'evaluations', where: { class: { equals: fx.classes.taught.id } }, overrideAccess: true })).totalDocs).toBe(count.totalDocs)
  })
})

describe('the whole-class saves', () => {
  it('takes a class’s roll in one call: everyone present but the exceptions', async () => {
    const pupils = (await payload.find({ collection: 'enrollments', where: { class: { equals: fx.classes.taught.id }, status: { equals: 'active' } }, pagination: false, ...system })).docs.map((e) => e.student as number)
    const [absent, late] = pupils
    const data = { class: fx.classes.taught.id, date: rollDate, halfDay: 'afternoon', entries: [{ student: absent, status: 'absent' }, { student: late, status: 'late', minutesLate: 15 }] }
    const { data: roll } = await teacher.create('roll-calls', { data })
    expect(roll).toMatchObject({ class: fx.classes.taught.id, date: rollDate, students: pupils.length, created: pupils.length })
    const rows = await payload.find({ collection: 'attendance', where: { class: { equals: fx.classes.taught.id }, date: { equals: `${rollDate}T00:00:00.000Z` } }, pagination: false, ...system })
    const statusOf = new Map(rows.docs.map((row) => [row.student as number, row.status]))
    expect(statusOf.size).toBe(pupils.length)
    expect([statusOf.get(absent), statusOf.get(late)]).toEqual(['absent', 'late'])
    expect(pupils.slice(2).every((p) => statusOf.get(p) === 'present')).toBe(true)
    const refused = await refusal(teacher.create('roll-calls', { data: { ...data, class: fx.classes.childB.id, entries: [] } }))
    expect([403, 404]).toContain(refused.status)
  })

  it('saves an evaluation’s whole mark sheet, or nothing when one score is above the maximum', async () => {
    const evaluation = await payload.create({
      collection: 'evaluations',
      data: { school: fx.schools.main.id, title: 'Fiche API', class: fx.classes.taught.id, subject: fx.subjects.main.id, term: fx.terms.main.id, kind: 'test', date: '2026-11-21', maximum: 10 },
      ...system,
    })
    made.evaluations.push(evaluation.id)
    const pupils = fx.markSheets.main.pupils.slice(0, 3)
    const refused = await refusal(
      teacher.update('mark-sheets', { id: evaluation.id, data: { grades: [{ student: pupils[0], score: 8 }, { student: pupils[1], score: 12 }] }, previousData: { id: evaluation.id } }),
    )
    expect(refused.status).toBe(400)
    expect(Object.keys(refused.body.errors ?? {})).toEqual(['grades.1.score'])
    expect((await payload.count({ collection: 'grades', where: { evaluation: { equals: evaluation.id } }, overrideAccess: true })).totalDocs).toBe(0)
    const { data: sheet } = await teacher.update('mark-sheets', {
      id: evaluation.id,
      data: { grades: [{ student: pupils[0], score: 8 }, { student: pupils[1], score: 9.5 }, { student: pupils[2], status: 'absent' }] },
      previousData: { id: evaluation.id },
    })
    expect(sheet).toMatchObject({ id: evaluation.id, created: 3 })
    const stored = await payload.find({ collection: 'grades', where: { evaluation: { equals: evaluation.id } }, sort: 'student', pagination: false, ...system })
    expect(stored.docs.map((g) => [g.student, g.status, g.score ?? null])).toEqual(
      [[pupils[0], 'scored', 8], [pupils[1], 'scored', 9.5], [pupils[2], 'absent', null]].sort((a, b) => Number(a[0]) - Number(b[0])),
    )
  })
})

describe('bad requests and sign-in', () => {
  it('names the parameter that is wrong', async () => {
    const token = await tokenFor(payload, demoAccounts.secretariat)
    const get = async (query: Record<string, string>) => {
      const answer = await fetch(`${api}/students?${new URLSearchParams(query)}`, { headers: { Authorization: `JWT ${token}`, 'Accept-Language': 'en' } })
      return { status: answer.status, body: (await answer.json()) as { message: string; errors: Record<string, string> } }
    }
    const unknown = await get({ filter: JSON.stringify({ favouriteColour: 'blue' }) })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors.filter).toContain('favouriteColour')
    expect((await get({ range: '[10,2]' })).body.errors).toHaveProperty('range')
    expect((await get({ range: '[0,5000]' })).body.errors.range).toContain('1000')
    expect((await get({ sort: '["nope","ASC"]' })).body.errors.sort).toContain('nope')
    expect((await get({ filter: '{not json' })).body.errors).toHaveProperty('filter')
    const resource = await fetch(`${api}/payroll`, { headers: { Authorization: `JWT ${token}` } })
    expect(resource.status).toBe(404)
  })

  it('asks who is calling (401) and takes a cookie or an API key as well as a JWT', async () => {
    const anonymous = await fetch(`${api}/students`)
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { message: string }).message).toBeTruthy()
    const token = await tokenFor(payload, demoAccounts.secretariat)
    const origin = payload.config.serverURL
    const byCookie = await fetch(`${api}/students/${fx.students.childA.id}`, { headers: { Cookie: `payload-token=${token}`, Origin: origin } })
    expect(byCookie.status).toBe(200)
    const apiKey = `kelasi-test-${Date.now()}-${Math.random().toString(36).slice(2)}`
    await payload.update({ collection: 'users', id: secretariatUser.id, data: { enableAPIKey: true, apiKey } as never, ...system })
    try {
      const byKey = await fetch(`${api}/students?${new URLSearchParams({ filter: JSON.stringify({ id: [fx.students.childA.id] }) })}`, { headers: { Authorization: `users API-Key ${apiKey}`, Origin: origin } })
      expect(byKey.status).toBe(200)
      expect(((await byKey.json()) as { id: number }[]).map((s) => s.id)).toEqual([fx.students.childA.id])
      expect(byKey.headers.get('access-control-expose-headers')).toContain('Content-Range')
      expect(byKey.headers.get('access-control-allow-origin')).toBe(origin)
    } finally {
      await payload.update({ collection: 'users', id: secretariatUser.id, data: { enableAPIKey: false, apiKey: null } as never, ...system })
    }
  })

  it('describes itself at /api/v1/openapi.json, to anyone, in the asked language', async () => {
    const answer = await fetch(`${api}/openapi.json`, { headers: { 'Accept-Language': 'en' } })
    expect(answer.status).toBe(200)
    const doc = (await answer.json()) as { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, unknown>> }
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.servers[0].url).toBe(`${payload.config.serverURL}/api/v1`)
    expect(Object.keys(doc.paths['/students'])).toEqual(expect.arrayContaining(['get', 'post']))
    expect(Object.keys(doc.paths['/roll-calls'])).toEqual(['post'])
  })
})
