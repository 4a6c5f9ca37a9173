/**
 * A finance report's table in the reader's language: as JSON for the admin, CSV (French:
 * semicolons, decimal commas), .xlsx (amounts as numbers of dollars or francs) and a paged A4 PDF
 * under the school's letterhead, the totals per currency at the end.
 */
import { decimal, type ReportRow, type ReportTable } from '../domain/financeReports'
import { formatMoney, type Currency } from '../domain/money'
import { t, type Language } from '../i18n'
import { writeWorkbook } from '../sheets/write'
import { A4, formatDate, letterhead, margin, openDocument, type PrintedSchool, Sheet } from '../pdf/sheet'

export type ReportMeta = { report: string; school: PrintedSchool; from?: string; to?: string; language: Language }

const paymentMethods = ['cash', 'bank', 'card', 'mobileMoney', 'credit']
const header = (language: Language, key: string) => t(language, `reports.columns.${key}`)

/** A text cell as the reader reads it: a method, a status in words; anything else as given. */
const textCell = (language: Language, key: string, value: unknown) => {
  if (key === 'method' && value === 'expenses') return t(language, 'reports.expensesLine')
  // A total row carries "Total" in this column, already in words.
  if (key === 'method' && paymentMethods.includes(String(value))) return t(language, `options.paymentMethod.${value}`)
  return String(value ?? '')
}

const cellText = (language: Language, table: ReportTable, row: ReportRow, key: string) => {
  const column = table.columns.find((c) => c.key === key)!
  const value = row[key]
  if (column.kind === 'money') return formatMoney(Number(value ?? 0), row.currency as Currency, language)
  // Counts are not totalled: the total row leaves them blank.
  if (column.kind === 'number') return value == null ? '' : String(value)
  return textCell(language, key, value)
}

/** The totals as rows of the table itself: "Total" in the first column, the currency in its own. */
const totalRows = (language: Language, table: ReportTable): ReportRow[] =>
  table.totals.map((total) => ({ [table.columns[0].key]: t(language, 'reports.total'), currency: total.currency, ...total.values }) as ReportRow)

export const titleOf = (meta: ReportMeta) => {
  const range = meta.from || meta.to ? ` — ${t(meta.language, 'reports.range', { from: meta.from ? formatDate(meta.from) : '…', to: meta.to ? formatDate(meta.to) : '…' })}` : ''
  return `${t(meta.language, `reports.names.${meta.report}`)}${range}`
}

/** The table as the admin page draws it: the headers, then every row and the totals, as text in the reader's language. */
export const reportText = (table: ReportTable, meta: ReportMeta) => ({
  title: titleOf(meta),
  headers: table.columns.map((c) => header(meta.language, c.key)),
  numeric: table.columns.map((c) => c.kind !== 'text'),
  rows: table.rows.map((row) => table.columns.map((c) => cellText(meta.language, table, row, c.key))),
  totals: totalRows(meta.language, table).map((row) => table.columns.map((c) => cellText(meta.language, table, row, c.key))),
})

export const reportJson = (table: ReportTable, meta: ReportMeta) => ({
  report: meta.report,
  title: titleOf(meta),
  columns: table.columns.map((c) => ({ ...c, label: header(meta.language, c.key) })),
  rows: table.rows,
  totals: table.totals,
})

/** A cell a spreadsheet reads as text: quoted only when it must be, never taken for a formula. */
const csvCell = (value: string, sep: string) => {
  const neutral = /^[=+\-@\t\r]/.test(value) && !/^-\d/.test(value) ? `'${value}` : value
  return neutral.includes(sep) || /["\n\r]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral
}

export const reportCsv = (table: ReportTable, meta: ReportMeta) => {
  const [sep, point] = meta.language === 'en' ? [',', '.'] : [';', ',']
  const line = (row: ReportRow) =>
    table.columns.map((c) => csvCell(c.kind === 'money' ? decimal(Number(row[c.key] ?? 0), point) : c.kind === 'number' ? String(row[c.key] ?? '') : textCell(meta.language, c.key, row[c.key]), sep)).join(sep)
  const lines = [table.columns.map((c) => csvCell(header(meta.language, c.key), sep)).join(sep), ...table.rows.map(line), ...totalRows(meta.language, table).map(line)]
  return `\ufeff${lines.join('\r\n')}\r\n`
}

export const reportXlsx = (table: ReportTable, meta: ReportMeta) =>
  writeWorkbook([
    {
      name: t(meta.language, `reports.names.${meta.report}`),
      title: [meta.school.name, titleOf(meta)],
      columns: table.columns.map((c) => ({ header: header(meta.language, c.key), key: c.key, kind: c.kind === 'text' ? 'text' : 'number' })),
      rows: [...table.rows, ...totalRows(meta.language, table)].map((row) =>
        Object.fromEntries(table.columns.map((c) => [c.key, c.kind === 'money' ? Number(row[c.key] ?? 0) / 100 : c.kind === 'number' ? Number(row[c.key] ?? 0) : textCell(meta.language, c.key, row[c.key])])),
      ),
    },
  ])

/** A4 landscape pages of 30 lines, the header repeated on each, page numbers at the foot. */
export const reportPdf = async (table: ReportTable, meta: ReportMeta) => {
  const title = titleOf(meta)
  const { doc, fonts } = await openDocument(`${meta.school.name} — ${title}`)
  const size: [number, number] = [A4[1], A4[0]]
  const width = size[0] - 2 * margin
  const weights = table.columns.map((c) => (c.kind === 'text' ? (['family', 'students', 'category'].includes(c.key) ? 3 : 1.4) : c.kind === 'number' ? 0.7 : 1.4))
  const unit = width / weights.reduce((a, b) => a + b, 0)
  const columns = table.columns.map((c, i) => ({ title: header(meta.language, c.key), width: weights[i] * unit, align: c.kind === 'text' ? ('left' as const) : ('right' as const) }))
  const body = [
    ...table.rows.map((row) => ({ cells: table.columns.map((c) => cellText(meta.language, table, row, c.key)) })),
    ...totalRows(meta.language, table).map((row) => ({ cells: table.columns.map((c) => cellText(meta.language, table, row, c.key)), bold: true, shade: true })),
  ]
  const perPage = 30
  const pages = Math.max(1, Math.ceil(body.length / perPage))
  for (let p = 0; p < pages; p++) {
    const sheet = new Sheet(doc.addPage(size), fonts)
    const top = size[1] - margin
    letterhead(sheet, meta.school, { code: t(meta.language, 'reports.code'), phone: t(meta.language, 'reports.phone') }, undefined, top)
    sheet.fitted(title, margin, top - 80, width, 13, true)
    const rows = body.slice(p * perPage, (p + 1) * perPage)
    if (!rows.length) sheet.text(t(meta.language, 'reports.empty'), margin, top - 110, 9)
    else sheet.table(columns, rows, top - 92)
    sheet.text(t(meta.language, 'reports.page', { page: p + 1, pages }), margin, margin / 2, 7)
  }
  return doc.save() as Promise<Uint8Array>
}
