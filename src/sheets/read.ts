/**
 * One sheet of an .xlsx file as plain rows, through exceljs' streaming reader so that a huge
 * file stops at the row limit instead of filling memory. Formula cells come out as markers,
 * never as their cached results: an import must not take a figure Excel computed for a typed one.
 */
import { readFile, stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { FormulaCell, SheetRow } from '../domain/classList'
import { SheetError } from './errors'

export type CellValue = string | number | boolean | Date | FormulaCell | null
export type ReadOptions = {
  /** Non-empty rows allowed, title and header lines included. */
  maxRows?: number
  maxBytes?: number
  /** A sheet name (any case) or a 0-based position among the tabs; the first visible tab by default. */
  sheet?: string | number
}

export const readSheet = async (input: Buffer | string, options: ReadOptions = {}): Promise<{ sheetName: string; rows: SheetRow<CellValue>[] }> => {
  const { maxRows = 10_000, maxBytes = 10 * 1024 * 1024, sheet } = options
  const bytes = await fileBytes(input, maxBytes)
  let stream: Readable | undefined
  try {
    const { parts, directory } = workbookParts(bytes)
    // The central directory still ends the stream: the reader fails on a zip that stops short of it.
    stream = Readable.from([...parts.map((part) => bytes.subarray(part.start, part.end)), bytes.subarray(directory)])
    return await readRows(stream, parts.filter((part) => part.rank === sheetRank).map((part) => part.name), sheet, maxRows)
  } catch (error) {
    throw error instanceof SheetError ? error : new SheetError('corrupt', {}, { cause: error })
  } finally {
    stream?.destroy()
  }
}

const megabytes = (bytes: number) => Math.round(bytes / 104_857.6) / 10

const fileBytes = async (input: Buffer | string, maxBytes: number) => {
  const size = typeof input === 'string' ? (await stat(input)).size : input.length
  if (size > maxBytes) throw new SheetError('tooLarge', { size: megabytes(size), max: megabytes(maxBytes) })
  return typeof input === 'string' ? readFile(input) : input
}

// exceljs' streaming reader handles members in the order they come. In another order than its
// own (LibreOffice writes the shared strings before the sheets and the workbook last) it fails
// or reads dates as numbers, so the members it needs are handed over in this order.
const leading = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']
const sheetRank = leading.length
const rank = (name: string) => {
  const index = leading.indexOf(name)
  return index >= 0 ? index : /^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? sheetRank : -1
}

const signature = { local: 0x04034b50, central: 0x02014b50, end: Buffer.from([0x50, 0x4b, 0x05, 0x06]) }

/** The zip members exceljs needs, as byte ranges of their local records, from the central directory. */
const workbookParts = (bytes: Buffer) => {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== signature.local) throw new SheetError('notXlsx')
  // A cut-off upload loses the directory at the end of the file.
  const end = bytes.lastIndexOf(signature.end)
  if (end < 0 || end + 22 > bytes.length) throw new SheetError('corrupt')
  const count = bytes.readUInt16LE(end + 10)
  const directory = bytes.readUInt32LE(end + 16)
  const members: { name: string; start: number }[] = []
  for (let i = 0, at = directory; i < count; i++) {
    if (bytes.readUInt32LE(at) !== signature.central) throw new SheetError('corrupt')
    const nameLength = bytes.readUInt16LE(at + 28)
    members.push({ name: bytes.toString('utf8', at + 46, at + 46 + nameLength), start: bytes.readUInt32LE(at + 42) })
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
  }
  if (!members.some((member) => member.name === 'xl/workbook.xml')) throw new SheetError('notXlsx')
  const starts = [...members.map((member) => member.start), directory].sort((a, b) => a - b)
  const parts = members
    .map((member) => ({ ...member, end: starts[starts.indexOf(member.start) + 1], rank: rank(member.name) }))
    .filter((part) => part.rank >= 0 && part.start < directory && bytes.readUInt32LE(part.start) === signature.local)
    .sort((a, b) => a.rank - b.rank)
  return { parts, directory }
}

type Book = {
  model?: { sheets?: { name: string; state?: string; rId: string }[] }
  workbookRels?: { Id: string; Target: string }[]
}

/** The tab asked for: by name whatever the case, by position, or the first visible one. */
const pick = (sheets: NonNullable<Book['model']>['sheets'] = [], wanted?: string | number) =>
  typeof wanted === 'string'
    ? sheets.find((sheet) => sheet.name.toLowerCase() === wanted.trim().toLowerCase())
    : typeof wanted === 'number'
      ? sheets[wanted]
      : sheets.find((sheet) => !sheet.state || sheet.state === 'visible')

/** The zip member holding a tab. Targets are relative to xl/ ("worksheets/sheet1.xml") or absolute (openpyxl). */
const memberOf = (book: Book, rId: string) => {
  const target = book.workbookRels?.find((rel) => rel.Id === rId)?.Target ?? ''
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`
}

// Sheets come out in the order of `sheetMembers`; exceljs' own naming misses absolute targets.
const readRows = async (stream: Readable, sheetMembers: string[], wanted: string | number | undefined, maxRows: number) => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' })
  const book = reader as unknown as Book
  let index = 0
  for await (const worksheet of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
    const target = pick(book.model?.sheets, wanted)
    if (!target) break
    if (memberOf(book, target.rId) === sheetMembers[index++]) return { sheetName: target.name, rows: await collect(worksheet, maxRows) }
  }
  if (wanted === undefined) throw new SheetError('empty')
  throw new SheetError('noSuchSheet', { sheet: wanted, sheets: (book.model?.sheets ?? []).map((sheet) => sheet.name).join(', ') })
}

const blank = (value: CellValue) => value === null || (typeof value === 'string' && value.trim() === '')

const collect = async (worksheet: AsyncIterable<ExcelJS.Row>, maxRows: number) => {
  const rows: SheetRow<CellValue>[] = []
  for await (const row of worksheet) {
    const values = row.values as unknown[] // from index 1, with holes
    const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, column) => plain(values[column + 1]))
    while (cells.length && blank(cells[cells.length - 1])) cells.pop()
    if (!cells.length) continue
    if (rows.length === maxRows) throw new SheetError('tooManyRows', { max: maxRows })
    rows.push({ number: row.number, cells })
  }
  if (!rows.length) throw new SheetError('empty')
  return rows
}

/** A cell as a plain value; hyperlinks already arrive as their text, error cells (#N/A) as null. */
const plain = (value: unknown): CellValue => {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  if (typeof value !== 'object') return null
  // Cells sharing a formula written once above them come with an empty one.
  if ('formula' in value) return { formula: String(value.formula), result: (value as { result?: unknown }).result }
  if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join('')
  // A shared string the file's table does not hold.
  if ('sharedString' in value) throw new SheetError('corrupt')
  return null
}
