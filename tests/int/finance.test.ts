/** Invoices and payments on PostgreSQL: numbers, balances, currencies, refunds, voiding, bad input, concurrency. */
import type { Payload } from 'payload'
import { demoAccounts, otherAccounts, tokenFor, userFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { graphql, rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let finance: string
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  finance = await tokenFor(payload, demoAccounts.finance)
})
afterAll(closeTestPayload)

const pathsOf = (body: any) => (body?.errors ?? []).flatMap((e: any) => (e.data?.errors ?? []).map((d: any) => d.path))
const messagesOf = (body: any) => (body?.errors ?? []).flatMap((e: any) => (e.data?.errors ?? []).map((d: any) => d.message))

/** A fresh invoice of the demo school for Grâce, of `amount` cents. */
const newInvoice = async (amount: number, extra: Record<string, unknown> = {}) => {
  const answer = await rest('POST', '/invoices', {
    token: finance,
    body: { school: fx.schools.main.id, student: fx.students.childA.id, schoolYear: fx.schoolYears.main.id, currency: 'USD', dueDate: '2027-06-30', lines: [{ kind: 'extra', label: 'Sortie scolaire', amount }], ...extra },
  })
  expect(answer.status).toBe(201)
  return answer.body.doc
}
const pay = (invoice: number, body: Record<string, unknown>) => rest('POST', '/payments', { token: finance, body: { school: fx.schools.main.id, invoice, method: 'cash', ...body } })
const invoiceNow = (id: number) => payload.findByID({ collection: 'invoices', id, depth: 0, overrideAccess: true })
const sequence = (numbers: string[]) => numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b)

