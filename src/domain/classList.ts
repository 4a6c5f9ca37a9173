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

const synonyms: Record<ClassListField, string[]> = {
  matricule: ['matricule', 'numero permanent', 'n permanent', 'no permanent', 'num matricule', 'n matricule', 'no matricule'],
  lastName: ['nom', 'nom de famille'],
  postName: ['post nom', 'postnom', 'postnoms'],
  firstName: ['prenom', 'prenoms'],
  sex: ['sexe', 'genre', 's'],
  birthPlace: ['lieu de naissance', 'ne a', 'lieu naissance', 'lieu'],
  birthDate: ['date de naissance', 'ne le', 'date naissance', 'naissance'],
  class: ['classe'],
  guardianName: ['tuteur', 'nom du tuteur', 'nom tuteur', 'parent', 'nom du parent', 'parent tuteur'],
  guardianPhone: ['tel tuteur', 'telephone tuteur', 'tel du tuteur', 'telephone du tuteur', 'telephone', 'tel', 'phone', 'contact'],
  guardianEmail: ['e mail tuteur', 'email tuteur', 'e mail du tuteur', 'courriel tuteur', 'e mail', 'email', 'courriel'],
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
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10)
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1) return null
    // Excel counts days from 1899-12-30 (it keeps Lotus' phantom 29 February 1900).
    return new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000).toISOString().slice(0, 10)
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
