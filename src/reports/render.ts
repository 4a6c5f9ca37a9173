/**
 * A report's tables in the reader's language: as JSON for the admin, CSV (French: semicolons,
 * decimal commas), .xlsx (amounts as numbers of dollars or francs, a tab per table) and a paged
 * A4 PDF under the school's letterhead, each table's totals at its end. A report of several
 * tables (a class's results: its subjects, then its pupils) gives each its title.
 */
import { decimal, type ReportColumn, type ReportRow, type ReportTable } from '../domain/financeReports'
import { formatMoney, type Currency } from '../domain/money'
import { t, type Language } from '../i18n'
import { writeWorkbook } from '../sheets/write'
import { A4, formatDate, letterhead, margin, openDocument, type PrintedSchool, Sheet } from '../pdf/sheet'

/** `subject`: what the report is about beyond its name (a class), printed after the name. */
export type ReportMeta = { report: string; school: PrintedSchool; from?: string; to?: string; subject?: string; language: Language }
type Tables = ReportTable | ReportTable[]
const listOf = (tables: Tables) => (Array.isArray(tables) ? tables : [tables])

const paymentMethods = ['cash', 'bank', 'card', 'mobileMoney', 'credit']
const header = (language: Language, key: string) => t(language, `reports.columns.${key}`)

/** A text cell as the reader reads it: a method, a status, a pupil's result in words; anything else as given. */
const textCell = (language: Language, key: string, value: unknown) => {
  if (key === 'method' && value === 'expenses') return t(language, 'reports.expensesLine')
  // A total row carries "Total" in this column, already in words.
  if (key === 'method' && paymentMethods.includes(String(value))) return t(language, `options.paymentMethod.${value}`)
  if (key === 'result' && value) return t(language, `reports.results.${value}`)
  return String(value ?? '')
}

const cellText = (language: Language, table: ReportTable, row: ReportRow, key: string) => {
  const column = table.columns.find((c) => c.key === key)!
  const value = row[key]
  if (column.kind === 'money') return formatMoney(Number(value ?? 0), row.currency as Currency, language)
  // Counts are not totalled: the total row leaves them blank.
  if (column.kind === 'number') return value == null ? '' : String(value)
  if (column.kind === 'decimal') return value == null || value === '' ? '' : Number(value).toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 })
  if (column.kind === 'date') return value ? formatDate(String(value)) : ''
  return textCell(language, key, value)
}

/** The totals as rows of the table itself: "Total" in the first column, the currency in its own. */
const totalRows = (language: Language, table: ReportTable): ReportRow[] =>
  table.totals.map(
    (total) => ({ [table.columns[0].key]: t(language, `reports.${total.label ?? 'total'}`), ...(total.currency ? { currency: total.currency } : {}), ...total.values }) as ReportRow,
  )

export const titleOf = (meta: ReportMeta) => {
  const range = meta.from || meta.to ? ` — ${t(meta.language, 'reports.range', { from: meta.from ? formatDate(meta.from) : '…', to: meta.to ? formatDate(meta.to) : '…' })}` : ''
  return `${t(meta.language, `reports.names.${meta.report}`)}${meta.subject ? ` — ${meta.subject}` : ''}${range}`
}

const sectionTitle = (language: Language, table: ReportTable) => (table.title ? t(language, `reports.sections.${table.title}`) : '')

const textOf = (table: ReportTable, language: Language) => ({
  title: sectionTitle(language, table),
  headers: table.columns.map((c) => header(language, c.key)),
  numeric: table.columns.map((c) => !['text', 'date'].includes(c.kind)),
  rows: table.rows.map((row) => table.columns.map((c) => cellText(language, table, row, c.key))),
  totals: totalRows(language, table).map((row) => table.columns.map((c) => cellText(language, table, row, c.key))),
})

/** The table as the admin page draws it: the headers, then every row and the totals, as text in the reader's language. */
export const reportText = (table: ReportTable, meta: ReportMeta) => ({ ...textOf(table, meta.language), title: titleOf(meta) })

/** The tables of a report as the admin page draws them, each under its own title. */
export const reportTexts = (tables: Tables, meta: ReportMeta) => ({ title: titleOf(meta), sections: listOf(tables).map((table) => textOf(table, meta.language)) })

const jsonOf = (table: ReportTable, language: Language) => ({
  columns: table.columns.map((c) => ({ ...c, label: header(language, c.key) })),
  rows: table.rows,
  totals: table.totals,
})

/** One table: its columns, rows and totals; several: each under `sections`, with its title. */
export const reportJson = (tables: Tables, meta: ReportMeta) => ({
  report: meta.report,
  title: titleOf(meta),
  ...(Array.isArray(tables) ? { sections: tables.map((table) => ({ title: table.title ?? null, label: sectionTitle(meta.language, table), ...jsonOf(table, meta.language) })) } : jsonOf(tables, meta.language)),
})

