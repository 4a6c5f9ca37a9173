/**
 * The printed invoice (facture): A4 portrait, the school's letterhead, the pupil and the payers,
 * every line, the totals and the payments received; as many pages as the lines need, the table
 * header repeated on each. A void invoice keeps its number and prints "ANNULÉE" across every page.
 */
import { degrees, rgb, type PDFDocument, type PDFImage } from 'pdf-lib'
import type { InvoiceStatus } from '../domain/billing'
import { formatMoney, type Currency } from '../domain/money'
import { financeLabels, labelled, methodLabel, type FinanceLabels } from './financeLabels'
import { fill, type Language } from './labels'
import { A4, type Column, contentWidth, embedImage, type Fonts, formatDate, ink, letterhead, margin, openDocument, type PrintedSchool, type Row, Sheet } from './sheet'

export type FinanceAssets = { logo?: Uint8Array }
export type PrintedPupil = { fullName: string; matricule: string; className?: string | null }

export type InvoiceDocument = {
  language: Language
  school: PrintedSchool
  number: string
  /** ISO dates. */
  issueDate: string
  dueDate: string | null
  schoolYear: string
  status: InvoiceStatus
  pupil: PrintedPupil
  payers: string[]
  currency: Currency
  /** Amounts in integer minor units of the invoice's currency, as every figure below. */
  lines: { kind: string; label: string; amount: number }[]
  total: number
  paid: number
  balance: number
  credit: number
  /** `amount` in the payment's currency; `applied` in the invoice's, negative for refunds and reversals. */
  payments: { receiptNumber: string | null; date: string; method: string; amount: number; currency: Currency; applied: number }[]
  voidReason?: string | null
}

const dash = '—'
const tableSize = 9
const rowHeight = tableSize + 6
/** Room kept at the foot of every page for its number. */
const floor = margin + 20
const top = A4[1] - margin

/** The page being filled and how far down it is; a new page starts with a short reminder of whose invoice it is. */
class Pages {
  readonly sheets: Sheet[] = []
  y = top

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly invoice: InvoiceDocument,
    readonly t: FinanceLabels,
  ) {
    this.sheets.push(new Sheet(doc.addPage(A4), fonts))
  }

  get sheet() {
    return this.sheets[this.sheets.length - 1]
  }

  next() {
    const sheet = new Sheet(this.doc.addPage(A4), this.fonts)
    this.sheets.push(sheet)
    const { invoice, t } = this
    sheet.fitted(invoice.school.name, margin, top - 12, contentWidth / 2, 11, true)
    sheet.fitted(`${t.invoice} ${t.number} ${invoice.number} ${t.continued}`, margin + contentWidth / 2, top - 12, contentWidth / 2, 11, true, 'right')
    sheet.fitted(`${labelled(t, t.pupil, invoice.pupil.fullName)} — ${labelled(t, t.matricule, invoice.pupil.matricule)}`, margin, top - 27, contentWidth, 9, false)
    this.y = top - 42
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number) {
    if (this.y - height < floor) this.next()
  }

  /**
   * A table over as many pages as its rows need, the header repeated on each; its last `keep`
   * rows are never split from one another.
   */
  table(columns: Column[], rows: Row[], keep = 0) {
    const tail = rows.length - Math.min(keep, rows.length)
    let i = 0
    while (i < rows.length) {
      let take = Math.min(Math.floor((this.y - floor) / rowHeight) - 1, rows.length - i)
      if (i + take < rows.length && i + take > tail) take = tail - i
      if (take < 1) {
        this.next()
        continue
      }
      this.y = this.sheet.table(columns, rows.slice(i, i + take), this.y, tableSize)
      i += take
    }
    this.y -= 14
  }
}

const header = (pages: Pages, d: InvoiceDocument, t: FinanceLabels, logo: PDFImage | undefined) => {
  const sheet = pages.sheet
  letterhead(sheet, d.school, t, logo, top)
  const width = 200
  const x = A4[0] - margin - width
  sheet.fitted(t.invoice, x, top - 16, width, 18, true, 'right')
  sheet.fitted(`${t.number} ${d.number}`, x, top - 32, width, 11, true, 'right')
  const facts = [labelled(t, t.date, formatDate(d.issueDate)), d.dueDate && labelled(t, t.dueDate, formatDate(d.dueDate)), labelled(t, t.schoolYear, d.schoolYear)]
  facts.filter((f): f is string => !!f).forEach((f, i) => sheet.fitted(f, x, top - 46 - i * 12, width, 9, false, 'right'))
  pages.y = top - 90
}