describe('invoices', () => {
  it('are numbered per school year, gap-free, and billed to the pupil’s guardians', async () => {
    const invoice = await newInvoice(12_000)
    expect(invoice.number).toMatch(/^FAC-2026-\d{6}$/)
    expect(invoice).toMatchObject({ total: 12_000, paid: 0, balance: 12_000, status: 'unpaid' })
    const student = await payload.findByID({ collection: 'students', id: fx.students.childA.id, depth: 0, overrideAccess: true })
    expect(invoice.payers.map((p: any) => p.id ?? p).sort()).toEqual([...(student.guardians as number[])].sort())
    const next = await newInvoice(1_000)
    expect(Number(next.number.slice(-6))).toBe(Number(invoice.number.slice(-6)) + 1)
  })

  it('take consecutive numbers when twenty are issued at once', async () => {
    const made = await Promise.all(Array.from({ length: 20 }, () => newInvoice(500)))
    const numbers = sequence(made.map((i) => i.number))
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, k) => numbers[0] + k))
  })

  it('refuse bad lines with the field named, and nothing is created', async () => {
    const before = (await payload.count({ collection: 'invoices', overrideAccess: true })).totalDocs
    const fractional = await rest('POST', '/invoices', {
      token: finance,
      body: { school: fx.schools.main.id, student: fx.students.childA.id, schoolYear: fx.schoolYears.main.id, currency: 'USD', lines: [{ kind: 'extra', label: 'Sortie', amount: 12.5 }] },
    })
    expect(fractional.status).toBe(400)
    expect(pathsOf(fractional.body)).toContain('lines.0.amount')
    const negative = await rest('POST', '/invoices', {
      token: finance,
      body: { school: fx.schools.main.id, student: fx.students.childA.id, schoolYear: fx.schoolYears.main.id, currency: 'USD', lines: [{ kind: 'discount', label: 'Remise', amount: -500 }] },
    })
    expect(negative.status).toBe(400)
    expect(messagesOf(negative.body)).toContain('Le total de la facture ne peut pas être négatif.')
    expect((await payload.count({ collection: 'invoices', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('once voided keep their number, take no payment and change no more', async () => {
    const invoice = await newInvoice(4_000)
    const voided = await rest('PATCH', `/invoices/${invoice.id}`, { token: finance, body: { voidReason: 'Facturée deux fois' } })
    expect(voided.status).toBe(200)
    expect(voided.body.doc).toMatchObject({ number: invoice.number, status: 'void' })
    expect(voided.body.doc.voidedAt).toBeTruthy()
    const payment = await pay(invoice.id, { amount: 1_000 })
    expect(payment.status).toBe(400)
    expect(messagesOf(payment.body)).toEqual([`La facture ${invoice.number} est annulée : elle ne reçoit plus de paiement.`])
    const edit = await rest('PATCH', `/invoices/${invoice.id}`, { token: finance, body: { dueDate: '2027-07-01' } })
    expect(edit.status).toBe(400)
    expect(await payload.count({ collection: 'payments', where: { invoice: { equals: invoice.id } }, overrideAccess: true })).toMatchObject({ totalDocs: 0 })
  })

  it('with money on them cannot be voided nor have their lines changed', async () => {
    const invoice = await newInvoice(4_000)
    expect((await pay(invoice.id, { amount: 1_000 })).status).toBe(201)
    const voiding = await rest('PATCH', `/invoices/${invoice.id}`, { token: finance, body: { voidReason: 'Erreur' } })
    expect(voiding.status).toBe(400)
    expect(pathsOf(voiding.body)).toEqual(['voidReason'])
    const relined = await rest('PATCH', `/invoices/${invoice.id}`, { token: finance, body: { lines: [{ kind: 'extra', label: 'Sortie', amount: 9_000 }] } })
    expect(relined.status).toBe(400)
    expect(await invoiceNow(invoice.id)).toMatchObject({ total: 4_000, paid: 1_000, balance: 3_000, status: 'partial' })
  })
})

describe('payments', () => {
  it('in cash make the invoice partly paid, then paid, each with its receipt', async () => {
    const invoice = await newInvoice(10_000)
    const first = await pay(invoice.id, { amount: 4_000 })
    expect(first.status).toBe(201)
    expect(first.body.doc).toMatchObject({ status: 'succeeded', amountApplied: 4_000, student: expect.anything() })
    expect(first.body.doc.receiptNumber).toMatch(/^REC-2026-\d{6}$/)
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 4_000, balance: 6_000, status: 'partial' })
    await pay(invoice.id, { amount: 6_000 })
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 10_000, balance: 0, status: 'paid' })
    const recordedBy = (await payload.findByID({ collection: 'payments', id: first.body.doc.id, depth: 0, overrideAccess: true })).recordedBy
    expect(recordedBy).toBe((await userFor(payload, demoAccounts.finance)).id)
  })

  it('in francs on a dollar invoice count at the day’s rate, which they must give', async () => {
    const invoice = await newInvoice(10_000)
    const noRate = await pay(invoice.id, { amount: 5_700_000, currency: 'CDF' })
    expect(noRate.status).toBe(400)
    expect(pathsOf(noRate.body)).toEqual(['exchangeRate'])
    const paid = await pay(invoice.id, { amount: 5_700_000, currency: 'CDF', exchangeRate: '2850' })
    expect(paid.body.doc).toMatchObject({ amountApplied: 2_000, exchangeRate: '2850' })
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 2_000, balance: 8_000 })
  })

  it('above the balance leave a credit; refunds and reversals count against the invoice, never more than was paid', async () => {
    const invoice = await newInvoice(5_000)
    const over = await pay(invoice.id, { amount: 7_000 })
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 7_000, balance: 0, credit: 2_000, status: 'paid' })
    const tooMuch = await pay(invoice.id, { kind: 'refund', amount: 7_001 })
    expect(tooMuch.status).toBe(400)
    expect(messagesOf(tooMuch.body)).toEqual(['Le remboursement dépasse ce qui a été payé sur cette facture.'])
    expect((await pay(invoice.id, { kind: 'refund', amount: 2_000 })).status).toBe(201)
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 5_000, credit: 0, status: 'paid' })
    // Reversing the 7 000 would take back more than is left on the invoice after the refund.
    expect(messagesOf((await pay(invoice.id, { kind: 'reversal', reverses: over.body.doc.id })).body)).toEqual(['Le remboursement dépasse ce qui a été payé sur cette facture.'])
  })

  it('reversed, take back exactly the payment, once', async () => {
    const invoice = await newInvoice(5_000)
    const mistaken = await pay(invoice.id, { amount: 3_000 })
    const reversal = await pay(invoice.id, { kind: 'reversal', reverses: mistaken.body.doc.id, amount: 1 })
    expect(reversal.status).toBe(201)
    expect(reversal.body.doc).toMatchObject({ amount: 3_000, amountApplied: -3_000 })
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 0, balance: 5_000, status: 'unpaid' })
    const again = await pay(invoice.id, { kind: 'reversal', reverses: mistaken.body.doc.id })
    expect(messagesOf(again.body)).toEqual(['Ce paiement est déjà contre-passé.'])
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 0 })
  })

  it('refuse a zero or negative amount, an unknown invoice and another school’s, counting nothing', async () => {
    const invoice = await newInvoice(5_000)
    for (const amount of [0, -100, 12.5]) {
      const answer = await pay(invoice.id, { amount })
      expect(answer.status).toBe(400)
      expect(pathsOf(answer.body)).toEqual(['amount'])
    }
    const unknown = await pay(999_999_999, { amount: 100 })
    expect(unknown.status).toBe(400)
    expect(pathsOf(unknown.body)).toEqual(['invoice'])
    const foreign = await pay(fx.invoices.matete.id, { amount: 100 })
    expect(foreign.status).toBe(400)
    expect(messagesOf(foreign.body)).toEqual(['Facture introuvable.'])
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 0, balance: 5_000 })
    expect((await payload.count({ collection: 'payments', where: { invoice: { equals: fx.invoices.matete.id }, amount: { equals: 100 } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('by card or mobile money are not recorded by hand, and a recorded payment is never edited', async () => {
    const invoice = await newInvoice(5_000)
    const card = await pay(invoice.id, { amount: 1_000, method: 'card' })
    expect(card.status).toBe(400)
    expect(pathsOf(card.body)).toEqual(['method'])
    const made = await pay(invoice.id, { amount: 1_000 })
    const edit = await rest('PATCH', `/payments/${made.body.doc.id}`, { token: finance, body: { amount: 100 } })
    expect(edit.status).toBe(403)
    const removal = await rest('DELETE', `/payments/${made.body.doc.id}`, { token: finance })
    expect(removal.status).toBe(403)
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 1_000 })
  })

  it('are counted once per provider reference', async () => {
    const invoice = await newInvoice(5_000)
    const data = { invoice: invoice.id, amount: 2_000, method: 'mobileMoney', provider: 'sandbox', providerReference: `SBX-${invoice.id}`, status: 'succeeded' } as never
    await payload.create({ collection: 'payments', data, overrideAccess: true, context: { fromProvider: true } })
    await expect(payload.create({ collection: 'payments', data, overrideAccess: true, context: { fromProvider: true } })).rejects.toThrow()
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid: 2_000, balance: 3_000 })
  })

  it('fifty at once on one invoice end with the exact balance and fifty consecutive receipts', async () => {
    const invoice = await newInvoice(100_000)
    const answers = await Promise.all(Array.from({ length: 50 }, (_, k) => pay(invoice.id, { amount: 1_000 + k })))
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201))
    const paid = Array.from({ length: 50 }, (_, k) => 1_000 + k).reduce((a, b) => a + b, 0)
    expect(await invoiceNow(invoice.id)).toMatchObject({ paid, balance: 100_000 - paid, status: 'partial' })
    const receipts = sequence(answers.map((a) => a.body.doc.receiptNumber))
    expect(receipts).toEqual(Array.from({ length: 50 }, (_, k) => receipts[0] + k))
  })
})

