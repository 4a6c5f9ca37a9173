/**
 * In-app notifications live: GET /api/notifications/stream through Payload's own request handler
 * (as the Next route serves it; tests/e2e/notifications.test.ts drives the built server), fed by
 * `notify` on the real database, whose pg_notify reaches every process listening.
 */
import config from '@payload-config'
import { createLocalReq, handleEndpoints, type Payload } from 'payload'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'
import { eventReader } from '../support/sse'
import { closeHub, createHub, type Delivered } from '../../src/notifications/hub'
import { notify } from '../../src/notifications/notify'

let payload: Payload
let fx: Awaited<ReturnType<typeof loadFixtures>>
const tokens: Record<string, string> = {}
const readers: ReturnType<typeof eventReader>[] = []
let serial = 0

const open = async (persona: 'parent' | 'student' | 'it', query = '') => {
  const request = new Request(`${process.env.SERVER_URL}/api/notifications/stream${query}`, { headers: { Authorization: `JWT ${tokens[persona]}` } })
  const response = await handleEndpoints({ config, path: '/api/notifications/stream', request })
  const reader = eventReader(response)
  readers.push(reader)
  return { response, reader }
}

/** A payment receipt for one person, as the finance code tells it; its event key is new each time. */
const tell = async (user: number | string, pupil = 'MUKENDI Grâce') => {
  const event = `test-stream:${Date.now()}:${++serial}`
  const req = await createLocalReq({}, payload)
  await notify(req, { kind: 'paymentReceived', event, school: fx.schools.main.id, recipients: [{ user }], vars: { pupil, amount: '15,00 $US', number: 'FAC-2026-000042' }, link: '/students/1/invoices' })
  const { docs } = await payload.find({ collection: 'notifications', where: { event: { equals: event } }, depth: 0, overrideAccess: true })
  return docs[0]
}

const unreadOf = async (user: number | string) =>
  (await payload.count({ collection: 'notifications', where: { user: { equals: user }, readAt: { exists: false } }, overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  for (const persona of ['parent', 'student', 'it'] as const) tokens[persona] = await tokenFor(payload, demoAccounts[persona])
})

afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.close()))
})

afterAll(async () => {
  await closeHub()
  await closeTestPayload()
})

it('refuses a visitor who is not signed in', async () => {
  const answer = await rest('GET', '/notifications/stream', { headers: { 'Accept-Language': 'fr' } })
  expect(answer.status).toBe(401)
  expect(answer.body.errors[0].message).toBe('Connectez-vous d’abord.')
})

it('opens with the unread count, then streams the reader’s new notification within a second, in French', async () => {
  const { response, reader } = await open('parent')
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
  expect(response.headers.get('cache-control')).toBe('no-cache, no-transform')
  expect(response.headers.get('x-accel-buffering')).toBe('no')
  const first = await reader.next((e) => e.event === 'unread')
  expect(first.data).toEqual({ count: await unreadOf(fx.users.parent.id) })

  const started = performance.now()
  const made = await tell(fx.users.parent.id)
  const received = await reader.next((e) => e.event === 'notification', 1_000)
  expect(received.at - started).toBeLessThan(1_000)
  expect(received.id).toBe(String(made.id))
  expect(received.data).toEqual({
    id: made.id,
    kind: 'paymentReceived',
    title: 'Paiement reçu pour MUKENDI Grâce',
    body: '15,00 $US reçu sur la facture FAC-2026-000042. Merci.',
    link: '/students/1/invoices',
    createdAt: made.createdAt,
  })
})

it('speaks the page’s language when asked', async () => {
  const { reader } = await open('parent', '?lang=en')
  await reader.next((e) => e.event === 'unread')
  await tell(fx.users.parent.id, 'KASONGO Divine')
  expect((await reader.next((e) => e.event === 'notification')).data.title).toBe('Payment received for KASONGO Divine')
})

it('never sends anyone another person’s notification, not even to IT, who may read them all', async () => {
  const parent = (await open('parent')).reader
  const student = (await open('student')).reader
  const it = (await open('it')).reader
  await Promise.all([parent, student, it].map((reader) => reader.next((e) => e.event === 'unread')))
  const forParent = await tell(fx.users.parent.id)
  const forStudent = await tell(fx.users.student.id, 'KASONGO Exaucé')
  // Delivered in order on one connection: once the student has theirs, the parent's has gone by.
  expect((await student.next((e) => e.event === 'notification')).data.id).toBe(forStudent.id)
  expect((await parent.next((e) => e.event === 'notification')).data.id).toBe(forParent.id)
  const itsOwn = await tell(fx.users.it.id, 'IT')
  expect((await it.next((e) => e.event === 'notification')).data.id).toBe(itsOwn.id)
  expect(student.events.filter((e) => e.event === 'notification').map((e) => e.data.id)).toEqual([forStudent.id])
  expect(parent.events.filter((e) => e.event === 'notification').map((e) => e.data.id)).toEqual([forParent.id])
  expect(it.events.filter((e) => e.event === 'notification').map((e) => e.data.id)).toEqual([itsOwn.id])
})

it('delivers on every process that listens: a second listening connection gets it too', async () => {
  const elsewhere = createHub(payload)
  try {
    await elsewhere.listening()
    const latest = await payload.find({ collection: 'notifications', where: { user: { equals: fx.users.parent.id } }, sort: '-id', limit: 1, depth: 0, overrideAccess: true })
    const there = new Promise<Delivered[]>((resolve) => elsewhere.open(Number(fx.users.parent.id), Number(latest.docs[0]?.id ?? 0), resolve))
    const { reader } = await open('parent')
    await reader.next((e) => e.event === 'unread')
    const made = await tell(fx.users.parent.id)
    expect((await reader.next((e) => e.event === 'notification')).data.id).toBe(made.id)
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not delivered on the second connection within a second')), 1_000))
    expect((await Promise.race([there, late])).map((n) => n.id)).toEqual([made.id])
  } finally {
    await elsewhere.close()
  }
})

it('counts again on the reader’s open stream when they mark one read, then all', async () => {
  const made = await tell(fx.users.student.id, 'KASONGO Exaucé')
  await tell(fx.users.student.id, 'KASONGO Exaucé')
  const before = await unreadOf(fx.users.student.id)
  const parentBefore = await unreadOf(fx.users.parent.id)
  const { reader } = await open('student')
  const unreadEvents = () => reader.events.filter((e) => e.event === 'unread').map((e) => e.data.count)
  await reader.next((e) => e.event === 'unread')
  expect(unreadEvents()).toEqual([before])

  const one = await rest('PATCH', `/notifications/${made.id}`, { token: tokens.student, body: { readAt: new Date().toISOString() } })
  expect(one.status).toBe(200)
  await reader.next(() => unreadEvents().length === 2)
  expect(unreadEvents()).toEqual([before, before - 1])

  const all = await rest('POST', '/notifications/read-all', { token: tokens.student })
  expect(all.status).toBe(200)
  expect(all.body).toEqual({ read: before - 1 })
  await reader.next(() => unreadEvents().length === 3)
  expect(unreadEvents()).toEqual([before, before - 1, 0])
  expect(await unreadOf(fx.users.student.id)).toBe(0)
  // Only their own.
  expect(await unreadOf(fx.users.parent.id)).toBe(parentBefore)
})
