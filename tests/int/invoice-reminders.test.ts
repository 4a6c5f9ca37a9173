/** Payment reminders through the jobs queue: each payer e-mailed in their language, each step once, however often it runs. */
import { createLocalReq, type Payload } from 'payload'
import { sendInvoiceReminders } from '../../src/jobs/invoiceReminders'
import { demoAccounts, otherAccounts, tokenFor, userFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { inbox, waitForMail } from '../support/mailbox'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let finance: string
let englishUser: { id: number; language?: 'fr' | 'en' | null }
const french = 'rappel.mbuyi@example.cd'
const english = otherAccounts.parent
let payers: number[]

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  finance = await tokenFor(payload, demoAccounts.finance)
  // The Kasongo father reads English through his account; a mother known by her address alone gets French;
  // a guardian without any address is not written to.
  englishUser = (await userFor(payload, english)) as never
  await payload.update({ collection: 'users', id: englishUser.id, data: { language: 'en' }, overrideAccess: true })
  const mother = await payload.create({ collection: 'guardians', data: { school: fx.schools.main.id, lastName: 'MBUYI', firstName: 'Rose', relationship: 'mother', email: french } })
  const silent = await payload.create({ collection: 'guardians', data: { school: fx.schools.main.id, lastName: 'MBUYI', firstName: 'Marc', relationship: 'father' } })
  payers = [mother.id, fx.guardians.kasongo.id, silent.id]
})
afterAll(async () => {
  await payload.update({ collection: 'users', id: englishUser.id, data: { language: englishUser.language ?? 'fr' }, overrideAccess: true })
  await closeTestPayload()
})

/** An invoice of Grâce's due on `dueDate` (far from the demo's, so only this file's invoices are due), billed to `payers`. */
const invoiceDue = async (dueDate: string, amount = 12_000) => {
  const answer = await rest('POST', '/invoices', {
    token: finance,
    body: { school: fx.schools.main.id, student: fx.students.childA.id, schoolYear: fx.schoolYears.main.id, currency: 'USD', dueDate, payers, lines: [{ kind: 'tuition', label: 'Minerval — rappel', amount }] },
  })
  expect(answer.status).toBe(201)
  return answer.body.doc as { id: number; number: string }
}
const pay = async (invoice: number, amount: number) =>
  expect((await rest('POST', '/payments', { token: finance, body: { school: fx.schools.main.id, invoice, amount, method: 'cash' } })).status).toBe(201)

/** The day's reminders as the worker runs them: queued, then run from the queue (this task only: other jobs may wait there). */
const runReminders = async (date: string) => {
  const job = await payload.jobs.queue({ task: 'invoiceReminders', input: { date } })
  await payload.jobs.run({ where: { taskSlug: { equals: 'invoiceReminders' } }, limit: 10 })
  // A job that succeeded leaves the queue; one that failed stays there with its error.
  const left = await payload.find({ collection: 'payload-jobs', where: { id: { equals: job.id } }, depth: 0, overrideAccess: true })
  expect(left.docs.map((j) => ({ error: j.hasError, log: j.log }))).toEqual([])
}
const mailsAbout = async (to: string, invoice: { number: string }) => (await inbox(to)).filter((m) => (m.subject ?? '').includes(invoice.number))

let soon: { id: number; number: string }
let late: { id: number; number: string }

