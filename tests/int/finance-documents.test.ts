/** The invoice and receipt PDFs as families and staff download them: their text, their language, and who may have them. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { demoAccounts, otherAccounts, tokenFor, userFor } from '../support/accounts'
import { download } from '../support/download'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { ledgerOf } from '../support/ledger'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
const tokens: Record<string, string> = {}
let englishParent: { id: number; language?: string | null }
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  for (const who of ['finance', 'secretariat', 'teacher', 'parent', 'student'] as const) tokens[who] = await tokenFor(payload, demoAccounts[who])
  tokens.kasongo = await tokenFor(payload, otherAccounts.parent)
  englishParent = (await userFor(payload, otherAccounts.parent)) as never
  // The Kasongo family reads English (restored afterwards for the other suites).
  await payload.update({ collection: 'users', id: englishParent.id, data: { language: 'en' }, overrideAccess: true })
})
afterAll(async () => {
  await payload.update({ collection: 'users', id: englishParent.id, data: { language: (englishParent.language ?? 'fr') as 'fr' | 'en' }, overrideAccess: true })
  await closeTestPayload()
})

/** The PDF's text as pdftotext lays it out, runs of spaces collapsed, without the diagonal void stamp. */
const textOf = (pdf: Buffer) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kelasi-finance-doc-')), 'doc.pdf')
  writeFileSync(file, pdf)
  const result = spawnSync('pdftotext', ['-layout', '-nodiag', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  expect(result.status).toBe(0)
  return result.stdout.replace(/[ \u00a0]+/g, ' ')
}
const invoicePdf = (id: number, token?: string, query = '') => download(`/invoices/${id}/pdf${query}`, { token })
const receiptPdf = (id: number, token?: string, query = '') => download(`/payments/${id}/receipt${query}`, { token })
const messageOf = (answer: { data: Buffer }) => JSON.parse(answer.data.toString('utf8')).errors[0].message as string

/** A fresh invoice of Grâce's, of `amount` cents, issued by finance. */
const ledger = () => ledgerOf(fx, () => tokens.finance)
const newInvoice = (amount: number) => ledger().newInvoice(amount, { lines: [{ kind: 'extra', label: 'Sortie au musée', amount }] })
const pay = (invoice: number, body: Record<string, unknown>) => ledger().pay(invoice, body)

describe('the invoice PDF', () => {
  it('shows finance the number, the pupil, the payers, the lines, the payments and the balance, in French', async () => {
    const invoice = await newInvoice(12_000)
    const payment = await pay(invoice.id, { amount: 4_500 })
    const answer = await invoicePdf(invoice.id, tokens.finance)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/pdf')
    expect(answer.headers.get('cache-control')).toBe('private, no-store')
    expect(answer.headers.get('content-disposition')).toBe(`inline; filename="${invoice.number}.pdf"`)
    const text = textOf(answer.data)
    expect(text).toContain('FACTURE')
    expect(text).toContain(invoice.number)
    expect(text).toContain(fx.students.childA.fullName)
    expect(text).toContain(fx.students.childA.matricule)
    expect(text).toContain(fx.classes.taught.name)
    expect(text).toContain(fx.guardians.demoParent.fullName)
    expect(text).toContain('Sortie au musée')
    expect(text).toContain('120,00 $US')
    expect(text).toMatch(/Reste à payer 75,00 \$US/)
    expect(text).toContain(payment.receiptNumber)
    expect(text).toContain('Partiellement payée')
  })

  it('of a void invoice prints its status, its reason and the stamp', async () => {
    const invoice = await newInvoice(3_000)
    expect((await rest('PATCH', `/invoices/${invoice.id}`, { token: tokens.finance, body: { voidReason: 'Facturée deux fois' } })).status).toBe(200)
    const answer = await invoicePdf(invoice.id, tokens.finance)
    expect(answer.status).toBe(200)
    const text = textOf(answer.data)
    expect(text).toContain('Statut : ANNULÉE')
    expect(text).toContain('Facturée deux fois')
    // The diagonal stamp too: in raw order pdftotext gives its letters one a line.
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kelasi-finance-doc-')), 'void.pdf')
    writeFileSync(file, answer.data)
    const raw = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout
    expect((raw.match(/(?:^\S\n)+/gm) ?? []).map((run) => run.replace(/\n/g, ''))).toEqual(['ANNULÉE'])
  })

  it('prints the school’s logo, as uploaded, on the invoice and the receipt', async () => {
    const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 30, g: 90, b: 160 } } }).png().toBuffer()
    const logo = await payload.create({ collection: 'media', data: { school: fx.schools.main.id, alt: 'logo' }, file: { data, mimetype: 'image/png', name: `logo-${Date.now()}.png`, size: data.length }, overrideAccess: true })
    await payload.update({ collection: 'schools', id: fx.schools.main.id, data: { logo: logo.id }, overrideAccess: true })
    try {
      for (const answer of [await invoicePdf(fx.invoices.childA.id, tokens.finance), await receiptPdf(fx.payments.childA.id, tokens.finance)]) {
        expect(answer.status).toBe(200)
        const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kelasi-finance-doc-')), 'logo.pdf')
        writeFileSync(file, answer.data)
        const images = spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean)
        // One picture (the receipt draws it on both copies), scaled down to what the letterhead needs (it was 900 × 600).
        const unique = new Map(images.map((row) => row.trim().split(/\s+/)).map((cells) => [cells[10], cells.slice(3, 5)]))
        expect([...unique.values()]).toEqual([['240', '160']])
      }
    } finally {
      await payload.update({ collection: 'schools', id: fx.schools.main.id, data: { logo: null }, overrideAccess: true })
    }
  })

  it('reaches a parent for their own children only: another family’s, or the other school’s, is not found', async () => {
    const own = await invoicePdf(fx.invoices.childB.id, tokens.parent)
    expect(own.status).toBe(200)
    expect(textOf(own.data)).toContain(fx.students.childB.fullName)
    for (const other of [fx.invoices.self.id, fx.invoices.matete.id]) {
      const refused = await invoicePdf(other, tokens.parent)
      expect(refused.status).toBe(404)
      expect(messageOf(refused)).toBe('Facture introuvable.')
    }
  })

  it('is in the reader’s language: their account’s, or the one asked for', async () => {
    const english = textOf((await invoicePdf(fx.invoices.self.id, tokens.kasongo)).data)
    expect(english).toContain('INVOICE')
    expect(english).toContain(fx.students.self.fullName)
    expect(english).toContain('$300.00')
    const french = textOf((await invoicePdf(fx.invoices.self.id, tokens.kasongo, '?lang=fr')).data)
    expect(french).toContain('FACTURE')
    expect(french).toContain('300,00 $US')
  })

  it('is refused to a teacher and to pupils (invoices are the families’ and the staff’s); a nonsense id and no login are refused', async () => {
    expect([403, 404]).toContain((await invoicePdf(fx.invoices.childA.id, tokens.teacher)).status)
    expect((await invoicePdf(fx.invoices.self.id, tokens.student)).status).toBe(404)
    // The secretariat reads invoices, not payments: its copy has the totals without the receipts.
    const desk = await invoicePdf(fx.invoices.childA.id, tokens.secretariat)
    expect(desk.status).toBe(200)
    const deskText = textOf(desk.data)
    expect(deskText).toContain(fx.invoices.childA.number)
    expect(deskText).toMatch(/Payé 50,00 \$US/)
    expect(deskText).not.toContain(fx.payments.childA.receiptNumber)
    expect(textOf((await invoicePdf(fx.invoices.childA.id, tokens.finance)).data)).toContain(fx.payments.childA.receiptNumber)
    expect((await download('/invoices/abc/pdf', { token: tokens.finance })).status).toBe(404)
    expect((await download('/invoices/999999999/pdf', { token: tokens.finance })).status).toBe(404)
    expect((await invoicePdf(fx.invoices.childA.id)).status).toBe(401)
  })
})

