/** Every family event through the notification service: one notification per person and event, none for a change rolled back or replayed. */
import { randomUUID } from 'node:crypto'
import { createLocalReq, type Payload } from 'payload'
import Stripe from 'stripe'
import { schoolToday } from '../../src/api/request'
import { inTransaction } from '../../src/db/transaction'
import { addDays } from '../../src/domain/billing'
import { numericDate } from '../../src/domain/familyNews'
import { sendInvoiceReminders } from '../../src/jobs/invoiceReminders'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { inbox } from '../support/mailbox'
import { closeTestPayload, testPayload } from '../support/payload'
import { runQueued } from '../support/queue'

process.env.STRIPE_SECRET_KEY ||= 'sk_test_kelasi'
process.env.STRIPE_WEBHOOK_SECRET ||= 'whsec_kelasi_test'

let payload: Payload
let fx: Fixtures
const tokens: Record<'teacher' | 'secretariat' | 'finance' | 'parent', string> = { teacher: '', secretariat: '', finance: '', parent: '' }

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  for (const persona of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[persona] = await tokenFor(payload, demoAccounts[persona])
})
afterAll(closeTestPayload)

const told = async (event: string) =>
  (await payload.find({ collection: 'notifications', where: { event: { equals: event } }, sort: 'id', pagination: false, depth: 0, overrideAccess: true })).docs
/** Whom these guardians are told as: their account when they have one, else themselves. */
const payersAs = async (guardianIds: number[]) => {
  const guardians = (await payload.find({ collection: 'guardians', where: { id: { in: guardianIds } }, depth: 0, overrideAccess: true, pagination: false })).docs
  return [...new Set(guardians.map((g) => (g.user != null ? `user:${typeof g.user === 'object' ? g.user.id : g.user}` : `guardian:${g.id}`)))].sort()
}
/** Whom a pupil's guardians are told as. */
const familyOf = async (student: number) => payersAs(((await payload.findByID({ collection: 'students', id: student, depth: 0, overrideAccess: true })).guardians ?? []) as number[])
const addressees = (rows: { user?: unknown; guardian?: unknown }[]) => rows.map((row) => (row.user != null ? `user:${row.user}` : `guardian:${row.guardian}`)).sort()
const demoParentsOwn = <T extends { user?: unknown }>(rows: T[]) => rows.filter((row) => row.user === fx.users.parent.id)

