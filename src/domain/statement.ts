/**
 * A bank or mobile-money statement as banks of the DRC export it: a few title lines, then a
 * header row in French or English (Date, Montant/Amount or Crédit/Débit, Devise/Currency,
 * Référence/Reference, Téléphone/Phone, Libellé/Description), amounts with French or English
 * decimals ("1 234,50", "1,234.50"), dates as dd/mm/yyyy or ISO. Every bad cell is reported
 * with its row and column; a statement with one is refused whole.
 */
import { isCurrency, type Currency } from './money'
import type { StatementLine } from './reconciliation'

export type Cell = string | number | boolean | Date | null | { formula: string; result?: unknown }
export type RawRow = { number: number; cells: Cell[] }

export const statementColumns = ['date', 'amount', 'credit', 'debit', 'currency', 'reference', 'phone', 'description'] as const
export type StatementColumn = (typeof statementColumns)[number]

export type StatementErrorCode = 'noHeader' | 'noLines' | 'badDate' | 'badAmount' | 'badCurrency' | 'noCurrency' | 'formula' | 'tooManyDecimals'
/** `column` is the header as the file writes it, `row` the file's row number. */
export type StatementError = { row: number; column: string; code: StatementErrorCode; value: string }

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[.:()*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

const aliases: Record<StatementColumn, string[]> = {
  date: ['date', 'date operation', 'date de l operation', 'date transaction', 'transaction date', 'date valeur', 'value date', 'booking date'],
  amount: ['montant', 'amount', 'montant transaction', 'transaction amount', 'somme'],
  credit: ['credit', 'credits', 'entree', 'entrees', 'money in', 'paid in'],
  debit: ['debit', 'debits', 'sortie', 'sorties', 'money out', 'paid out', 'withdrawn'],
  currency: ['devise', 'currency', 'monnaie', 'ccy'],
  reference: ['reference', 'ref', 'ref transaction', 'transaction id', 'id transaction', 'numero de transaction', 'transaction reference', 'txn id'],
  phone: ['telephone', 'phone', 'tel', 'msisdn', 'numero', 'numero de telephone', 'phone number', 'mobile'],
  description: ['libelle', 'description', 'motif', 'narration', 'details', 'detail', 'communication', 'memo'],
}

const columnOf = (header: string): StatementColumn | undefined => {
  const key = plain(header)
  return statementColumns.find((column) => aliases[column].includes(key))
}

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'object' ? '' : String(cell).trim())

type Header = { row: number; columns: Map<StatementColumn, { index: number; header: string }> }

/** The first row, among the first twenty, that names a date and an amount (or credit/debit) column. */
const findHeader = (rows: RawRow[]): Header | undefined => {
  for (const row of rows.slice(0, 20)) {
    const columns = new Map<StatementColumn, { index: number; header: string }>()
    row.cells.forEach((cell, index) => {
      const column = columnOf(text(cell))
      if (column && !columns.has(column)) columns.set(column, { index, header: text(cell) })
    })
    if (columns.has('date') && (columns.has('amount') || columns.has('credit') || columns.has('debit'))) return { row: row.number, columns }
  }
  return undefined
}

const validDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 2000 && y <= 2100
}
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

/** dd/mm/yyyy (or - .), yyyy-mm-dd (a time may follow), a spreadsheet date or an Excel serial day. */
export const parseDay = (cell: Cell): string | undefined => {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10)
  if (typeof cell === 'number') {
    // Excel counts days from 1899-12-30.
    if (!Number.isInteger(cell) || cell < 36_526 || cell > 73_051) return undefined
    return new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10)
  }
  const value = text(cell)
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$/.exec(value)
  if (french) {
    const [d, m, y] = [Number(french[1]), Number(french[2]), Number(french[3])]
    return validDay(y, m, d) ? iso(y, m, d) : undefined
  }
  const isoDay = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s].*)?$/.exec(value)
  if (isoDay) {
    const [y, m, d] = [Number(isoDay[1]), Number(isoDay[2]), Number(isoDay[3])]
    return validDay(y, m, d) ? iso(y, m, d) : undefined
  }
  return undefined
}

/**
 * "1 234,50", "1.234,50", "1,234.50", "-25", "(25,00)", "25,00 $" → minor units, without a
 * float. The last separator followed by one or two digits is the decimal one; one followed by
 * three is a thousands separator. More than two decimals is refused.
 */
export const parseAmount = (cell: Cell): number | 'decimals' | undefined => {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return undefined
    const cents = Math.round(cell * 100)
    return Math.abs(cents - cell * 100) > 1e-6 ? 'decimals' : Number.isSafeInteger(cents) ? cents : undefined
  }
  let value = text(cell).replace(/[\s\u00a0\u202f']/g, '').replace(/(US\$|\$US|USD|CDF|FC|\$)/gi, '')
  if (!value) return undefined
  let negative = false
  if (/^\(.*\)$/.test(value)) [negative, value] = [true, value.slice(1, -1)]
  if (/^[-+]/.test(value)) [negative, value] = [negative || value[0] === '-', value.slice(1)]
  if (/-$/.test(value)) [negative, value] = [true, value.slice(0, -1)]
  if (!/^[\d.,]+$/.test(value) || !/\d/.test(value)) return undefined
  const last = Math.max(value.lastIndexOf(','), value.lastIndexOf('.'))
  let whole = value
  let fraction = ''
  if (last >= 0) {
    const after = value.slice(last + 1)
    const before = value.slice(0, last)
    const separator = value[last]
    const other = separator === ',' ? '.' : ','
    if (after.length === 3 && !before.includes(other) && /^\d{1,3}([.,]\d{3})*$/.test(value)) whole = value
    else if (after.length > 2 && !before.includes(separator)) return 'decimals'
    else [whole, fraction] = [before, after]
  }
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(whole)) return undefined
  const digits = whole.replace(/[.,]/g, '')
  const minor = Number(digits) * 100 + Number(fraction.padEnd(2, '0') || '0')
  if (!Number.isSafeInteger(minor)) return undefined
  return negative ? -minor : minor
}

