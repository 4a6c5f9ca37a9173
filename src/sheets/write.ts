/**
 * .xlsx files for people to open in Excel: exports and templates to fill in. User data goes in
 * as plain values and never as a formula: a string is a string cell whatever it starts with.
 */
import ExcelJS from 'exceljs'

export type SheetColumn = {
  header: string
  key: string
  width?: number
  /** Unset: numbers as numbers, Dates as dates, anything else as text. */
  kind?: 'text' | 'number' | 'date'
}
export type SheetSpec = { name: string; columns: SheetColumn[]; rows: Record<string, unknown>[]; title?: string[] }

// Excel's Text format: what someone later types or edits in the cell stays text, so
// "=HYPERLINK(…)" is not evaluated and "+243…" is not turned into a number. exceljs 4.4 cannot
// write the quotePrefix flag that a leading apostrophe would set; this format has the same effect.
const textFormat = '@'
const dateFormat = 'dd/mm/yyyy'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** What a cell receives: a number, a Date, a string or nothing; never an object exceljs could take for a formula. */
const cellValue = (value: unknown, kind: SheetColumn['kind']): number | Date | string | null => {
  const date = value instanceof Date ? value : typeof value === 'string' && isoDate.test(value) ? new Date(`${value}T00:00:00Z`) : null
  const validDate = date && !Number.isNaN(date.getTime()) ? date : null
  if (value === null || value === undefined || value === '' || (value instanceof Date && !validDate)) return null
  const as = kind ?? (typeof value === 'number' ? 'number' : value instanceof Date ? 'date' : 'text')
  if (as === 'number' && typeof value === 'number' && Number.isFinite(value)) return value
  if (as === 'date' && validDate) return validDate
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
}

/** Excel refuses these characters in a tab name and cuts it at 31. */
const sheetName = (name: string) =>
  name
    .replace(/[*?:/\\[\]]/g, '-')
    .replace(/^'+|'+$/g, '')
    .slice(0, 31)

const columnWidth = (column: SheetColumn, values: (number | Date | string | null)[]) =>
  column.width ??
  Math.min(50, 2 + values.reduce<number>((widest, value) => Math.max(widest, value instanceof Date ? 10 : String(value ?? '').length), column.header.length))

/** One workbook, a tab per entry: title lines, then a bold frozen header row with filters. */
export const writeWorkbook = async (sheets: SheetSpec[]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook()
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name))
    const rows = sheet.rows.map((record) => sheet.columns.map((column) => cellValue(record[column.key], column.kind)))
    sheet.columns.forEach((column, index) => {
      const target = worksheet.getColumn(index + 1)
      target.width = columnWidth(column, rows.map((row) => row[index]))
      if (column.kind === 'text') target.numFmt = textFormat
      if (column.kind === 'date') target.numFmt = dateFormat
    })
    for (const line of sheet.title ?? []) worksheet.addRow([line])
    const header = worksheet.addRow(sheet.columns.map((column) => column.header))
    header.font = { bold: true }
    for (const values of rows) {
      worksheet.addRow(values).eachCell((cell) => {
        if (typeof cell.value === 'string') cell.numFmt = textFormat
        if (cell.value instanceof Date) cell.numFmt = dateFormat
      })
    }
    worksheet.views = [{ state: 'frozen', ySplit: header.number }]
    worksheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number + rows.length, column: sheet.columns.length } }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