describe('the receipt PDF', () => {
  it('shows finance the receipt number, the pupil, the invoice, the amount and the balance after it', async () => {
    const invoice = await newInvoice(20_000)
    const first = await pay(invoice.id, { amount: 5_700_000, currency: 'CDF', exchangeRate: '2850' })
    await pay(invoice.id, { amount: 3_000 })
    const answer = await receiptPdf(first.id, tokens.finance)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/pdf')
    const text = textOf(answer.data)
    expect(text).toContain('REÇU')
    expect(text).toContain(first.receiptNumber)
    expect(text).toContain(invoice.number)
    expect(text).toContain(fx.students.childA.fullName)
    expect(text).toContain('57 000,00 FC')
    expect(text).toContain('1 $ = 2 850 FC')
    expect(text).toMatch(/Imputé sur la facture : 20,00 \$US/)
    // The balance after this payment, not after the later one.
    expect(text).toMatch(/Reste à payer : 180,00 \$US/)
    expect(text).toContain('Exemplaire du payeur')
    expect(text).toContain('Souche de l’école')
  })

  it('of a refund is titled as such', async () => {
    const invoice = await newInvoice(5_000)
    await pay(invoice.id, { amount: 5_000 })
    const refund = await pay(invoice.id, { amount: 2_000, kind: 'refund' })
    const text = textOf((await receiptPdf(refund.id, tokens.finance)).data)
    expect(text).toContain('REÇU DE REMBOURSEMENT')
    expect(text).toContain(refund.receiptNumber)
    expect(text).toMatch(/Reste à payer : 20,00 \$US/)
  })

  it('does not exist for a payment still pending', async () => {
    const invoice = await newInvoice(5_000)
    const pending = await payload.create({
      collection: 'payments',
      data: { school: fx.schools.main.id, invoice: invoice.id, amount: 5_000, method: 'mobileMoney', provider: 'sandbox', providerReference: `doc-${Date.now()}` },
      context: { fromProvider: true },
      overrideAccess: true,
    })
    expect(pending.status).toBe('pending')
    const answer = await receiptPdf(pending.id, tokens.finance)
    expect(answer.status).toBe(404)
    expect(messageOf(answer)).toBe('Ce paiement n’a pas de reçu : il n’a pas abouti (statut : En attente).')
  })

  it('reaches a parent for their own children only, in their language', async () => {
    const own = await receiptPdf(fx.payments.childA.id, tokens.parent)
    expect(own.status).toBe(200)
    expect(textOf(own.data)).toContain(fx.students.childA.fullName)
    for (const other of [fx.payments.self.id, fx.payments.matete.id]) {
      const refused = await receiptPdf(other, tokens.parent)
      expect(refused.status).toBe(404)
      expect(messageOf(refused)).toBe('Paiement introuvable.')
    }
    const english = textOf((await receiptPdf(fx.payments.self.id, tokens.kasongo)).data)
    expect(english).toContain('RECEIPT')
    expect(english).toContain('$50.00')
    expect(english).toContain(fx.payments.self.receiptNumber)
  })

  it('is refused to a teacher, and to the secretariat, who do not read payments', async () => {
    expect([403, 404]).toContain((await receiptPdf(fx.payments.childA.id, tokens.teacher)).status)
    expect([403, 404]).toContain((await receiptPdf(fx.payments.childA.id, tokens.secretariat)).status)
    expect((await receiptPdf(fx.payments.childA.id)).status).toBe(401)
  })
})