describe('invoice reminders', () => {
  it('before and after the due date, each payer gets one e-mail in their language with the balance, the date and the link', async () => {
    soon = await invoiceDue('2031-03-13')
    late = await invoiceDue('2031-03-09', 25_050)
    await pay(late.id, 5_050)
    const settled = await invoiceDue('2031-03-12')
    await pay(settled.id, 12_000)
    const voided = await invoiceDue('2031-03-12')
    expect((await rest('PATCH', `/invoices/${voided.id}`, { token: finance, body: { voidReason: 'Doublon' } })).status).toBe(200)
    const later = await invoiceDue('2031-04-30')

    await runReminders('2031-03-10')

    const frBefore = await waitForMail(french, new RegExp(`^Rappel : facture ${soon.number}`))
    expect(frBefore.subject).toBe(`Rappel : facture ${soon.number} de ${fx.students.childA.fullName} à régler avant le 13 mars 2031`)
    expect(frBefore.text).toContain('Bonjour MBUYI Rose')
    expect(frBefore.text).toContain('Il reste 120,00 $US à payer.')
    expect(frBefore.text).toContain(fx.schools.main.name)
    expect(frBefore.text).toContain(`/api/invoices/${soon.id}/pdf`)
    expect(frBefore.html).toContain(`href="http://localhost:3000/api/invoices/${soon.id}/pdf"`)

    const enBefore = await waitForMail(english, new RegExp(`^Reminder: invoice ${soon.number}`))
    expect(enBefore.subject).toBe(`Reminder: invoice ${soon.number} for ${fx.students.childA.fullName} is due on 13 March 2031`)
    expect(enBefore.text).toContain('$120.00 remains to be paid.')

    const frLate = await waitForMail(french, new RegExp(`^Facture ${late.number}`))
    expect(frLate.subject).toBe(`Facture ${late.number} de ${fx.students.childA.fullName} en retard de paiement`)
    expect(frLate.text).toContain('était à régler le 9 mars 2031')
    expect(frLate.text).toContain('il reste 200,00 $US à payer')
    const enLate = await waitForMail(english, new RegExp(`^Invoice ${late.number} for .* is overdue$`))
    expect(enLate.text).toContain('was due on 9 March 2031')
    expect(enLate.text).toContain('$200.00 remains to be paid')

    for (const quiet of [settled, voided, later]) {
      expect(await mailsAbout(french, quiet)).toHaveLength(0)
      expect(await mailsAbout(english, quiet)).toHaveLength(0)
    }
    // What was sent is on the invoice, for staff; families do not read it.
    const recorded = await rest('GET', `/invoices/${soon.id}?depth=0`, { token: finance })
    expect(Object.keys(recorded.body.reminders.sent).sort()).toEqual([`before:${english}`, `before:${french}`])
    expect(recorded.body.reminders.sending).toEqual({})
    const parent = await rest('GET', `/invoices/${soon.id}?depth=0`, { token: await tokenFor(payload, demoAccounts.parent) })
    expect(parent.status).toBe(200)
    expect(parent.body.reminders).toBeUndefined()
  })

  it('running again the same day, or later in the same step, sends nothing more', async () => {
    await runReminders('2031-03-10')
    await runReminders('2031-03-12')
    for (const invoice of [soon, late]) {
      expect(await mailsAbout(french, invoice)).toHaveLength(1)
      expect(await mailsAbout(english, invoice)).toHaveLength(1)
    }
  })

  it('two workers on the same day write each reminder once; the next overdue step comes a week later, none once paid', async () => {
    const req = await createLocalReq({}, payload)
    // The day after the due date of `soon`: its first overdue reminder, written by one of the two.
    const runs = await Promise.all([sendInvoiceReminders(req, { today: '2031-03-14' }), sendInvoiceReminders(req, { today: '2031-03-14' })])
    expect(runs[0].sent + runs[1].sent).toBe(2)
    expect(await mailsAbout(french, soon)).toHaveLength(2)
    expect(await mailsAbout(english, soon)).toHaveLength(2)
    expect(await mailsAbout(french, late)).toHaveLength(1)

    // A week after the first: `late`'s second; `soon`, paid meanwhile, gets none.
    await pay(soon.id, 12_000)
    await runReminders('2031-03-17')
    expect(await mailsAbout(french, soon)).toHaveLength(2)
    const second = (await mailsAbout(english, late)).map((m) => m.subject)
    expect(second).toHaveLength(2)
  })

  it('stops after the third overdue reminder', async () => {
    await runReminders('2031-03-23')
    await runReminders('2031-03-24')
    await runReminders('2031-03-31')
    await runReminders('2031-04-15')
    expect(await mailsAbout(french, late)).toHaveLength(3)
    expect(await mailsAbout(english, late)).toHaveLength(3)
    const steps = (await payload.findByID({ collection: 'invoices', id: late.id, depth: 0, overrideAccess: true })).reminders as { sent: Record<string, { step: string }> }
    expect([...new Set(Object.values(steps.sent).map((s) => s.step))].sort()).toEqual(['overdue1', 'overdue2', 'overdue3'])
  })
})