const parties = (pages: Pages, d: InvoiceDocument, t: FinanceLabels) => {
  const sheet = pages.sheet
  const height = 56
  const y = pages.y
  sheet.page.drawRectangle({ x: margin, y: y - height, width: contentWidth, height, borderColor: ink, borderWidth: 0.5 })
  const x = margin + 6
  const status = labelled(t, t.status, t.statuses[d.status])
  const statusWidth = sheet.width(status, 10, true)
  sheet.fitted(labelled(t, t.pupil, d.pupil.fullName), x, y - 16, contentWidth - statusWidth - 24, 11, true)
  sheet.text(status, margin + contentWidth - 6 - statusWidth, y - 16, 10, true)
  sheet.fitted(`${labelled(t, t.matricule, d.pupil.matricule)}    ${labelled(t, t.className, d.pupil.className || dash)}`, x, y - 31, contentWidth - 12, 9, false)
  sheet.fitted(labelled(t, t.payers, d.payers.join(', ') || dash), x, y - 45, contentWidth - 12, 9, false)
  pages.y = y - height - 14
  if (d.status === 'void' && d.voidReason) {
    sheet.text(`${t.voidReason}${t.colon}`, margin, pages.y, 10, true)
    pages.y = sheet.paragraph(d.voidReason, margin, pages.y - 14, contentWidth, pages.y - 60) - 8
  }
}

const lines = (pages: Pages, d: InvoiceDocument, t: FinanceLabels) => {
  const money = (amount: number) => formatMoney(amount, d.currency, d.language)
  const columns: Column[] = [
    { title: t.number, width: 30 },
    { title: t.description, width: contentWidth - 160, align: 'left' },
    { title: t.amount, width: 130, align: 'right' },
  ]
  const rows: Row[] = d.lines.map((line, i) => ({ cells: [String(i + 1), line.label, money(line.amount)] }))
  const totals: Row[] = [
    { cells: ['', t.total, money(d.total)], bold: true, shade: true },
    { cells: ['', t.paid, money(d.paid)] },
    { cells: ['', t.balance, money(d.balance)], bold: true },
    ...(d.credit > 0 ? [{ cells: ['', t.credit, money(d.credit)], bold: true }] : []),
  ]
  // The totals stay together, and with the last line, so no page holds totals alone.
  pages.table(columns, [...rows, ...totals], totals.length + 1)
}

const payments = (pages: Pages, d: InvoiceDocument, t: FinanceLabels) => {
  if (!d.payments.length) return
  const columns: Column[] = [
    { title: t.receiptNumber, width: 112 },
    { title: t.date, width: 70 },
    { title: t.method, width: 110 },
    { title: t.amount, width: 115, align: 'right' },
    { title: t.applied, width: contentWidth - 407, align: 'right' },
  ]
  const rows: Row[] = d.payments.map((p) => ({
    cells: [p.receiptNumber ?? dash, formatDate(p.date), methodLabel(t, p.method), formatMoney(p.amount, p.currency, d.language), formatMoney(p.applied, d.currency, d.language)],
  }))
  // The heading stays with the table's header and its first row.
  pages.ensure(16 + 2 * rowHeight)
  pages.sheet.text(t.payments, margin, pages.y - 10, 10, true)
  pages.y -= 16
  pages.table(columns, rows)
}

/** "ANNULÉE" along the page's diagonal, over the content but translucent, so nothing is hidden and nothing can be mistaken. */
export const voidStamp = (sheet: Sheet, text: string) => {
  const [width, height] = A4
  const angle = Math.atan2(height, width)
  const size = (0.6 * Math.hypot(width, height) * 100) / sheet.width(text, 100, true)
  const w = sheet.width(text, size, true)
  const capHeight = sheet.fonts.bold.heightAtSize(size, { descender: false })
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)]
  // From the centre, back half the text's length along the diagonal and half its height across it.
  const x = width / 2 - (w / 2) * cos + (capHeight / 2) * sin
  const y = height / 2 - (w / 2) * sin - (capHeight / 2) * cos
  sheet.page.drawText(text, { x, y, size, font: sheet.fonts.bold, color: rgb(0.8, 0.1, 0.1), opacity: 0.3, rotate: degrees((angle * 180) / Math.PI) })
}

/** The invoice as a PDF, French or English, one A4 page or more. */
export const renderInvoice = async (d: InvoiceDocument, assets: FinanceAssets = {}): Promise<Uint8Array> => {
  const t = financeLabels[d.language]
  const { doc, fonts } = await openDocument(`${t.invoice} ${d.number} — ${d.pupil.fullName}`)
  const pages = new Pages(doc, fonts, d, t)
  header(pages, d, t, assets.logo && (await embedImage(doc, assets.logo)))
  parties(pages, d, t)
  lines(pages, d, t)
  payments(pages, d, t)
  // Numbered once all pages exist, so each says how many there are.
  pages.sheets.forEach((sheet, i) => {
    sheet.text(`${t.invoice} ${t.number} ${d.number}`, margin, margin, 8)
    sheet.fitted(fill(t.page, { n: String(i + 1), of: String(pages.sheets.length) }), A4[0] - margin - 100, margin, 100, 8, false, 'right')
    if (d.status === 'void') voidStamp(sheet, t.voidWatermark)
  })
  return doc.save()
}
