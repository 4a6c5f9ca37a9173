/** The notification service: one record per person and event, in-app for its addressee alone, e-mail and SMS as each person chose, never twice. */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { initTransaction, killTransaction } from 'payload'
import { closeNotifications, notify } from '../../src/notifications/notify'
import { deliverNotifications } from '../../src/notifications/deliver'
import { sendDigests } from '../../src/notifications/digest'
import { demoAccounts, tokenFor, userFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { graphql, rest } from '../support/http'
import { inbox } from '../support/mailbox'
import { smsTo } from '../support/sms'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let req: PayloadRequest
const run = `${Date.now()}`
const made: { users: number[]; guardians: number[] } = { users: [], guardians: [] }

/** A family of this file: a mother with an account, a father known by his phone and address alone. */
let mother: { id: number; email: string }
let motherGuardian: number
let father: { id: number; email: string; phone: string }

const noon = new Date('2026-12-08T12:00:00+01:00')
const night = new Date('2026-12-08T23:00:00+01:00')

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  req = await createLocalReq({}, payload)
  const email = `maman.${run}@example.cd`
  const account = await payload.create({ collection: 'users', data: { name: 'Maman Ilunga', email, password: 'Ilunga-notifications-2026!', roles: ['parent'], schools: [fx.schools.main.id], phone: '0812345670', _verified: true } as never, overrideAccess: true, disableVerificationEmail: true })
  made.users.push(account.id)
  mother = { id: account.id, email }
  const withAccount = await payload.create({ collection: 'guardians', data: { school: fx.schools.main.id, lastName: 'ILUNGA', firstName: 'Marie', relationship: 'mother', user: account.id }, overrideAccess: true })
  motherGuardian = withAccount.id
  const fatherEmail = `papa.${run}@example.cd`
  const withoutAccount = await payload.create({ collection: 'guardians', data: { school: fx.schools.main.id, lastName: 'ILUNGA', firstName: 'Jean', relationship: 'father', email: fatherEmail, phone: '+243 99 123 45 67' }, overrideAccess: true })
  father = { id: withoutAccount.id, email: fatherEmail, phone: '+243991234567' }
  made.guardians.push(withAccount.id, withoutAccount.id)
})
afterAll(async () => {
  await payload.delete({ collection: 'notifications', where: { or: [{ user: { in: made.users } }, { guardian: { in: made.guardians } }] }, overrideAccess: true })
  for (const id of made.guardians) await payload.delete({ collection: 'guardians', id, overrideAccess: true })
  for (const id of made.users) await payload.delete({ collection: 'users', id, overrideAccess: true })
  await closeTestPayload()
})

const paymentOf = (event: string) => ({
  kind: 'paymentReceived' as const,
  event: `test-${run}-${event}`,
  school: fx.schools.main.id,
  recipients: [{ guardian: motherGuardian }, { guardian: father.id }, { user: mother.id }],
  vars: { pupil: 'Grâce ILUNGA', amount: '25,00 USD', number: `FAC-${event}` },
  link: `/students/${fx.students.childA.id}/invoices`,
})
const rowsOf = async (event: string) =>
  (await payload.find({ collection: 'notifications', where: { event: { equals: `test-${run}-${event}` } }, sort: 'id', depth: 0, overrideAccess: true, pagination: false })).docs

describe('notify', () => {
  it('one record per person: a guardian with an account is told on it (once, however named), one without by their own address', async () => {
    expect(await notify(req, paymentOf('once'))).toEqual({ created: 2 })
    const rows = await rowsOf('once')
    expect(rows.map((row) => ({ user: row.user, guardian: row.guardian, email: row.emailStatus, sms: row.smsStatus }))).toEqual([
      { user: mother.id, guardian: null, email: 'pending', sms: 'pending' },
      { user: null, guardian: father.id, email: 'pending', sms: 'pending' },
    ])
  })

  it('the same event again (a retry, a replayed webhook) tells nobody twice', async () => {
    await notify(req, paymentOf('again'))
    expect(await notify(req, paymentOf('again'))).toEqual({ created: 0 })
    expect(await rowsOf('again')).toHaveLength(2)
  })

  it('a change rolled back tells nobody', async () => {
    const inside = await createLocalReq({}, payload)
    await initTransaction(inside)
    await notify(inside, paymentOf('rolled-back'))
    await killTransaction(inside)
    expect(await rowsOf('rolled-back')).toEqual([])
  })

  it('queues the e-mail and SMS delivery with the records', async () => {
    await notify(req, paymentOf('queued'))
    const ids = (await rowsOf('queued')).map((row) => row.id)
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'deliverNotifications' } }, sort: '-createdAt', limit: 50, depth: 0, overrideAccess: true })
    expect(jobs.docs.some((job) => JSON.stringify((job.input as { notifications: number[] }).notifications) === JSON.stringify(ids))).toBe(true)
  })
})