describe('absence alerts', () => {
  // Days of this file alone within the alert window (the browser suite takes today's roll).
  const day = addDays(schoolToday(), -1)
  const event = (student: number, on = day) => `absence:${student}:${on}`
  const roll = (halfDay: 'morning' | 'afternoon', entries: { student: number; status: string; minutesLate?: number }[], date = day) =>
    rest('POST', '/attendance/roll', { token: tokens.teacher, body: { class: fx.classes.taught.id, date, halfDay, entries } })
  const grace = () => fx.students.childA.id as number

  it("a pupil marked absent in the roll: each guardian told once, in-app, with the day's figures", async () => {
    expect((await roll('morning', [{ student: grace(), status: 'absent' }])).status).toBe(200)
    const rows = await told(event(grace()))
    expect(addressees(rows)).toEqual(await familyOf(grace()))
    expect(rows.every((row) => row.kind === 'absenceRecorded' && row.readAt == null && row.link === `/students/${grace()}/attendance`)).toBe(true)
    expect(rows[0].vars).toMatchObject({ pupil: fx.students.childA.fullName, absences: 1, lates: 0 })
    // The parent reads it as their own.
    const mine = await rest('GET', `/notifications?where[event][equals]=${encodeURIComponent(event(grace()))}`, { token: tokens.parent })
    expect(mine.body.docs).toHaveLength(1)
  })

  it('the same roll saved again, and a second slot missed the same day, add none; the alert tells the whole day', async () => {
    expect((await roll('morning', [{ student: grace(), status: 'absent' }])).body).toMatchObject({ created: 0, updated: 0 })
    expect((await roll('afternoon', [{ student: grace(), status: 'late', minutesLate: 20 }])).status).toBe(200)
    const rows = await told(event(grace()))
    expect(addressees(rows)).toEqual(await familyOf(grace()))
    expect(rows[0].vars).toMatchObject({ absences: 1, lates: 1 })
  })

  it('a justification closes the alert: read, and nothing still waiting goes out', async () => {
    const [absence] = (
      await payload.find({ collection: 'attendance', where: { student: { equals: grace() }, date: { equals: `${day}T00:00:00.000Z` }, halfDay: { equals: 'morning' } }, depth: 0, overrideAccess: true })
    ).docs
    expect((await rest('PATCH', `/attendance/${absence.id}`, { token: tokens.parent, body: { justification: 'Rendez-vous chez le médecin' } })).status).toBe(200)
    const rows = await told(event(grace()))
    expect(rows.every((row) => row.readAt != null)).toBe(true)
    expect(rows.every((row) => !['pending', 'waiting', 'digest'].includes(String(row.emailStatus)) && !['pending', 'waiting', 'digest'].includes(String(row.smsStatus)))).toBe(true)
    await runQueued(payload, ['deliverNotifications'])
    expect((await inbox(demoAccounts.parent)).filter((mail) => mail.subject?.startsWith(`${fx.students.childA.fullName} : absence`) && mail.subject.endsWith(`le ${numericDate(day)}`))).toHaveLength(0)
  })

  it('a record written alone (the secretariat, over REST) alerts too; a change rolled back tells nobody', async () => {
    const jonathan = fx.students.childB.id as number
    const lateDay = addDays(schoolToday(), -2)
    const made = await rest('POST', '/attendance', {
      token: tokens.secretariat,
      body: { school: fx.schools.main.id, student: jonathan, class: fx.classes.childB.id, date: lateDay, halfDay: 'morning', status: 'late', minutesLate: 5 },
    })
    expect(made.status).toBe(201)
    expect(addressees(await told(event(jonathan, lateDay)))).toEqual(await familyOf(jonathan))

    const failing = addDays(schoolToday(), -3)
    const req = await createLocalReq({ user: { ...fx.users.secretariat, collection: 'users' } as never }, payload)
    await expect(
      inTransaction(req, async () => {
        await payload.create({ collection: 'attendance', data: { school: fx.schools.main.id, student: jonathan, class: fx.classes.childB.id, date: failing, halfDay: 'afternoon', status: 'absent' } as never, req, overrideAccess: false })
        throw new Error('the secretariat closed the window')
      }),
    ).rejects.toThrow('closed the window')
    expect(await told(event(jonathan, failing))).toHaveLength(0)
  })

  it('an old register typed in, presence, and an excused absence tell nobody', async () => {
    // The first day out of the window.
    const old = addDays(schoolToday(), -4)
    expect((await roll('morning', [{ student: grace(), status: 'absent' }], old)).status).toBe(200)
    expect(await told(event(grace(), old))).toHaveLength(0)
    const sibling = fx.students.sibling.id as number
    const quiet = addDays(schoolToday(), -2)
    const excused = await rest('POST', '/attendance', {
      token: tokens.secretariat,
      body: { school: fx.schools.main.id, student: sibling, class: fx.attendance.sibling.class, date: quiet, halfDay: 'morning', status: 'excused' },
    })
    expect(excused.status).toBe(201)
    expect(await told(event(sibling, quiet))).toHaveLength(0)
  })
})

