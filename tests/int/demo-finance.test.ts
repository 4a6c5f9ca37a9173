/** The demo school's money, as a visitor of `npm start` finds it: fees, invoices in every state, payments by every method, expenses, a payroll month. */
import type { Payload } from 'payload'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
})
afterAll(closeTestPayload)

const all = { pagination: false, depth: 0, overrideAccess: true } as const

describe('the demo school’s finance', () => {
  it('bills every pupil from its level’s fee schedule, and shows paid, partly paid, open and overdue invoices', async () => {
    // The demo's own pupils: other suites enroll some of their own, billed or not.
    const enrolled = (await payload.find({ collection: 'students', where: { school: { equals: fx.schools.main.id }, matricule: { like: 'CSMA-2026-' } }, ...all, select: { matricule: true } })).docs.map((s) => s.id)
    expect(enrolled.length).toBeGreaterThan(100)
    const billed = new Set((await payload.find({ collection: 'invoices', where: { school: { equals: fx.schools.main.id }, feeSchedule: { exists: true } }, ...all, select: { student: true } })).docs.map((i) => i.student))
    expect(enrolled.filter((student) => !billed.has(student as number))).toEqual([])
    const schedules = (await payload.find({ collection: 'fee-schedules', where: { school: { equals: fx.schools.main.id }, name: { like: 'Frais scolaires' } }, ...all })).docs
    expect(schedules.map((s) => s.name).sort()).toEqual(['Frais scolaires EB 2026-2027', 'Frais scolaires HS 2026-2027', 'Frais scolaires P 2026-2027'])
    const statuses = new Set((await payload.find({ collection: 'invoices', where: { feeSchedule: { in: schedules.map((s) => s.id) } }, ...all, select: { status: true, paid: true, balance: true } })).docs.map((i) => (i.status === 'overdue' && (i.paid ?? 0) > 0 ? 'overdue, partly paid' : i.status)))
    expect([...statuses].sort()).toEqual(expect.arrayContaining(['paid', 'unpaid', 'overdue', 'overdue, partly paid']))
    const penalised = await payload.count({ collection: 'invoices', where: { feeSchedule: { in: schedules.map((s) => s.id) }, penaltyAppliedAt: { exists: true } }, overrideAccess: true })
    expect(penalised.totalDocs).toBeGreaterThan(0)
  })

  it('gives the demo parent an open invoice to pay, and Matete bills in francs', async () => {
    const parent = await tokenFor(payload, demoAccounts.parent)
    const open = await rest('GET', '/invoices?where[status][in]=unpaid,partial,overdue&where[feeSchedule][exists]=true&depth=0&limit=50', { token: parent })
    expect(open.body.docs.length).toBeGreaterThan(0)
    expect(open.body.docs.every((i: any) => i.balance > 0)).toBe(true)
    const matete = (await payload.find({ collection: 'invoices', where: { school: { equals: fx.schools.matete.id }, feeSchedule: { exists: true }, currency: { equals: 'CDF' } }, ...all })).docs
    expect(matete.length).toBeGreaterThan(0)
  })

  it('records payments by cash, bank, card and mobile money, each with its receipt, and carries a credit', async () => {
    const payments = (await payload.find({ collection: 'payments', where: { school: { equals: fx.schools.main.id }, notes: { not_equals: 'matrice' } }, ...all, select: { method: true, receiptNumber: true, status: true, currency: true, exchangeRate: true } })).docs
    const methods = new Set(payments.map((p) => p.method))
    for (const method of ['cash', 'bank', 'card', 'mobileMoney', 'credit']) expect(methods).toContain(method)
    expect(payments.filter((p) => p.status === 'succeeded').every((p) => /^REC-2026-\d{6}$/.test(p.receiptNumber ?? ''))).toBe(true)
    expect(payments.some((p) => p.currency === 'CDF' && p.exchangeRate === '2850')).toBe(true)
  })

  it('has expenses in each state and November’s payroll, approved and paid, with its payslips', async () => {
    const expenses = (await payload.find({ collection: 'expenses', where: { school: { equals: fx.schools.main.id }, payee: { in: ['SNEL', 'REGIDESO', 'Imprimerie du Fleuve', 'Transco'] } }, ...all })).docs
    expect(new Set(expenses.map((e) => e.status))).toEqual(new Set(['approved', 'rejected', 'submitted']))
    const payslips = (await payload.find({ collection: 'payroll', where: { school: { equals: fx.schools.main.id }, period: { equals: '2026-11' } }, ...all })).docs
    // Other suites prepare drafts for the same month; the demo's payslips are paid.
    const paid = payslips.filter((p) => p.status === 'paid')
    expect(paid.length).toBeGreaterThanOrEqual(5)
    expect(paid.every((p) => (p.net ?? 0) > 0 && p.paidAt)).toBe(true)
    const finance = await tokenFor(payload, demoAccounts.finance)
    const pdf = await rest('GET', `/payroll/${paid[0].id}/pdf`, { token: finance })
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf'])
  })
})