describe('delivery', () => {
  it('by e-mail and SMS, in each person’s language, once, however often the job runs', async () => {
    await notify(req, paymentOf('delivered'))
    const ids = (await rowsOf('delivered')).map((row) => row.id)
    expect(await deliverNotifications(req, ids, noon)).toEqual({ emails: 2, sms: 2 })
    expect(await deliverNotifications(req, ids, noon)).toEqual({ emails: 0, sms: 0 })
    const about = (mails: Awaited<ReturnType<typeof inbox>>) => mails.filter((mail) => (mail.text ?? '').includes('FAC-delivered'))
    const [toMother] = about(await inbox(mother.email))
    expect(about(await inbox(mother.email))).toHaveLength(1)
    expect(toMother!.subject).toBe('Paiement reçu pour Grâce ILUNGA')
    expect(toMother!.text).toContain(`/fr/students/${fx.students.childA.id}/invoices`)
    expect(about(await inbox(father.email))).toHaveLength(1)
    const texts = (await smsTo(father.phone)).filter((sms) => sms.text.includes('FAC-delivered'))
    expect(texts.map((sms) => sms.text)).toEqual(['Paiement reçu pour Grâce ILUNGA\n25,00 USD reçu sur la facture FAC-delivered. Merci.'])
    expect((await smsTo('+243812345670')).filter((sms) => sms.text.includes('FAC-delivered'))).toHaveLength(1)
    expect((await rowsOf('delivered')).map((row) => [row.emailStatus, row.smsStatus, Boolean(row.emailSentAt), Boolean(row.smsSentAt)])).toEqual([
      ['sent', 'sent', true, true],
      ['sent', 'sent', true, true],
    ])
  })

  it('through the jobs queue as the worker runs it (now, by a clock with no quiet hours)', async () => {
    await payload.update({ collection: 'users', id: mother.id, data: { notificationPreferences: { quietFrom: '', quietUntil: '' } }, overrideAccess: true })
    await notify(req, { ...paymentOf('worker'), recipients: [{ user: mother.id }] })
    await payload.jobs.run({ where: { taskSlug: { equals: 'deliverNotifications' } }, limit: 100 })
    expect((await rowsOf('worker')).map((row) => [row.emailStatus, row.smsStatus])).toEqual([['sent', 'sent']])
    expect((await inbox(mother.email)).filter((mail) => (mail.text ?? '').includes('FAC-worker'))).toHaveLength(1)
    await payload.update({ collection: 'users', id: mother.id, data: { notificationPreferences: { quietFrom: '21:00', quietUntil: '06:00' } }, overrideAccess: true })
  })

  it('at night nothing goes out: both channels wait for the end of quiet hours, in a job queued for then', async () => {
    await notify(req, paymentOf('night'))
    const ids = (await rowsOf('night')).map((row) => row.id)
    expect(await deliverNotifications(req, ids, night)).toEqual({ emails: 0, sms: 0 })
    expect((await rowsOf('night')).map((row) => [row.emailStatus, row.smsStatus, row.deliverAfter])).toEqual([
      ['waiting', 'waiting', '2026-12-09T05:00:00.000Z'],
      ['waiting', 'waiting', '2026-12-09T05:00:00.000Z'],
    ])
    const later = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'deliverNotifications' }, waitUntil: { equals: '2026-12-09T05:00:00.000Z' } }, depth: 0, overrideAccess: true })
    expect(later.docs.some((job) => JSON.stringify((job.input as { notifications: number[] }).notifications) === JSON.stringify(ids))).toBe(true)
    expect(await deliverNotifications(req, ids, new Date('2026-12-09T06:00:00+01:00'))).toEqual({ emails: 2, sms: 2 })
  })

  it('follows the person’s choices: no e-mail for a kind they turned off; e-mails kept for the evening digest, sent as one', async () => {
    await payload.update({ collection: 'users', id: mother.id, data: { notificationPreferences: { email: ['absenceRecorded'], sms: [] } }, overrideAccess: true })
    await notify(req, { ...paymentOf('choices'), recipients: [{ user: mother.id }] })
    await deliverNotifications(req, (await rowsOf('choices')).map((row) => row.id), noon)
    expect((await rowsOf('choices')).map((row) => [row.emailStatus, row.smsStatus])).toEqual([['skipped', 'skipped']])

    await payload.update({ collection: 'users', id: mother.id, data: { notificationPreferences: { email: ['paymentReceived'], digest: true } }, overrideAccess: true })
    for (const event of ['digest-1', 'digest-2']) {
      await notify(req, { ...paymentOf(event), recipients: [{ user: mother.id }] })
      await deliverNotifications(req, (await rowsOf(event)).map((row) => row.id), noon)
    }
    expect([...(await rowsOf('digest-1')), ...(await rowsOf('digest-2'))].map((row) => row.emailStatus)).toEqual(['digest', 'digest'])
    expect((await inbox(mother.email)).filter((mail) => /FAC-digest/.test(mail.text ?? ''))).toEqual([])
    await sendDigests(req)
    await sendDigests(req)
    const digests = (await inbox(mother.email)).filter((mail) => /FAC-digest/.test(mail.text ?? ''))
    expect(digests).toHaveLength(1)
    expect(digests[0]!.subject).toBe('Kelasi : vos 2 notification(s) du jour')
    expect(digests[0]!.text).toMatch(/FAC-digest-1[\s\S]*FAC-digest-2/)
    await payload.update({ collection: 'users', id: mother.id, data: { notificationPreferences: { email: ['paymentReceived', 'absenceRecorded'], sms: ['absenceRecorded', 'paymentReceived'], digest: false } }, overrideAccess: true })
  })

  it('an event closed before it went out (an absence justified at night) is read and never sent', async () => {
    await notify(req, paymentOf('closed'))
    const ids = (await rowsOf('closed')).map((row) => row.id)
    await deliverNotifications(req, ids, night)
    await closeNotifications(req, `test-${run}-closed`)
    expect(await deliverNotifications(req, ids, new Date('2026-12-09T07:00:00+01:00'))).toEqual({ emails: 0, sms: 0 })
    expect((await rowsOf('closed')).map((row) => [row.emailStatus, row.smsStatus, Boolean(row.readAt)])).toEqual([
      ['skipped', 'skipped', true],
      ['skipped', 'skipped', true],
    ])
  })
})

