/** Invoices issued from fee schedules (at enrollment, per installment), with discounts, and late penalties, as the daily job does. */
import { spawnSync } from 'node:child_process'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { carryCredits } from '../../src/finance/credits'
import { issueInvoices } from '../../src/finance/issue'
import { applyLatePenalties } from '../../src/finance/penalties'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let req: PayloadRequest
let schedule: number
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  req = await createLocalReq({}, payload)
  const finance = await tokenFor(payload, demoAccounts.finance)
  // Grâce's class has fees of its own: registration at enrollment, tuition in three installments.
  const made = await rest('POST', '/fee-schedules', {
    token: finance,
    body: {
      school: fx.schools.main.id,
      name: 'Frais 5e primaire A',
      schoolYear: fx.schoolYears.main.id,
      class: fx.classes.taught.id,
      currency: 'USD',
      issueDaysBefore: 15,
      items: [
        { kind: 'registration', label: 'Inscription', amount: 2_000, billing: 'enrollment' },
        { kind: 'tuition', label: 'Minerval', amount: 30_000, billing: 'installments' },
      ],
      installments: [
        { label: '1re tranche', dueDate: '2026-09-15', weight: 40 },
        { label: '2e tranche', dueDate: '2027-01-15', weight: 30 },
        { label: '3e tranche', dueDate: '2027-04-15', weight: 30 },
      ],
      latePenalty: { mode: 'percent', value: '5', afterDays: 10 },
    },
  })
  expect(made.status).toBe(201)
  schedule = made.body.doc.id
  // The demo's own sibling rule steps aside for this suite's, so that one rule applies.
  await payload.update({ collection: 'discounts', where: { school: { equals: fx.schools.main.id }, kind: { equals: 'sibling' } }, data: { active: false }, overrideAccess: true })
  const sibling = await rest('POST', '/discounts', {
    token: finance,
    body: { school: fx.schools.main.id, schoolYear: fx.schoolYears.main.id, kind: 'sibling', label: 'Fratrie : −10 % dès le 2e enfant', mode: 'percent', value: '10', fromChild: 2 },
  })
  expect(sibling.status).toBe(201)
})
afterAll(async () => {
  await payload.update({ collection: 'discounts', where: { school: { equals: fx.schools.main.id } }, data: { active: false }, overrideAccess: true })
  await closeTestPayload()
})

const invoicesOf = async () =>
  (await payload.find({ collection: 'invoices', where: { feeSchedule: { equals: schedule } }, sort: 'number', pagination: false, depth: 0, overrideAccess: true })).docs