describe('invoices and payments', () => {
  const newInvoice = async (amount: number) => {
    const answer = await rest('POST', '/invoices', {
      token: tokens.finance,
      body: { school: fx.schools.main.id, student: fx.students.childA.id, schoolYear: fx.schoolYears.main.id, currency: 'USD', dueDate: '2031-05-20', lines: [{ kind: 'extra', label: 'Sortie scolaire', amount }] },
    })
    expect(answer.status).toBe(201)
    const doc = answer.body.doc
    return { ...doc, payers: doc.payers.map((payer: number | { id: number }) => (typeof payer === 'object' ? payer.id : payer)) } as { id: number; number: string; payers: number[] }
  }

  it('an invoice issued: each payer told once what it asks and by when', async () => {
    const invoice = await newInvoice(4_550)
    const rows = await told(`invoice:${invoice.id}:issued`)
    expect(addressees(rows)).toEqual(await payersAs(invoice.payers))
    expect(demoParentsOwn(rows)[0]).toMatchObject({
      kind: 'invoiceIssued',
      link: `/students/${fx.students.childA.id}/invoices`,
      vars: { pupil: fx.students.childA.fullName, number: invoice.number, amount: '45,50 $US', dueDate: '20/05/2031' },
    })
  })

  it('a payment at the till: told once; a refund tells nothing', async () => {
    const invoice = await newInvoice(3_000)
    const paid = await rest('POST', '/payments', { token: tokens.finance, body: { school: fx.schools.main.id, invoice: invoice.id, amount: 1_000, method: 'cash' } })
    expect(paid.status).toBe(201)
    const rows = await told(`payment:${paid.body.doc.id}`)
    expect(addressees(rows)).toEqual(await payersAs(invoice.payers))
    expect(demoParentsOwn(rows)[0].vars).toMatchObject({ amount: '10,00 $US', number: invoice.number, receipt: paid.body.doc.receiptNumber })
    const refund = await rest('POST', '/payments', { token: tokens.finance, body: { school: fx.schools.main.id, invoice: invoice.id, amount: 500, kind: 'refund', method: 'cash' } })
    expect(refund.status).toBe(201)
    expect(await told(`payment:${refund.body.doc.id}`)).toHaveLength(0)
  })

  it('a card payment told once, whatever the webhooks replayed or repeated', async () => {
    const invoice = await newInvoice(2_500)
    const intent = `pi_${randomUUID().replace(/-/g, '')}`
    const object = { id: `cs_test_${intent}`, object: 'checkout.session', payment_status: 'paid', amount_total: 2_500, currency: 'usd', payment_intent: intent, metadata: { invoice: String(invoice.id), amount: '2500' } }
    const event = { id: `evt_${randomUUID().replace(/-/g, '')}`, object: 'event', type: 'checkout.session.completed', api_version: '2025-12-15', created: Math.floor(Date.now() / 1000), livemode: false, pending_webhooks: 1, request: null, data: { object } }
    const post = (body: object) =>
      rest('POST', '/payments/webhooks/stripe', { body, headers: { 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: JSON.stringify(body), secret: process.env.STRIPE_WEBHOOK_SECRET! }) } })
    expect((await post(event)).status).toBe(200)
    const [payment] = (await payload.find({ collection: 'payments', where: { providerReference: { equals: intent } }, depth: 0, overrideAccess: true })).docs
    expect(payment.status).toBe('succeeded')
    const first = await told(`payment:${payment.id}`)
    expect(addressees(first)).toEqual(await payersAs(invoice.payers))
    // The same event again, and the intent's own event for the same payment.
    expect((await post(event)).status).toBe(200)
    expect((await post({ ...event, id: `evt_${randomUUID().replace(/-/g, '')}`, type: 'payment_intent.succeeded', data: { object: { id: intent, object: 'payment_intent', amount: 2_500, amount_received: 2_500, currency: 'usd', metadata: object.metadata } } })).status).toBe(200)
    expect((await told(`payment:${payment.id}`)).map((row) => row.id)).toEqual(first.map((row) => row.id))
    expect((await payload.count({ collection: 'payments', where: { invoice: { equals: invoice.id } }, overrideAccess: true })).totalDocs).toBe(1)
  })

  it('an overdue reminder: each payer told once per step in-app, e-mailed once (the reminder itself)', async () => {
    const invoice = await newInvoice(8_000)
    const due = '2031-05-20'
    const req = await createLocalReq({}, payload)
    for (let run = 0; run < 2; run++) await sendInvoiceReminders(req, { today: addDays(due, 2), school: fx.schools.main.id })
    const rows = await told(`invoice:${invoice.id}:overdue1`)
    expect(addressees(rows)).toEqual(await payersAs(invoice.payers))
    const parents = demoParentsOwn(rows)
    expect(parents[0]).toMatchObject({ kind: 'invoiceOverdue', emailStatus: 'sent', vars: { number: invoice.number, balance: '80,00 $US', dueDate: '20/05/2031' } })
    await runQueued(payload, ['deliverNotifications'])
    const mails = (await inbox(demoAccounts.parent)).filter((mail) => (mail.subject ?? '').includes(invoice.number))
    expect(mails.map((mail) => mail.subject)).toEqual([`Facture ${invoice.number} de ${fx.students.childA.fullName} en retard de paiement`])
    // The reminder before the due date is no overdue news.
    expect(await told(`invoice:${invoice.id}:before`)).toHaveLength(0)
  })
})

