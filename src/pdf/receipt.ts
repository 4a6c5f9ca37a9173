/**
 * The printed receipt (reçu) of a payment, a refund or a reversal.
 *
 * Format: one A4 portrait sheet holding two identical half-A4 copies, the payer's above and the
 * school's stub below, with a dashed cut line between them. A Congolese school office stocks A4
 * paper only, for a laser or inkjet printer that prints an A5 page on A4 anyway; and the cashier
 * keeps a copy of every receipt for the cash book and the audit, as with the carbon copy of the
 * receipt books (carnets à souche) families know. Half of A4 is also what fits in a pupil's file.
 */
import { rgb, type PDFImage } from 'pdf-lib'
import { formatMoney, type Currency } from '../domain/money'
import { financeLabels, labelled, methodLabel, type FinanceLabels } from './financeLabels'
import type { FinanceAssets, PrintedPupil } from './invoice'
import { fill, type Language } from './labels'
import { A4, contentWidth, embedImage, formatDate, ink, letterhead, margin, openDocument, type PrintedSchool, Sheet } from './sheet'

export type ReceiptDocument = {
  language: Language
  school: PrintedSchool
  receiptNumber: string
  /** ISO date of the payment. */
  date: string
  pupil: PrintedPupil
  invoiceNumber: string
  receivedFrom?: string | null
  method: string
  kind: 'payment' | 'refund' | 'reversal'
  /** Integer minor units of `currency`, what changed hands; positive whatever the kind. */
  amount: number
  currency: Currency
  /** Francs for one dollar ("2850"), when paid in the other currency than the invoice's. */
  exchangeRate?: string | null
  /** What it counts on the invoice, in the invoice's currency: negative for a refund or a reversal. */
  applied: number
  invoiceCurrency: Currency
  balanceAfter: number
  recordedBy?: string | null
  providerReference?: string | null
}

const half = A4[1] / 2
const dash = '—'

/** "2850.5" → "2 850,5" in French, "2,850.5" in English; anything unreadable as given. */
const rate = (value: string, language: Language) => {
  const n = Number(value.trim().replace(',', '.'))
  if (!Number.isFinite(n)) return value
  return new Intl.NumberFormat(language === 'fr' ? 'fr-CD' : 'en-US', { maximumFractionDigits: 10 }).format(n).replace(/[\u202f\u00a0]/g, ' ')
}

const title = (r: ReceiptDocument, t: FinanceLabels) => (r.kind === 'refund' ? t.refund : r.kind === 'reversal' ? t.reversal : t.receipt)
const person = (r: ReceiptDocument, t: FinanceLabels) => (r.kind === 'refund' ? t.refundedTo : r.kind === 'reversal' ? t.payer : t.receivedFrom)

/** One copy of the receipt in the half page that starts at `top`. */
const copy = (sheet: Sheet, r: ReceiptDocument, t: FinanceLabels, logo: PDFImage | undefined, top: number, copyLabel: string) => {
  letterhead(sheet, r.school, t, logo, top)
  const width = 220
  const right = A4[0] - margin - width
  sheet.fitted(title(r, t), right, top - 14, width, 14, true, 'right')
  sheet.fitted(`${t.number} ${r.receiptNumber}`, right, top - 30, width, 11, true, 'right')
  sheet.fitted(labelled(t, t.date, formatDate(r.date)), right, top - 44, width, 9, false, 'right')
  sheet.fitted(copyLabel, right, top - 56, width, 8, false, 'right')

  const money = (amount: number, currency: Currency) => formatMoney(amount, currency, r.language)
  const fields: [string, string, boolean?][] = [
    ...(r.receivedFrom ? [[person(r, t), r.receivedFrom] as [string, string]] : []),
    [t.pupil, r.pupil.fullName, true],
    [t.matricule, `${r.pupil.matricule}    ${labelled(t, t.className, r.pupil.className || dash)}`],
    [t.forInvoice, r.invoiceNumber],
    [t.method, r.providerReference ? `${methodLabel(t, r.method)} — ${labelled(t, t.reference, r.providerReference)}` : methodLabel(t, r.method)],
  ]
  const x = margin + 6
  const valueX = margin + 150
  let y = top - 84
  for (const [label, value, bold] of fields) {
    sheet.text(`${label}${t.colon}`, x, y, 9)
    sheet.fitted(value, valueX, y, contentWidth - 156, bold ? 10 : 9, !!bold)
    y -= 15
  }
  y -= 8
  // The amount that changed hands, boxed: what the cashier counts and the payer checks first.
  sheet.page.drawRectangle({ x: margin, y: y - 8, width: contentWidth, height: 24, borderColor: ink, borderWidth: 1 })
  sheet.text(`${t.amount}${t.colon}`, x, y, 11, true)
  sheet.text(money(r.amount, r.currency), valueX, y, 13, true)
  y -= 26
  const figures: [string, string][] = [
    ...(r.exchangeRate ? [[t.rate, fill(t.rateValue, { francs: rate(r.exchangeRate, r.language) })] as [string, string]] : []),
    [t.applied, money(r.applied, r.invoiceCurrency)],
    [t.balance, money(r.balanceAfter, r.invoiceCurrency)],
  ]
  for (const [label, value] of figures) {
    sheet.text(`${label}${t.colon}`, x, y, 9)
    sheet.text(value, valueX, y, 10, true)
    y -= 15
  }

  const signatureX = A4[0] - margin - 200
  sheet.text(t.cashierSignature, signatureX, y - 4, 9, true)
  sheet.line(signatureX, y - 44, A4[0] - margin, y - 44)
  if (r.recordedBy) sheet.fitted(r.recordedBy, signatureX, y - 56, 200, 9, false)
}

/** The receipt as a one-page PDF: the payer's copy and the school's stub, French or English. */
export const renderReceipt = async (r: ReceiptDocument, assets: FinanceAssets = {}): Promise<Uint8Array> => {
  const t = financeLabels[r.language]
  const { doc, fonts } = await openDocument(`${title(r, t)} ${r.receiptNumber} — ${r.pupil.fullName}`)
  const sheet = new Sheet(doc.addPage(A4), fonts)
  const logo = assets.logo && (await embedImage(doc, assets.logo))
  copy(sheet, r, t, logo, A4[1] - margin, t.payerCopy)
  copy(sheet, r, t, logo, half - margin, t.schoolCopy)
  sheet.page.drawLine({ start: { x: 12, y: half }, end: { x: A4[0] - 12, y: half }, thickness: 0.5, color: rgb(0.4, 0.4, 0.4), dashArray: [4, 3] })
  return doc.save()
}
