import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib'
import { renderInvoice, type InvoiceDocument } from '../../src/pdf/invoice'
import { renderReceipt, type ReceiptDocument } from '../../src/pdf/receipt'

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

const school = { name: 'Complexe scolaire Saint-Joseph', code: 'KIN-042', address: '12, avenue de l’Université', city: 'Kinshasa', province: 'Kinshasa', phone: '+243 81 234 5678' }
const pupil = { fullName: 'MUKENDI KUPA Grâce', matricule: '0123456789', className: '2e Humanités A' }

const invoice = (over: Partial<InvoiceDocument> = {}): InvoiceDocument => ({
  language: 'fr',
  school,
  number: 'FAC-2026-000123',
  issueDate: '2026-09-01',
  dueDate: '2026-09-30',
  schoolYear: '2026-2027',
  status: 'partial',
  pupil,
  payers: ['MUKENDI Jean-Pierre', 'KUPA Thérèse'],
  currency: 'USD',
  lines: [
    { kind: 'registration', label: 'Frais d’inscription', amount: 5000 },
    { kind: 'tuition', label: 'Minerval — 1er trimestre', amount: 125000 },
    { kind: 'discount', label: 'Réduction fratrie (2e enfant)', amount: -12500 },
    { kind: 'penalty', label: 'Pénalité de retard', amount: 2500 },
  ],
  total: 120000,
  paid: 50000,
  balance: 70000,
  credit: 0,
  payments: [
    { receiptNumber: 'REC-2026-000045', date: '2026-09-05T09:12:00.000Z', method: 'cash', amount: 14250000, currency: 'CDF', applied: 50000 },
    { receiptNumber: 'REC-2026-000051', date: '2026-09-12', method: 'mobileMoney', amount: 2000, currency: 'USD', applied: 2000 },
    { receiptNumber: 'REC-2026-000060', date: '2026-09-14', method: 'bank', amount: 2000, currency: 'USD', applied: -2000 },
  ],
  ...over,
})

const receipt = (over: Partial<ReceiptDocument> = {}): ReceiptDocument => ({
  language: 'fr',
  school,
  receiptNumber: 'REC-2026-000045',
  date: '2026-09-05T09:12:00.000Z',
  pupil,
  invoiceNumber: 'FAC-2026-000123',
  receivedFrom: 'KUPA Thérèse',
  method: 'cash',
  kind: 'payment',
  amount: 14250000,
  currency: 'CDF',
  exchangeRate: '2850',
  applied: 50000,
  invoiceCurrency: 'USD',
  balanceAfter: 70000,
  recordedBy: 'ILUNGA Marie',
  ...over,
})