describe('report cards', () => {
  it("published: the guardians and the pupil told once in-app; the guardians' e-mail is the bulletin, once", async () => {
    const jonathan = fx.students.childB
    const runCards = () => runQueued(payload, ['notifyGuardiansOfReportCard', 'deliverNotifications'])
    // Bulletins other suites queued go out first: the e-mails counted below are this test's.
    await runCards()
    const bulletins = async () => (await inbox(demoAccounts.parent)).filter((mail) => (mail.subject ?? '').startsWith(`Bulletin de ${jonathan.fullName}`))
    const before = (await bulletins()).length
    // Jonathan's P2 card, with his P1 figures and an appreciation of this run's own: a bulletin nobody was told of yet.
    const { snapshot } = await payload.findByID({ collection: 'report-cards', id: fx.reportCards.childB.id, depth: 0, overrideAccess: true })
    const [p2] = (await payload.find({ collection: 'terms', where: { school: { equals: fx.schools.main.id }, code: { equals: 'P2' } }, limit: 1, depth: 0, overrideAccess: true })).docs
    const draft = { school: fx.schools.main.id, student: jonathan.id, class: fx.classes.childB.id, term: p2.id, status: 'draft' as const, snapshot, headAppreciation: `Bon travail (${randomUUID()})` }
    const [existing] = (await payload.find({ collection: 'report-cards', where: { student: { equals: jonathan.id }, term: { equals: p2.id } }, limit: 1, depth: 0, overrideAccess: true })).docs
    const card = existing
      ? await payload.update({ collection: 'report-cards', id: existing.id, data: draft, depth: 0, overrideAccess: true })
      : await payload.create({ collection: 'report-cards', data: draft, depth: 0, overrideAccess: true })
    expect((await rest('PATCH', `/report-cards/${card.id}`, { token: tokens.secretariat, body: { status: 'published' } })).status).toBe(200)
    const cardNews = async () =>
      (await payload.find({ collection: 'notifications', where: { kind: { equals: 'reportCardPublished' }, event: { like: `reportCard:${card.id}:` } }, sort: 'id', pagination: false, depth: 0, overrideAccess: true })).docs
    const rows = await cardNews()
    const own = (await payload.findByID({ collection: 'students', id: jonathan.id, depth: 0, overrideAccess: true })).user
    expect(addressees(rows)).toEqual([...(await familyOf(jonathan.id)), ...(own ? [`user:${typeof own === 'object' ? own.id : own}`] : [])].sort())
    const termName = (snapshot as { termName: string }).termName
    expect(demoParentsOwn(rows)[0]).toMatchObject({ link: `/students/${jonathan.id}/report-cards`, vars: { pupil: jonathan.fullName, term: termName }, emailStatus: 'skipped' })

    // Back to draft and published again with the same figures: the same news.
    for (const status of ['draft', 'published']) expect((await rest('PATCH', `/report-cards/${card.id}`, { token: tokens.secretariat, body: { status } })).status).toBe(200)
    await runCards()
    await runCards()
    const again = await cardNews()
    expect(again.map((row) => row.id)).toEqual(rows.map((row) => row.id))
    expect(demoParentsOwn(again)[0]).toMatchObject({ emailStatus: 'sent' })
    const mails = await bulletins()
    expect(mails.slice(before).map((mail) => [mail.subject, mail.attachments.map((file) => file.contentType)])).toEqual([[expect.stringContaining(termName), ['application/pdf']]])
    // Never the notification's generic e-mail besides.
    expect(mails.filter((mail) => mail.subject === `Bulletin de ${jonathan.fullName} publié`)).toHaveLength(0)
  })
})
