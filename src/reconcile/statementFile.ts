/** An uploaded statement, CSV or .xlsx, as raw rows and as the text kept with the reconciliation. */
import { readSheet } from '../sheets/read'
import { parseCsv, type RawRow } from '../domain/statement'

const isZip = (bytes: Buffer) => bytes.length > 3 && bytes.readUInt32LE(0) === 0x04034b50

const csvCell = (value: unknown) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value && typeof value === 'object' ? `=${(value as { formula?: string }).formula ?? ''}` : String(value ?? '')
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The rows of the file: an .xlsx (by its content, whatever its name) through the sheet reader,
 * anything else read as CSV in UTF-8 (or Windows-1252 when it is not valid UTF-8, as older
 * banking software writes it).
 */
export const readStatementFile = async (bytes: Buffer): Promise<{ rows: RawRow[]; text: string; kind: 'xlsx' | 'csv' }> => {
  if (isZip(bytes)) {
    const { rows } = await readSheet(bytes, { maxRows: 20_000 })
    const text = rows.map((row) => row.cells.map(csvCell).join(';')).join('\n')
    return { rows: rows as RawRow[], text, kind: 'xlsx' }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes)
  }
  return { rows: parseCsv(text), text, kind: 'csv' }
}
