/**
 * The printed payslip (bulletin de paie): one A4 portrait page, the school's letterhead, the
 * staff member, the month, earnings and deductions side by side, the net boxed, the status and
 * two signatures (the staff member's, the direction's). A draft prints "BROUILLON" across the page
 * so it is never taken for a payslip that counts.
 */
import type { PayLine, PayslipStatus } from '../domain/payroll'
import { periodLabel } from '../domain/payroll'
import { formatMoney, type Currency } from '../domain/money'
import { voidStamp, type FinanceAssets } from './invoice'
import { fill, type Language } from './labels'
import { payslipLabels, type PayslipLabels } from './payslipLabels'
import { A4, type Column, contentWidth, embedImage, formatDate, ink, letterhead, margin, openDocument, type PrintedSchool, type Row, Sheet } from './sheet'

export type PayslipDocument = {
  language: Language
  school: PrintedSchool
  reference: string
  /** "YYYY-MM". */
  period: string
  staff: { fullName: string; position?: string | null; hireDate?: string | null; paymentAccount?: string | null }
  currency: Currency
  /** Integer minor units of `currency`, as every figure below. */
  gross: number
  allowances: PayLine[]
  deductions: PayLine[]
  allowancesTotal: number
  deductionsTotal: number
  net: number
  status: PayslipStatus
  approvedAt?: string | null
  paidAt?: string | null
}

const dash = '—'
const top = A4[1] - margin
/** Room kept below the lines for the net, the status and the signatures. */
const footer = 170

const labelled = (t: PayslipLabels, label: string, value: string) => `${label}${t.colon} ${value}`

const header = (sheet: Sheet, d: PayslipDocument, t: PayslipLabels, logo: Parameters<typeof letterhead>[3]) => {
  letterhead(sheet, d.school, t, logo, top)
  const width = 200
  const x = A4[0] - margin - width
  sheet.fitted(t.payslip, x, top - 16, width, 16, true, 'right')
  sheet.fitted(labelled(t, t.period, periodLabel(d.period, d.language)), x, top - 32, width, 11, true, 'right')
  sheet.fitted(labelled(t, t.reference, d.reference), x, top - 46, width, 9, false, 'right')
  sheet.fitted(labelled(t, t.status, t.statuses[d.status]), x, top - 58, width, 9, false, 'right')
}

const staffBox = (sheet: Sheet, d: PayslipDocument, t: PayslipLabels, y: number) => {
  const height = 58
  sheet.page.drawRectangle({ x: margin, y: y - height, width: contentWidth, height, borderColor: ink, borderWidth: 0.5 })
  const x = margin + 6
  sheet.fitted(labelled(t, t.staffMember, d.staff.fullName), x, y - 16, contentWidth - 12, 11, true)
  sheet.fitted(`${labelled(t, t.position, d.staff.position || dash)}    ${labelled(t, t.hireDate, d.staff.hireDate ? formatDate(d.staff.hireDate) : dash)}`, x, y - 32, contentWidth - 12, 9, false)
  sheet.fitted(labelled(t, t.paymentAccount, d.staff.paymentAccount || dash), x, y - 46, contentWidth - 12, 9, false)
  return y - height - 16
}

/**
 * Earnings and deductions in two columns. A payslip has a handful of lines; should one have more
 * than the page holds above the net, the last ones are summed on one line, so the page still adds up.
 */
const figures = (sheet: Sheet, d: PayslipDocument, t: PayslipLabels, y: number, room: number) => {
  const money = (amount: number) => formatMoney(amount, d.currency, d.language)
  const columns: Column[] = [
    { title: t.description, width: contentWidth - 240, align: 'left' },
    { title: t.earnings, width: 120, align: 'right' },
    { title: t.deductions, width: 120, align: 'right' },
  ]
  const lines = [...d.allowances.map((line) => ({ ...line, earning: true })), ...d.deductions.map((line) => ({ ...line, earning: false }))]
  const shown = lines.length > room ? lines.slice(0, Math.max(0, room - 1)) : lines
  const rest = lines.slice(shown.length)
  const sumOf = (earning: boolean) => rest.filter((line) => line.earning === earning).reduce((sum, line) => sum + line.amount, 0)
  const rows: Row[] = [
    { cells: [t.gross, money(d.gross), ''] },
    ...shown.map((line) => ({ cells: [line.label, line.earning ? money(line.amount) : '', line.earning ? '' : money(line.amount)] })),
    ...(rest.length ? [{ cells: [fill(t.more, { n: String(rest.length) }), sumOf(true) ? money(sumOf(true)) : '', sumOf(false) ? money(sumOf(false)) : ''] }] : []),
    { cells: [t.totalEarnings, money(d.gross + d.allowancesTotal), ''], bold: true, shade: true },
    { cells: [t.totalDeductions, '', money(d.deductionsTotal)], bold: true, shade: true },
  ]
  return sheet.table(columns, rows, y, 9) - 20
}

const net = (sheet: Sheet, d: PayslipDocument, t: PayslipLabels, y: number) => {
  sheet.page.drawRectangle({ x: margin, y: y - 10, width: contentWidth, height: 28, borderColor: ink, borderWidth: 1 })
  sheet.text(`${t.net}${t.colon}`, margin + 8, y, 12, true)
  sheet.fitted(formatMoney(d.net, d.currency, d.language), margin + contentWidth / 2, y, contentWidth / 2 - 8, 14, true, 'right')
  let below = y - 34
  const stamps = [d.approvedAt && fill(t.approvedOn, { date: formatDate(d.approvedAt) }), d.paidAt && fill(t.paidOn, { date: formatDate(d.paidAt) })].filter((s): s is string => !!s)
  if (stamps.length) {
    sheet.text(stamps.join('    '), margin, below, 9)
    below -= 16
  }
  return below
}

const signatures = (sheet: Sheet, t: PayslipLabels, y: number) => {
  const width = 200
  for (const [x, title] of [[margin, t.employeeSignature], [A4[0] - margin - width, t.directionSignature]] as const) {
    sheet.text(title, x, y - 6, 9, true)
    sheet.line(x, y - 50, x + width, y - 50)
  }
}

/** The payslip as a one-page PDF, French or English. */
export const renderPayslip = async (d: PayslipDocument, assets: FinanceAssets = {}): Promise<Uint8Array> => {
  const t = payslipLabels[d.language]
  const { doc, fonts } = await openDocument(`${t.payslip} ${d.period} — ${d.staff.fullName}`)
  const sheet = new Sheet(doc.addPage(A4), fonts)
  header(sheet, d, t, assets.logo && (await embedImage(doc, assets.logo)))
  let y = staffBox(sheet, d, t, top - 84)
  y = figures(sheet, d, t, y, Math.floor((y - footer - margin) / 15) - 4)
  y = net(sheet, d, t, y - 6)
  signatures(sheet, t, y - 10)
  if (d.status === 'draft') voidStamp(sheet, t.draftWatermark)
  return doc.save()
}