const folder = mkdtempSync(path.join(tmpdir(), 'kelasi-finance-pdf-'))
let count = 0
const pdftotext = (pdf: Uint8Array, ...options: string[]) => {
  const file = path.join(folder, `doc-${++count}.pdf`)
  writeFileSync(file, pdf)
  const result = spawnSync('pdftotext', [...options, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  expect(result.status).toBe(0)
  return result.stdout
}
/**
 * Each page's text as pdftotext lays it out, runs of spaces collapsed; without the diagonal
 * void stamp, whose letters pdftotext would scatter among the lines it crosses.
 */
const pages = (pdf: Uint8Array) => pdftotext(pdf, '-layout', '-nodiag').split('\f').slice(0, -1).map((page) => page.replace(/[ \u00a0]+/g, ' '))
const text = (pdf: Uint8Array) => pages(pdf).join('\f')
/** The text of the top and of the bottom half of a one-page PDF (pdftotext's crop box is in points at its default 72 dpi). */
const halves = (pdf: Uint8Array) =>
  [0, 421].map((y) => pdftotext(pdf, '-layout', '-x', '0', '-y', String(y), '-W', '596', '-H', '421').replace(/[ \u00a0]+/g, ' '))
/** The diagonal text of each page: in content order, pdftotext gives it a letter a line after the page's own lines. */
const stamps = (pdf: Uint8Array) =>
  pdftotext(pdf, '-raw')
    .split('\f')
    .slice(0, -1)
    .map((page) => (page.match(/(?:^\S\n)+/gm) ?? []).map((run) => run.replace(/\n/g, '')))

describe('invoice PDF', () => {
  it('prints what a parent checks: the school, the number, the pupil and payers, every line, the totals and the payments', async () => {
    const pdf = await renderInvoice(invoice())
    const doc = await PDFDocument.load(pdf)
    expect(doc.getPageCount()).toBe(1)
    expect(doc.getTitle()).toBe('FACTURE FAC-2026-000123 — MUKENDI KUPA Grâce')
    const out = text(pdf)
    expect(out).toContain('Complexe scolaire Saint-Joseph')
    expect(out).toContain('Code : KIN-042 — Tél. +243 81 234 5678')
    expect(out).toContain('FACTURE')
    expect(out).toContain('N° FAC-2026-000123')
    expect(out).toContain('Date : 01/09/2026')
    expect(out).toContain('Échéance : 30/09/2026')
    expect(out).toContain('Année scolaire : 2026-2027')
    expect(out).toContain('Élève : MUKENDI KUPA Grâce')
    expect(out).toContain('Statut : Partiellement payée')
    expect(out).toContain('Matricule : 0123456789 Classe : 2e Humanités A')
    expect(out).toContain('Payeurs (responsables) : MUKENDI Jean-Pierre, KUPA Thérèse')
    expect(out).toMatch(/N° Libellé Montant/)
    expect(out).toMatch(/1 Frais d’inscription 50,00 \$US/)
    expect(out).toMatch(/2 Minerval — 1er trimestre 1 250,00 \$US/)
    expect(out).toMatch(/3 Réduction fratrie \(2e enfant\) -125,00 \$US/)
    expect(out).toMatch(/4 Pénalité de retard 25,00 \$US/)
    expect(out).toMatch(/Total 1 200,00 \$US/)
    expect(out).toMatch(/Payé 500,00 \$US/)
    expect(out).toMatch(/Reste à payer 700,00 \$US/)
    expect(out).not.toContain('Avoir')
    expect(out).toContain('Paiements reçus')
    expect(out).toMatch(/Reçu N° Date Moyen de paiement Montant Imputé sur la facture/)
    expect(out).toMatch(/REC-2026-000045 05\/09\/2026 Espèces 142 500,00 FC 500,00 \$US/)
    expect(out).toMatch(/REC-2026-000051 12\/09\/2026 Mobile money 20,00 \$US 20,00 \$US/)
    expect(out).toMatch(/REC-2026-000060 14\/09\/2026 Banque 20,00 \$US -20,00 \$US/)
    expect(out).toMatch(/FACTURE N° FAC-2026-000123 Page 1 \/ 1/)
    expect(stamps(pdf)).toEqual([[]])
  })

  it('prints English labels and amounts, and a credit when the family paid more than due', async () => {
    const out = text(await renderInvoice(invoice({ language: 'en', status: 'paid', paid: 130000, balance: 0, credit: 10000, dueDate: null })))
    expect(out).toContain('INVOICE')
    expect(out).toContain('No. FAC-2026-000123')
    expect(out).toContain('School year: 2026-2027')
    expect(out).not.toContain('Due date')
    expect(out).toContain('Pupil: MUKENDI KUPA Grâce')
    expect(out).toContain('Status: Paid')
    expect(out).toContain('Student no.: 0123456789 Class: 2e Humanités A')
    expect(out).toContain('Payers (guardians): MUKENDI Jean-Pierre, KUPA Thérèse')
    expect(out).toMatch(/No\. Description Amount/)
    expect(out).toMatch(/2 Minerval — 1er trimestre \$1,250\.00/)
    expect(out).toMatch(/3 Réduction fratrie \(2e enfant\) -\$125\.00/)
    expect(out).toMatch(/Total \$1,200\.00/)
    expect(out).toMatch(/Paid \$1,300\.00/)
    expect(out).toMatch(/Balance due \$0\.00/)
    expect(out).toMatch(/Credit \$100\.00/)
    expect(out).toMatch(/Receipt no\. Date Payment method Amount Applied to invoice/)
    expect(out).toMatch(/REC-2026-000045 05\/09\/2026 Cash CDF 142,500\.00 \$500\.00/)
    expect(out).toMatch(/Page 1 of 1/)
  })

  it('prints each status as the family reads it', async () => {
    const statuses = { unpaid: 'Non payée', partial: 'Partiellement payée', paid: 'Payée', overdue: 'En retard' } as const
    for (const [status, label] of Object.entries(statuses)) {
      expect(text(await renderInvoice(invoice({ status: status as InvoiceDocument['status'] })))).toContain(`Statut : ${label}`)
    }
  })

  it('stamps a void invoice ANNULÉE across the page and prints why it was voided', async () => {
    const pdf = await renderInvoice(invoice({ status: 'void', voidReason: 'Élève inscrite dans la mauvaise classe ; facture remplacée par FAC-2026-000130.' }))
    const out = text(pdf)
    expect(out).toContain('N° FAC-2026-000123')
    expect(out).toContain('Statut : ANNULÉE')
    expect(out).toContain('Motif de l’annulation :')
    expect(out).toContain('Élève inscrite dans la mauvaise classe ; facture remplacée par FAC-2026-000130.')
    expect(stamps(pdf)).toEqual([['ANNULÉE']])

    const en = await renderInvoice(invoice({ language: 'en', status: 'void', voidReason: 'Duplicate of FAC-2026-000122.' }))
    expect(text(en)).toContain('Reason for voiding:')
    expect(text(en)).toContain('Duplicate of FAC-2026-000122.')
    expect(text(en)).toContain('Status: VOID')
    expect(stamps(en)).toEqual([['VOID']])
  })

  it('continues a 60-line invoice on a second page with the table header repeated, every line present once', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ kind: 'extra', label: `Activité parascolaire n° ${i + 1}`, amount: 1000 + i }))
    const total = lines.reduce((sum, line) => sum + line.amount, 0)
    const pdf = await renderInvoice(invoice({ lines, total, paid: 0, balance: total, status: 'void', voidReason: 'Erreur de saisie.', payments: [] }))
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(2)
    const [first, second] = pages(pdf)
    for (const page of [first, second]) {
      expect(page).toMatch(/N° Libellé Montant/)
      expect(page).toContain('FAC-2026-000123')
    }
    expect(second).toContain('FACTURE N° FAC-2026-000123 (suite)')
    expect(second).toContain('Élève : MUKENDI KUPA Grâce — Matricule : 0123456789')
    expect(first).toMatch(/Page 1 \/ 2/)
    expect(second).toMatch(/Page 2 \/ 2/)
    const out = `${first}\n${second}`
    lines.forEach((line, i) => {
      const amount = `10,${String(i).padStart(2, '0')} \\$US`
      expect(out.match(new RegExp(`^ ?${i + 1} ${line.label} ${amount}$`, 'gm'))).toHaveLength(1)
    })
    expect(second).toMatch(/Total 617,70 \$US/)
    expect(second).toMatch(/Reste à payer 617,70 \$US/)
    expect(stamps(pdf)).toEqual([['ANNULÉE'], ['ANNULÉE']])
  })

  it('keeps the totals together when the lines end at the foot of a page', async () => {
    for (let n = 34; n <= 42; n++) {
      const lines = Array.from({ length: n }, (_, i) => ({ kind: 'extra', label: `Ligne ${i + 1}`, amount: 100 }))
      const found = pages(await renderInvoice(invoice({ lines, total: n * 100, payments: [] }))).filter((page) => page.includes('Total'))
      expect(found).toHaveLength(1)
      expect(found[0]).toContain('Payé')
      expect(found[0]).toContain('Reste à payer')
      expect(found[0]).toMatch(new RegExp(`^ ?${n} Ligne ${n} `, 'm'))
    }
  })

  it('draws the school’s logo when given', async () => {
    const pdf = await renderInvoice(invoice(), { logo: png })
    expect(text(pdf)).toContain('Complexe scolaire Saint-Joseph')
    const page = (await PDFDocument.load(pdf)).getPage(0)
    expect(page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict).keys()).toHaveLength(1)
  })
})