describe('the daily billing', () => {
  it('issues the enrollment invoice and the installments coming due, with the sibling discount of the younger child', async () => {
    const result = await issueInvoices(req, { school: fx.schools.main.id, today: '2026-09-01', student: fx.students.childA.id })
    expect(result).toMatchObject({ invoices: 2, pupils: 1 })
    const [enrollment, first] = await invoicesOf()
    expect(enrollment).toMatchObject({ installmentKey: 'enrollment', total: 2_000, status: 'unpaid' })
    const grace = await payload.findByID({ collection: 'students', id: fx.students.childA.id, depth: 0, overrideAccess: true })
    const jonathan = await payload.findByID({ collection: 'students', id: fx.students.childB.id, depth: 0, overrideAccess: true })
    // Grâce (5e primaire) is younger than her brother Jonathan (humanités): she is the second child.
    expect(String(grace.birthDate) > String(jonathan.birthDate)).toBe(true)
    expect(first.lines!.map((l) => [l.kind, l.label, l.amount])).toEqual([
      ['tuition', 'Minerval — 1re tranche', 12_000],
      ['discount', 'Fratrie : −10 % dès le 2e enfant', -1_200],
    ])
    expect(first).toMatchObject({ installmentKey: 'i1', total: 10_800, balance: 10_800, dueDate: '2026-09-15T00:00:00.000Z' })
    expect(Number(first.number!.slice(-6))).toBe(Number(enrollment.number!.slice(-6)) + 1)
    expect([...(first.payers as number[])].sort()).toEqual([...(grace.guardians as number[])].sort())
    const audit = await payload.find({ collection: 'audit-logs', where: { collection: { equals: 'invoices' }, documentId: { equals: String(first.id) } }, overrideAccess: true })
    expect(audit.docs[0]).toMatchObject({ action: 'create' })
  })

  it('issues nothing twice: again, or two runs at once', async () => {
    const again = await Promise.all([
      issueInvoices(req, { school: fx.schools.main.id, today: '2026-09-01', student: fx.students.childA.id }),
      issueInvoices(await createLocalReq({}, payload), { school: fx.schools.main.id, today: '2026-09-02', student: fx.students.childA.id }),
    ])
    expect(again.map((r) => r.invoices)).toEqual([0, 0])
    expect(await invoicesOf()).toHaveLength(2)
  })

  it("tells each family once per run, their own invoices; a run that issues nothing tells nothing", async () => {
    const [enrollment, first] = await invoicesOf()
    const news = async () =>
      (await payload.find({ collection: 'notifications', where: { kind: { equals: 'invoiceIssued' }, event: { equals: `invoices:${fx.schools.main.id}:${enrollment.id}-${first.id}` } }, pagination: false, depth: 0, overrideAccess: true })).docs
    const rows = await news()
    const payers = (await payload.find({ collection: 'guardians', where: { id: { in: first.payers as number[] } }, depth: 0, overrideAccess: true, pagination: false })).docs
    const told = (row: { user?: unknown; guardian?: unknown }) => (row.user != null ? `user:${row.user}` : `guardian:${row.guardian}`)
    expect(rows.map(told).sort()).toEqual([...new Set(payers.map((g) => (g.user != null ? `user:${typeof g.user === 'object' ? g.user.id : g.user}` : `guardian:${g.id}`)))].sort())
    expect(rows.find((row) => row.user === fx.users.parent.id)).toMatchObject({
      link: `/students/${fx.students.childA.id}/invoices`,
      vars: { pupil: fx.students.childA.fullName, number: `${enrollment.number}, ${first.number}`, amount: '128,00 $US', dueDate: '01/09/2026' },
    })
    const parentsNews = () => payload.count({ collection: 'notifications', where: { kind: { equals: 'invoiceIssued' }, user: { equals: fx.users.parent.id } }, overrideAccess: true }).then((r) => r.totalDocs)
    const known = await parentsNews()
    expect(await issueInvoices(req, { school: fx.schools.main.id, today: '2026-09-03', student: fx.students.childA.id })).toMatchObject({ invoices: 0 })
    expect((await news()).map((row) => row.id)).toEqual(rows.map((row) => row.id))
    expect(await parentsNews()).toBe(known)
  })

  it('adds the late penalty once, after the grace days, on what is still owed', async () => {
    const first = (await invoicesOf())[1]
    const finance = await tokenFor(payload, demoAccounts.finance)
    expect((await rest('POST', '/payments', { token: finance, body: { school: fx.schools.main.id, invoice: first.id, amount: 800 } })).status).toBe(201)
    const [enrollment] = await invoicesOf()
    // On the 25th only the enrollment invoice (due at enrollment) is more than ten days late.
    expect((await applyLatePenalties(req, { school: fx.schools.main.id, today: '2026-09-25' })).penalties).toBe(1)
    expect((await payload.findByID({ collection: 'invoices', id: enrollment.id, depth: 0, overrideAccess: true })).penaltyAppliedAt).toBeTruthy()
    expect((await payload.findByID({ collection: 'invoices', id: first.id, depth: 0, overrideAccess: true })).penaltyAppliedAt).toBeFalsy()
    expect((await applyLatePenalties(req, { school: fx.schools.main.id, today: '2026-09-26' })).penalties).toBe(1)
    expect((await applyLatePenalties(req, { school: fx.schools.main.id, today: '2026-10-26' })).penalties).toBe(0)
    const charged = await payload.findByID({ collection: 'invoices', id: first.id, depth: 0, overrideAccess: true })
    // 5 % of the 100.00 $ still owed.
    expect(charged.lines!.at(-1)).toMatchObject({ kind: 'penalty', amount: 500 })
    expect(charged).toMatchObject({ total: 11_300, paid: 800, balance: 10_500, status: 'overdue' })
    expect(charged.penaltyAppliedAt).toBeTruthy()
  })

  it('issues the next installment from the command line when its day comes', () => {
    const run = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'scripts/kelasi.ts', 'invoices', 'issue', '--school', 'CSMA', '--student', fx.students.childA.matricule, '--date', '2027-01-01', '--json'],
      { encoding: 'utf8', env: process.env },
    )
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, school: 'CSMA', invoices: 1, pupils: 1 })
    const bad = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/kelasi.ts', 'invoices', 'issue', '--school', 'CSMA', '--date', '1/1/2027', '--json'], { encoding: 'utf8', env: process.env })
    expect(bad.status).toBe(1)
    expect(JSON.parse(bad.stdout).error).toBe('Date 1/1/2027 illisible : écrivez-la AAAA-MM-JJ.')
  })

  it('runs as the worker’s daily job through the queue, for every pupil of the school', async () => {
    const job = await payload.jobs.queue({ task: 'dailyBilling', input: { school: fx.schools.main.id, date: '2027-04-01' } })
    await payload.jobs.run({ where: { id: { equals: job.id } } })
    const third = (await invoicesOf()).find((invoice) => invoice.installmentKey === 'i3' && invoice.student === fx.students.childA.id)
    expect(third).toMatchObject({ total: 8_100, dueDate: '2027-04-15T00:00:00.000Z' })
    // Every pupil of the class now has the installments due by then, each once.
    const pupils = (await payload.count({ collection: 'enrollments', where: { class: { equals: fx.classes.taught.id }, status: { equals: 'active' } }, overrideAccess: true })).totalDocs
    const issued = await invoicesOf()
    for (const key of ['enrollment', 'i1', 'i2', 'i3']) expect({ key, count: issued.filter((invoice) => invoice.installmentKey === key).length }).toEqual({ key, count: pupils })
  })

  it('refuses a discount without its pupil or with a value that makes no sense, naming the field', async () => {
    const finance = await tokenFor(payload, demoAccounts.finance)
    const base = { school: fx.schools.main.id, schoolYear: fx.schoolYears.main.id, label: 'Bourse', mode: 'percent' }
    const noPupil = await rest('POST', '/discounts', { token: finance, body: { ...base, kind: 'scholarship', value: '50' } })
    expect(noPupil.status).toBe(400)
    const tooMuch = await rest('POST', '/discounts', { token: finance, body: { ...base, kind: 'scholarship', student: fx.students.self.id, value: '150' } })
    expect(tooMuch.status).toBe(400)
    expect(tooMuch.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toEqual(['value'])
  })

  it('carries an overpayment onto the family’s next invoices, oldest due first, as ledger entries, once', async () => {
    // A pupil of its own, so that no other suite's invoice of the family takes part of the credit.
    const pupil = await payload.create({ collection: 'students', overrideAccess: true, data: { school: fx.schools.matete.id, matricule: `CREDIT-${Date.now()}`, lastName: 'AVOIR', firstName: 'Crédit', sex: 'F' } as never })
    const invoiceOf = (amount: number, dueDate: string, currency = 'USD') =>
      payload.create({ collection: 'invoices', overrideAccess: true, data: { school: fx.schools.matete.id, student: pupil.id, schoolYear: fx.schoolYears.matete.id, currency, dueDate, lines: [{ kind: 'extra', label: 'Excursion', amount }] } as never })
    const overpaid = await invoiceOf(5_000, '2026-10-01')
    await payload.create({ collection: 'payments', overrideAccess: true, data: { invoice: overpaid.id, amount: 8_000, method: 'cash' } as never })
    const later = await invoiceOf(5_000, '2027-03-01')
    const sooner = await invoiceOf(2_000, '2027-02-01')
    const francs = await invoiceOf(2_000_000, '2027-01-01', 'CDF')
    expect(await carryCredits(req, { school: fx.schools.matete.id })).toEqual({ carried: 3_000 })
    const now = async (id: number) => payload.findByID({ collection: 'invoices', id, depth: 0, overrideAccess: true })
    expect(await now(overpaid.id)).toMatchObject({ paid: 5_000, credit: 0, status: 'paid' })
    expect(await now(sooner.id)).toMatchObject({ paid: 2_000, balance: 0, status: 'paid' })
    expect(await now(later.id)).toMatchObject({ paid: 1_000, balance: 4_000, status: 'partial' })
    expect(await now(francs.id)).toMatchObject({ paid: 0 })
    const moved = (await payload.find({ collection: 'payments', where: { method: { equals: 'credit' }, invoice: { in: [overpaid.id, sooner.id, later.id] } }, sort: 'createdAt', pagination: false, depth: 0, overrideAccess: true })).docs
    expect(moved.map((p) => [p.invoice, p.kind, p.amount])).toEqual([
      [overpaid.id, 'refund', 2_000],
      [sooner.id, 'payment', 2_000],
      [overpaid.id, 'refund', 1_000],
      [later.id, 'payment', 1_000],
    ])
    expect(moved[1].notes).toBe(`Crédit reporté de la facture ${overpaid.number}`)
    expect(await carryCredits(req, { school: fx.schools.matete.id })).toEqual({ carried: 0 })
  })
})
