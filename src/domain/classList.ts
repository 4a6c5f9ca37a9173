/**
 * Reading the class lists schools send (Excel sheets typed by hand): which column is which,
 * and the names, sexes, dates and phone numbers as people write them. Pure: the import glues
 * these to exceljs and Payload.
 */

export const classListFields = [
  'matricule',
  'lastName',
  'postName',
  'firstName',
  'sex',
  'birthPlace',
  'birthDate',
  'class',
  'guardianName',
  'guardianPhone',
  'guardianEmail',
] as const
export type ClassListField = (typeof classListFields)[number]

/** Lower case, no accents, no punctuation, "(e)" dropped: "Né(e) le" and "NEE LE" read alike. */
export const normaliseHeader = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\(e\)/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

// French first, as schools write them; English too, so a list exported in English reads back.
const synonyms: Record<ClassListField, string[]> = {
  matricule: ['matricule', 'numero permanent', 'n permanent', 'no permanent', 'num matricule', 'n matricule', 'no matricule'],
  lastName: ['nom', 'nom de famille', 'surname', 'last name'],
  postName: ['post nom', 'postnom', 'postnoms', 'post name', 'postname'],
  firstName: ['prenom', 'prenoms', 'first name'],
  sex: ['sexe', 'genre', 's', 'sex', 'gender'],
  birthPlace: ['lieu de naissance', 'ne a', 'lieu naissance', 'lieu', 'place of birth', 'birth place'],
  birthDate: ['date de naissance', 'ne le', 'date naissance', 'naissance', 'date of birth', 'birth date'],
  class: ['classe', 'class'],
  guardianName: ['tuteur', 'nom du tuteur', 'nom tuteur', 'parent', 'nom du parent', 'parent tuteur', 'guardian', 'guardian name'],
  guardianPhone: ['tel tuteur', 'telephone tuteur', 'tel du tuteur', 'telephone du tuteur', 'telephone', 'tel', 'phone', 'contact', 'guardian phone'],
  guardianEmail: ['e mail tuteur', 'email tuteur', 'e mail du tuteur', 'courriel tuteur', 'e mail', 'email', 'courriel', 'guardian e mail', 'guardian email'],
}
const byHeader = new Map(Object.entries(synonyms).flatMap(([field, names]) => names.map((name) => [name, field as ClassListField])))

export const headerField = (text: unknown): ClassListField | null =>
  typeof text === 'string' ? (byHeader.get(normaliseHeader(text)) ?? null) : null

/**
 * The header row: the first row (of the first 20) naming at least three known columns, one of
 * them the surname or the matricule. Title blocks above it are skipped; unknown columns ignored.
 */
export const findHeaderRow = (rows: unknown[][]): { index: number; columns: Map<number, ClassListField> } | null => {
  for (const [index, row] of rows.slice(0, 20).entries()) {
    const columns = new Map<number, ClassListField>()
    row.forEach((cell, column) => {
      const field = headerField(cell)
      if (field && ![...columns.values()].includes(field)) columns.set(column, field)
    })
    const found = [...columns.values()]
    if (found.length >= 3 && (found.includes('lastName') || found.includes('matricule'))) return { index, columns }
  }
  return null
}

/** A Congolese phone number in E.164 (+243 and nine digits), whatever way it was written. */
export const normalisePhone = (raw: unknown): string | null => {
  if (raw === null || raw === undefined || raw === '') return null
  let digits = String(raw).replace(/[^\d+]/g, '')
  if (digits.startsWith('+')) digits = digits.slice(1)
  else if (digits.startsWith('00')) digits = digits.slice(2)
  if (digits.startsWith('243') && digits.length === 12) return `+${digits}`
  if (digits.startsWith('0') && digits.length === 10) return `+243${digits.slice(1)}`
  if (/^[89]\d{8}$/.test(digits)) return `+243${digits}`
  return null
}

const iso = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day))
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return real && year >= 1900 && year <= 2100 ? date.toISOString().slice(0, 10) : null
}

/**
 * A date as YYYY-MM-DD from what a sheet holds: an Excel date (a Date, or a serial number),
 * "jj/mm/aaaa" (also with - or .) or "aaaa-mm-jj". Impossible dates (13th month) are null.
 */
export const parseDate = (value: unknown): string | null => {
  if (value instanceof Date) return iso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1) return null
    // Excel counts days from 1899-12-30 (it keeps Lotus' phantom 29 February 1900).
    return parseDate(new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000))
  }
  if (typeof value !== 'string') return null
  const text = value.trim()
  const french = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/)
  if (french) return iso(Number(french[3]), Number(french[2]), Number(french[1]))
  const international = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/)
  if (international) return iso(Number(international[1]), Number(international[2]), Number(international[3]))
  return null
}

/** "M", "Masculin", "garçon", "H"… → M; "F", "Féminin", "fille"… → F. */
export const parseSex = (value: unknown): 'M' | 'F' | null => {
  if (typeof value !== 'string') return null
  const text = normaliseHeader(value)
  if (['m', 'masculin', 'garcon', 'h', 'homme', 'male'].includes(text)) return 'M'
  if (['f', 'feminin', 'fille', 'femme', 'female'].includes(text)) return 'F'
  return null
}

/** A sheet row as read from a file: its number in the sheet (for messages) and its cells from column A. */
export type SheetRow<Cell = unknown> = { number: number; cells: Cell[] }

/** How the sheet reader hands over a formula cell: never its cached result in place of a value. */
export type FormulaCell = { formula: string; result: unknown }

