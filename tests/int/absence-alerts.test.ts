/**
 * The absence alert as a family lives it: the teacher takes the roll through the HTTP API, the
 * jobs queue runs, and the guardian finds one notification in the app, one e-mail in their inbox
 * and one SMS on their phone, even after a second lesson missed that day and a job run again.
 */
import type { Payload } from 'payload'
import { schoolToday } from '../../src/api/request'
import { addDays } from '../../src/domain/billing'
import { numericDate } from '../../src/domain/familyNews'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { inbox, waitForMail } from '../support/mailbox'
import { closeTestPayload, testPayload } from '../support/payload'
import { runQueued } from '../support/queue'
import { smsTo } from '../support/sms'

let payload: Payload
let fx: Fixtures
let teacher: string
let parent: string
let kept: { phone?: string | null; notificationPreferences?: unknown }
const phone = '+243812345670'

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  teacher = await tokenFor(payload, demoAccounts.teacher)
  parent = await tokenFor(payload, demoAccounts.parent)
  // The demo parent has a phone, absences by e-mail and SMS, no digest and no quiet hours (whatever another suite saved): the alert goes now, whatever the hour.
  const user = await payload.findByID({ collection: 'users', id: fx.users.parent.id, depth: 0, overrideAccess: true })
  kept = { phone: user.phone ?? null, notificationPreferences: user.notificationPreferences }
  await payload.update({ collection: 'users', id: user.id, data: { phone, notificationPreferences: { quietFrom: '00:00', quietUntil: '00:00', digest: false, email: ['absenceRecorded'], sms: ['absenceRecorded'] } }, overrideAccess: true })
})
afterAll(async () => {
  await payload.update({ collection: 'users', id: fx.users.parent.id, data: kept as never, overrideAccess: true })
  await closeTestPayload()
})

// A day of this file alone, within the alert window (the other suites take other days' rolls).
const day = addDays(schoolToday(), -2)
const grace = () => fx.students.childA
const subject = () => `${grace().fullName} : absence le ${numericDate(day)}`
const rollCall = (halfDay: 'morning' | 'afternoon') =>
  rest('POST', '/v1/roll-calls', { token: teacher, body: { class: fx.classes.taught.id, date: day, halfDay, entries: [{ student: grace().id, status: 'absent' }] } })
/** The worker's turn: the delivery jobs in the queue run. */
const worker = () => runQueued(payload, ['deliverNotifications'])
const inApp = async () => (await rest('GET', `/notifications?where[event][equals]=absence:${grace().id}:${day}`, { token: parent })).body.docs as { id: number; kind: string; readAt?: string | null }[]
const mails = async () => (await inbox(demoAccounts.parent)).filter((mail) => mail.subject === subject())
const texts = async () => (await smsTo(phone)).filter((sms) => sms.text.startsWith(subject()))

describe('an absence recorded by the teacher', () => {
  it('reaches the guardian in-app, by e-mail and by SMS, once', async () => {
    const roll = await rollCall('morning')
    expect(roll.status).toBe(201)
    expect(await inApp()).toEqual([expect.objectContaining({ kind: 'absenceRecorded', readAt: null })])
    await worker()
    const mail = await waitForMail(demoAccounts.parent, new RegExp(`^${subject().replace(/[()]/g, '\\$&')}$`))
    expect(mail.text).toContain(`Absence notée le ${numericDate(day)}. Justifiez-la sur Kelasi ou auprès de l’école.`)
    expect(mail.text).toContain(`/fr/students/${grace().id}/attendance`)
    expect(await mails()).toHaveLength(1)
    expect(await texts()).toHaveLength(1)
  })

  it('a second lesson missed that day and the delivery run again send nothing more', async () => {
    expect((await rollCall('afternoon')).status).toBe(201)
    await worker()
    // A retry of the delivery of that very notification, as the queue would run it after a failure.
    const [notification] = await inApp()
    await payload.jobs.queue({ task: 'deliverNotifications', input: { notifications: [notification.id] } })
    await worker()
    expect(await inApp()).toHaveLength(1)
    expect(await mails()).toHaveLength(1)
    expect(await texts()).toHaveLength(1)
    // What the family opens now tells the whole day.
    const opened = await rest('GET', `/notifications/${notification.id}`, { token: parent })
    expect(opened.body.vars).toMatchObject({ absences: 2, lates: 0 })
  })
})