describe('what families see', () => {
  it('a parent reads their children’s invoices and payments, over REST and GraphQL alike, and nobody else’s', async () => {
    const parent = await tokenFor(payload, demoAccounts.parent)
    const listed = await rest('GET', `/invoices?limit=500&depth=0`, { token: parent })
    // The demo parent's children, whatever other suites add to that family (an import adds siblings).
    const children = (await payload.find({ collection: 'students', where: { guardians: { in: [fx.guardians.demoParent.id] } }, pagination: false, depth: 0, overrideAccess: true })).docs.map((s) => s.id)
    expect(children).toEqual(expect.arrayContaining([fx.students.childA.id, fx.students.childB.id]))
    const students = new Set(listed.body.docs.map((i: any) => i.student))
    expect([...students].every((id) => children.includes(id as number))).toBe(true)
    expect(students.has(fx.students.childA.id) && students.has(fx.students.childB.id)).toBe(true)
    expect((await rest('GET', `/invoices/${fx.invoices.self.id}`, { token: parent })).status).toBe(404)
    const viaGraphql = await graphql('{ Invoices(limit: 500) { docs { id number balance } } }', {}, parent)
    expect(viaGraphql.body.data.Invoices.docs.map((i: any) => i.id).sort()).toEqual(listed.body.docs.map((i: any) => i.id).sort())
    const payments = await rest('GET', `/payments?limit=500&depth=0`, { token: parent })
    expect(payments.body.docs.length).toBeGreaterThan(0)
    expect(payments.body.docs.every((p: any) => children.includes(p.student))).toBe(true)
    const stranger = await tokenFor(payload, otherAccounts.parent)
    expect((await rest('GET', `/invoices/${fx.invoices.childA.id}`, { token: stranger })).status).toBe(404)
  })
})