export const isFormula = (value: unknown): value is FormulaCell =>
  typeof value === 'object' && value !== null && 'formula' in value

/** A problem with one cell (or a whole row, or the sheet at row 0), as a code for the translations. */
export type RowError<Field extends string = string> = {
  row: number
  /** The header as the sheet writes it, e.g. "Né(e) le". */
  column?: string
  field?: Field
  code: string
  params?: Record<string, string | number>
}

const dateText = (date: Date) => (Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10))

/** A cell as text: trimmed, runs of spaces (also non-breaking) made one; empty is null. */
export const cellText = (value: unknown): string | null => {
  if (value === null || value === undefined || isFormula(value)) return null
  const text = (value instanceof Date ? dateText(value) : String(value)).replace(/\s+/g, ' ').trim()
  return text === '' ? null : text
}

/** A cell's value for an error message, as the user typed it. */
export const rawValue = (value: unknown): string | number =>
  typeof value === 'number' ? value : value instanceof Date ? dateText(value) : String(value ?? '').trim()

/** Remembers the row that first used each key and answers it for the later ones (null the first time). */
export const firstUse = () => {
  const seen = new Map<string, number>()
  return (key: string, row: number): number | null => {
    const first = seen.get(key)
    if (first === undefined) seen.set(key, row)
    return first ?? null
  }
}

export type ClassListRecord = {
  row: number
  matricule: string
  lastName: string
  postName?: string
  firstName?: string
  sex: 'M' | 'F'
  /** YYYY-MM-DD */
  birthDate?: string
  birthPlace?: string
  class?: string
  guardian?: { name?: string; phone?: string; email?: string }
}

const required: ClassListField[] = ['matricule', 'lastName', 'sex']
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * A class list read from a sheet: the records ready to import and, for every other row, each
 * field that stops it. Rows where every known column is empty are skipped (templates often
 * number 60 lines in advance). The first row using a matricule keeps it; later ones are refused.
 */
export const parseClassList = (
  rows: SheetRow[],
): { headerRow: number; columns: ClassListField[]; records: ClassListRecord[]; errors: RowError<ClassListField>[] } => {
  const header = findHeaderRow(rows.map((row) => row.cells))
  if (!header) return { headerRow: 0, columns: [], records: [], errors: [{ row: 0, code: 'noHeader' }] }
  const headerRow = rows[header.index].number
  const columns = [...header.columns.values()]
  const missing = required.filter((field) => !columns.includes(field))
  if (missing.length) return { headerRow, columns, records: [], errors: missing.map((field) => ({ row: headerRow, field, code: 'missingColumn' })) }

  const headerText = new Map([...header.columns].map(([column, field]) => [field, cellText(rows[header.index].cells[column]) ?? '']))
  const matriculeFirstRow = firstUse()
  const records: ClassListRecord[] = []
  const errors: RowError<ClassListField>[] = []

  for (const { number: row, cells } of rows.slice(header.index + 1)) {
    const rowErrors: RowError<ClassListField>[] = []
    const fail = (field: ClassListField, code: string, params?: RowError['params']) =>
      rowErrors.push({ row, column: headerText.get(field), field, code, ...(params && { params }) })
    const values: Partial<Record<ClassListField, unknown>> = {}
    for (const [column, field] of header.columns) {
      const value = cells[column]
      if (isFormula(value)) fail(field, 'formula', { formula: value.formula })
      else if (cellText(value) !== null) values[field] = value
    }
    if (!rowErrors.length && !Object.keys(values).length) continue

    const text = (field: ClassListField) => cellText(values[field]) ?? undefined
    for (const field of required) if (values[field] === undefined && !rowErrors.some((e) => e.field === field)) fail(field, 'required')

    const matricule = text('matricule')
    const firstRow = matricule === undefined ? null : matriculeFirstRow(matricule, row)
    if (firstRow !== null) fail('matricule', 'duplicateMatricule', { matricule: matricule!, firstRow })
    const sex = parseSex(values.sex)
    if (values.sex !== undefined && !sex) fail('sex', 'invalidSex', { value: rawValue(values.sex) })
    const birthDate = values.birthDate === undefined ? undefined : parseDate(values.birthDate)
    if (birthDate === null) fail('birthDate', 'invalidDate', { value: rawValue(values.birthDate) })
    const phone = values.guardianPhone === undefined ? undefined : normalisePhone(values.guardianPhone)
    if (phone === null) fail('guardianPhone', 'invalidPhone', { value: rawValue(values.guardianPhone) })
    const email = text('guardianEmail')?.toLowerCase()
    if (email !== undefined && !emailPattern.test(email)) fail('guardianEmail', 'invalidEmail', { value: rawValue(values.guardianEmail) })

    if (rowErrors.length) {
      errors.push(...rowErrors)
      continue
    }
    const guardian = defined({ name: text('guardianName'), phone: phone ?? undefined, email })
    records.push(
      defined({
        row,
        matricule: matricule!,
        lastName: text('lastName')!.toLocaleUpperCase('fr'),
        postName: text('postName'),
        firstName: text('firstName'),
        sex: sex!,
        birthDate: birthDate ?? undefined,
        birthPlace: text('birthPlace'),
        class: text('class'),
        guardian: Object.keys(guardian).length ? guardian : undefined,
      }),
    )
  }
  return { headerRow, columns, records, errors }
}

/** The object without its undefined keys, so a record holds only what the sheet gave. */
const defined = <T extends object>(object: T): T =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T