describe('in the app', () => {
  let token: string
  beforeAll(async () => {
    token = (await payload.login({ collection: 'users', data: { email: mother.email, password: 'Ilunga-notifications-2026!' } })).token!
    await notify(req, paymentOf('app'))
  })

  it('its addressee lists and reads it; another parent, by id, gets nothing', async () => {
    const [mine] = (await rowsOf('app')).filter((row) => row.user === mother.id)
    const list = await rest('GET', `/notifications?where[event][equals]=test-${run}-app`, { token })
    expect(list.body.docs.map((doc: { id: number }) => doc.id)).toEqual([mine!.id])
    const other = await tokenFor(payload, demoAccounts.parent)
    expect((await rest('GET', `/notifications/${mine!.id}`, { token: other })).status).toBe(404)
    const answer = await graphql(`{ Notifications(where: { event: { equals: "test-${run}-app" } }) { docs { id } } }`, {}, other)
    expect(answer.body.data.Notifications.docs).toEqual([])
  })

  it('marks it read, and nothing else of it changes whatever the body says', async () => {
    const [mine] = (await rowsOf('app')).filter((row) => row.user === mother.id)
    const at = '2026-12-08T12:30:00.000Z'
    const answer = await rest('PATCH', `/notifications/${mine!.id}`, { token, body: { readAt: at, kind: 'invoiceOverdue', user: fx.users.parent.id, emailStatus: 'sent' } })
    expect(answer.status).toBe(200)
    const after = await payload.findByID({ collection: 'notifications', id: mine!.id, depth: 0, overrideAccess: true })
    expect({ readAt: after.readAt, kind: after.kind, user: after.user, emailStatus: after.emailStatus }).toEqual({ readAt: at, kind: 'paymentReceived', user: mother.id, emailStatus: 'pending' })
  })

  it('nobody writes one through the API, not even the direction', async () => {
    const admin = await tokenFor(payload, demoAccounts.admin)
    const answer = await rest('POST', '/notifications', { token: admin, body: { school: fx.schools.main.id, kind: 'messageReceived', event: `forged-${run}`, user: mother.id } })
    expect(answer.status).toBe(403)
  })

  it('each person sets their own preferences; a quiet hour that is not HH:MM is refused with the field named', async () => {
    const bad = await rest('PATCH', `/users/${mother.id}`, { token, body: { notificationPreferences: { quietFrom: '21h' } } })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors).toEqual([{ label: expect.any(String), message: 'Indiquez une heure au format HH:MM (par exemple 21:00).', path: 'notificationPreferences.quietFrom' }])
    const good = await rest('PATCH', `/users/${mother.id}`, { token, body: { notificationPreferences: { quietFrom: '22:00', quietUntil: '05:30' } } })
    expect(good.status).toBe(200)
    expect(good.body.doc.notificationPreferences).toMatchObject({ quietFrom: '22:00', quietUntil: '05:30' })
    const someoneElse = await userFor(payload, demoAccounts.parent)
    expect((await rest('PATCH', `/users/${someoneElse.id}`, { token, body: { notificationPreferences: { digest: true } } })).status).toBe(403)
  })

  it('a new account is told every kind by e-mail and absences and payments by SMS', async () => {
    const account = await payload.findByID({ collection: 'users', id: mother.id, depth: 0, overrideAccess: true })
    const fresh = await payload.create({ collection: 'users', data: { name: 'Élève Ilunga', email: `eleve.${run}@example.cd`, password: 'Ilunga-notifications-2026!', roles: ['student'], schools: [fx.schools.main.id], _verified: true } as never, overrideAccess: true, disableVerificationEmail: true })
    made.users.push(fresh.id)
    expect(fresh.notificationPreferences).toEqual({ email: expect.arrayContaining(['reportCardPublished', 'absenceRecorded', 'announcementPublished']), sms: ['absenceRecorded', 'paymentReceived'], digest: false, quietFrom: '21:00', quietUntil: '06:00' })
    expect(fresh.notificationPreferences?.email).toHaveLength(7)
    expect(account.notificationPreferences?.quietFrom).toBe('22:00')
  })
})