describe('receipt PDF', () => {
  it('prints a franc payment on a dollar invoice with the rate and the amount applied, in two copies on one A4 sheet', async () => {
    const pdf = await renderReceipt(receipt(), { logo: png })
    const doc = await PDFDocument.load(pdf)
    expect(doc.getPageCount()).toBe(1)
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 })
    const [payer, stub] = halves(pdf)
    expect(payer).toContain('Exemplaire du payeur')
    expect(stub).toContain('Souche de l’école')
    for (const copy of [payer, stub]) {
      for (const expected of [
        'Complexe scolaire Saint-Joseph',
        'REÇU',
        'N° REC-2026-000045',
        'Date : 05/09/2026',
        'Reçu de : KUPA Thérèse',
        'Élève : MUKENDI KUPA Grâce',
        'Matricule : 0123456789 Classe : 2e Humanités A',
        'Pour la facture : FAC-2026-000123',
        'Moyen de paiement : Espèces',
        'Montant : 142 500,00 FC',
        'Taux : 1 $ = 2 850 FC',
        'Imputé sur la facture : 500,00 $US',
        'Reste à payer : 700,00 $US',
        'Signature du caissier',
        'ILUNGA Marie',
      ]) {
        expect(copy).toContain(expected)
      }
    }
    const out = payer + stub
    expect(out).not.toContain('REMBOURSEMENT')
  })

  it('prints a refund as a refund, with what it takes off the invoice', async () => {
    const out = text(
      await renderReceipt(receipt({ kind: 'refund', receiptNumber: 'REC-2026-000060', method: 'mobileMoney', providerReference: 'MM-8842-XK', amount: 2000, currency: 'USD', exchangeRate: null, applied: -2000, balanceAfter: 72000, receivedFrom: 'MUKENDI Jean-Pierre' })),
    )
    expect(out).toContain('REÇU DE REMBOURSEMENT')
    expect(out).toContain('N° REC-2026-000060')
    expect(out).toContain('Remboursé à : MUKENDI Jean-Pierre')
    expect(out).not.toContain('Reçu de')
    expect(out).toContain('Moyen de paiement : Mobile money — Référence : MM-8842-XK')
    expect(out).toContain('Montant : 20,00 $US')
    expect(out).not.toContain('Taux')
    expect(out).toContain('Imputé sur la facture : -20,00 $US')
    expect(out).toContain('Reste à payer : 720,00 $US')
  })

  it('prints a reversal as a reversal', async () => {
    const out = text(await renderReceipt(receipt({ kind: 'reversal', receiptNumber: 'REC-2026-000061', applied: -50000, balanceAfter: 120000 })))
    expect(out).toContain('ANNULATION DE PAIEMENT (EXTOURNE)')
    expect(out).toContain('Payeur : KUPA Thérèse')
    expect(out).toContain('Imputé sur la facture : -500,00 $US')
    expect(out).toContain('Reste à payer : 1 200,00 $US')
  })

  it('prints English receipts, a refund included', async () => {
    const out = text(await renderReceipt(receipt({ language: 'en', exchangeRate: '2850.5' })))
    for (const expected of [
      'RECEIPT',
      'No. REC-2026-000045',
      'Payer’s copy',
      'School’s copy',
      'Received from: KUPA Thérèse',
      'Pupil: MUKENDI KUPA Grâce',
      'For invoice: FAC-2026-000123',
      'Payment method: Cash',
      'Amount: CDF 142,500.00',
      'Rate: $1 = 2,850.5 FC',
      'Applied to invoice: $500.00',
      'Balance due: $700.00',
      'Cashier’s signature',
    ]) {
      expect(out).toContain(expected)
    }
    const refund = text(await renderReceipt(receipt({ language: 'en', kind: 'refund', applied: -50000 })))
    expect(refund).toContain('REFUND RECEIPT')
    expect(refund).toContain('Refunded to: KUPA Thérèse')
    expect(refund).toContain('Applied to invoice: -$500.00')
  })
})