/** A cell a spreadsheet reads as text: quoted only when it must be, never taken for a formula. */
const csvCell = (value: string, sep: string) => {
  const neutral = /^[=+\-@\t\r]/.test(value) && !/^-\d/.test(value) ? `'${value}` : value
  return neutral.includes(sep) || /["\n\r]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral
}

const csvValue = (column: ReportColumn, value: ReportRow[string], language: Language, point: string) => {
  if (column.kind === 'money') return decimal(Number(value ?? 0), point)
  if (column.kind === 'number' || column.kind === 'date') return String(value ?? '')
  if (column.kind === 'decimal') return value == null || value === '' ? '' : String(value).replace('.', point)
  return textCell(language, column.key, value)
}

/** A table's lines; a report of several tables separates them by an empty line, each under its title. */
export const reportCsv = (tables: Tables, meta: ReportMeta) => {
  const [sep, point] = meta.language === 'en' ? [',', '.'] : [';', ',']
  const linesOf = (table: ReportTable) => {
    const line = (row: ReportRow) => table.columns.map((c) => csvCell(csvValue(c, row[c.key], meta.language, point), sep)).join(sep)
    return [
      ...(Array.isArray(tables) ? [csvCell(sectionTitle(meta.language, table), sep)] : []),
      table.columns.map((c) => csvCell(header(meta.language, c.key), sep)).join(sep),
      ...table.rows.map(line),
      ...totalRows(meta.language, table).map(line),
    ]
  }
  const lines = listOf(tables).flatMap((table, i) => [...(i ? [''] : []), ...linesOf(table)])
  return `\ufeff${lines.join('\r\n')}\r\n`
}

const xlsxValue = (column: ReportColumn, value: ReportRow[string], language: Language) => {
  if (column.kind === 'money') return Number(value ?? 0) / 100
  // Counts left out of a total row stay blank, as in the CSV and the PDF.
  if (column.kind === 'number') return value == null ? null : Number(value)
  if (column.kind === 'decimal') return value == null || value === '' ? null : Number(value)
  if (column.kind === 'date') return value ?? null
  return textCell(language, column.key, value)
}

/** A tab per table, named after the report (or the table, when there are several). */
export const reportXlsx = (tables: Tables, meta: ReportMeta) =>
  writeWorkbook(
    listOf(tables).map((table) => ({
      name: table.title && Array.isArray(tables) ? sectionTitle(meta.language, table) : t(meta.language, `reports.names.${meta.report}`),
      title: [meta.school.name, titleOf(meta), ...(Array.isArray(tables) ? [sectionTitle(meta.language, table)] : [])],
      columns: table.columns.map((c) => ({ header: header(meta.language, c.key), key: c.key, kind: c.kind === 'text' ? ('text' as const) : c.kind === 'date' ? ('date' as const) : ('number' as const) })),
      rows: [...table.rows, ...totalRows(meta.language, table)].map((row) => Object.fromEntries(table.columns.map((c) => [c.key, xlsxValue(c, row[c.key], meta.language)]))),
    })),
  )

const weightOf = (c: ReportColumn) => c.width ?? (c.kind === 'text' ? (['family', 'students', 'category'].includes(c.key) ? 3 : 1.4) : c.kind === 'number' ? 0.7 : 1.4)

/** A4 landscape pages of 30 lines, the header repeated on each, page numbers at the foot; each table from a new page. */
export const reportPdf = async (tables: Tables, meta: ReportMeta) => {
  const title = titleOf(meta)
  const { doc, fonts } = await openDocument(`${meta.school.name} — ${title}`)
  const size: [number, number] = [A4[1], A4[0]]
  const width = size[0] - 2 * margin
  const perPage = 30
  const pagesOf = listOf(tables).map((table) => {
    const unit = width / table.columns.map(weightOf).reduce((a, b) => a + b, 0)
    const columns = table.columns.map((c) => ({ title: header(meta.language, c.key), width: weightOf(c) * unit, align: ['text', 'date'].includes(c.kind) ? ('left' as const) : ('right' as const) }))
    const body = [
      ...table.rows.map((row) => ({ cells: table.columns.map((c) => cellText(meta.language, table, row, c.key)) })),
      ...totalRows(meta.language, table).map((row) => ({ cells: table.columns.map((c) => cellText(meta.language, table, row, c.key)), bold: true, shade: true })),
    ]
    const heading = Array.isArray(tables) ? `${title} — ${sectionTitle(meta.language, table)}` : title
    return Array.from({ length: Math.max(1, Math.ceil(body.length / perPage)) }, (_, p) => ({ heading, columns, rows: body.slice(p * perPage, (p + 1) * perPage) }))
  })
  const pages = pagesOf.flat()
  pages.forEach((page, p) => {
    const sheet = new Sheet(doc.addPage(size), fonts)
    const top = size[1] - margin
    letterhead(sheet, meta.school, { code: t(meta.language, 'reports.code'), phone: t(meta.language, 'reports.phone') }, undefined, top)
    sheet.fitted(page.heading, margin, top - 80, width, 13, true)
    if (!page.rows.length) sheet.text(t(meta.language, 'reports.empty'), margin, top - 110, 9)
    else sheet.table(page.columns, page.rows, top - 92)
    sheet.text(t(meta.language, 'reports.page', { page: p + 1, pages: pages.length }), margin, margin / 2, 7)
  })
  return doc.save() as Promise<Uint8Array>
}