const currencyAliases: Record<string, Currency> = { usd: 'USD', $: 'USD', 'us$': 'USD', '$us': 'USD', dollar: 'USD', dollars: 'USD', cdf: 'CDF', fc: 'CDF', franc: 'CDF', francs: 'CDF', 'franc congolais': 'CDF' }

export const parseCurrency = (cell: Cell): Currency | undefined => {
  const value = text(cell)
  if (isCurrency(value.toUpperCase())) return value.toUpperCase() as Currency
  return currencyAliases[plain(value)]
}

export type ParsedStatement = { lines: StatementLine[]; errors: StatementError[] }

/** The statement's lines, or every error found (blank rows and rows without an amount are skipped as subtotals). */
export const parseStatementRows = (rows: RawRow[], defaultCurrency?: Currency): ParsedStatement => {
  const header = findHeader(rows)
  if (!header) return { lines: [], errors: [{ row: rows[0]?.number ?? 1, column: '', code: 'noHeader', value: '' }] }
  const col = (name: StatementColumn) => header.columns.get(name)
  const lines: StatementLine[] = []
  const errors: StatementError[] = []
  for (const row of rows.filter((r) => r.number > header.row)) {
    const cell = (name: StatementColumn) => {
      const at = col(name)
      return at ? row.cells[at.index] ?? null : null
    }
    if (row.cells.every((c) => text(c) === '' && !(c && typeof c === 'object' && 'formula' in c))) continue
    const fail = (name: StatementColumn | '', code: StatementErrorCode, value = '') => errors.push({ row: row.number, column: name ? (col(name)?.header ?? name) : '', code, value })
    // A formula's result is what Excel computed, not what the bank wrote: refused like the class-list import does.
    const formula = statementColumns.find((name) => {
      const c = cell(name)
      return c !== null && typeof c === 'object' && !(c instanceof Date)
    })
    if (formula) {
      fail(formula, 'formula')
      continue
    }
    const amountOf = (name: StatementColumn) => {
      const raw = cell(name)
      if (text(raw) === '') return 0
      const parsed = parseAmount(raw)
      if (parsed === undefined || parsed === 'decimals') fail(name, parsed === 'decimals' ? 'tooManyDecimals' : 'badAmount', text(raw))
      return typeof parsed === 'number' ? parsed : null
    }
    const hasAmount = ['amount', 'credit', 'debit'].some((name) => text(cell(name as StatementColumn)) !== '')
    const dateText = text(cell('date'))
    // Totals and balance lines ("Solde", "Total") carry no amount in the columns read, nor a date.
    if (!hasAmount && !parseDay(cell('date') as Cell)) continue
    const before = errors.length
    const date = parseDay(cell('date') as Cell)
    if (!date) fail('date', 'badDate', dateText)
    let amount: number | null = null
    if (col('amount')) amount = amountOf('amount')
    else {
      const [credit, debit] = [amountOf('credit'), amountOf('debit')]
      amount = credit === null || debit === null ? null : Math.abs(credit) - Math.abs(debit)
    }
    if (!hasAmount) fail(col('amount') ? 'amount' : 'credit', 'badAmount', '')
    let currency: Currency | undefined = defaultCurrency
    if (col('currency') && text(cell('currency')) !== '') {
      currency = parseCurrency(cell('currency'))
      if (!currency) fail('currency', 'badCurrency', text(cell('currency')))
    } else if (!currency) fail(col('currency') ? 'currency' : '', 'noCurrency')
    if (errors.length > before || amount === null || !date || !currency) continue
    lines.push({ row: row.number, date, amount, currency, reference: text(cell('reference')) || null, phone: text(cell('phone')) || null, description: text(cell('description')) || null })
  }
  if (!errors.length && !lines.length) errors.push({ row: header.row, column: '', code: 'noLines', value: '' })
  return { lines, errors }
}

/**
 * CSV as spreadsheets and banks write it: comma, semicolon or tab separated (the one the header
 * row uses most), quoted fields with doubled quotes, CRLF or LF, a UTF-8 byte order mark.
 */
export const parseCsv = (input: string): RawRow[] => {
  const source = input.replace(/^\ufeff/, '')
  const firstLines = source.split(/\r?\n/).slice(0, 20)
  const count = (line: string, ch: string) => line.split(ch).length - 1
  const delimiter = [';', ',', '\t'].map((ch) => ({ ch, n: Math.max(0, ...firstLines.map((l) => count(l, ch))) })).sort((a, b) => b.n - a.n)[0].ch
  const rows: RawRow[] = []
  let cells: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let start = 1
  const endRow = () => {
    cells.push(field)
    if (cells.some((c) => c.trim() !== '')) rows.push({ number: start, cells })
    ;[cells, field, start] = [[], '', line]
  }
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') [field, i] = [field + '"', i + 1]
      else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        field += ch
      }
    } else if (ch === '"' && field.trim() === '') [quoted, field] = [true, '']
    else if (ch === delimiter) [cells, field] = [[...cells, field], '']
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++
      line++
      endRow()
    } else field += ch
  }
  if (field !== '' || cells.length) endRow()
  return rows
}
