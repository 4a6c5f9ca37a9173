/**
 * What every printed document of the school shares (report cards, invoices, receipts): the
 * embedded DejaVu Sans, so accents, « », ’, œ and ₣ print, a page helper for text, tables and
 * paragraphs, the school's letterhead, images and dates as DRC forms write them.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib'

const fontFolder = () => path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf')
let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined
/** Read once per process: the files are 700 kB each and every document embeds a subset of them. */
const loadFonts = () =>
  (fontBytes ??= Promise.all([readFile(path.join(fontFolder(), 'DejaVuSans.ttf')), readFile(path.join(fontFolder(), 'DejaVuSans-Bold.ttf'))]).then(
    ([regular, bold]) => ({ regular, bold }),
  ))

/**
 * pdf-lib parses the whole TTF for every document it embeds it in (fontkit.create), and shapes
 * every string with the OpenType layout engine: most of a card's time, and DejaVu's kerning and
 * substitution tables, once parsed, most of a renderer's memory. The parsed font is read-only,
 * so parse each file once; and map characters to glyphs through the font's cmap alone (text in
 * NFC, so accents are the precomposed glyphs): a school's Latin text needs no ligatures nor
 * kerning, and pdftotext reads "fi" back as two letters. pdf-lib reads only `glyphs` of the run.
 */
type Font = ReturnType<typeof fontkit.create>
const parsed = new WeakMap<Uint8Array, Font>()
const plainLayout = (font: Font) => {
  font.layout = ((text: string) => ({ glyphs: font.glyphsForString(text.normalize('NFC')) })) as unknown as Font['layout']
  return font
}
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create: (data, postscriptName) => {
    if (postscriptName) return fontkit.create(data, postscriptName)
    let font = parsed.get(data)
    if (!font) parsed.set(data, (font = plainLayout(fontkit.create(data))))
    return font
  },
}

export type Fonts = { regular: PDFFont; bold: PDFFont }

/** A new PDF with its title and DejaVu Sans (regular and bold) embedded as subsets. */
export const openDocument = async (title: string) => {
  const bytes = await loadFonts()
  const doc = await PDFDocument.create()
  doc.registerFontkit(cachingFontkit)
  doc.setTitle(title)
  const [regular, bold] = await Promise.all([doc.embedFont(bytes.regular, { subset: true }), doc.embedFont(bytes.bold, { subset: true })])
  return { doc, fonts: { regular, bold } as Fonts }
}

export const A4: [number, number] = [595.28, 841.89]
export const margin = 36
export const contentWidth = A4[0] - 2 * margin
export const ink = rgb(0, 0, 0)
export const grey = rgb(0.88, 0.88, 0.88)

/** "2012-03-09" (or a timestamp) → "09/03/2012", as DRC forms write dates; anything else is printed as given. */
export const formatDate = (value: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value
}

export type Column = { title: string; width: number; align?: 'left' | 'right' | 'center' }
export type Row = { cells: string[]; bold?: boolean; shade?: boolean }

export class Sheet {
  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
  ) {}

  text(value: string, x: number, y: number, size = 9, bold = false) {
    this.page.drawText(value, { x, y, size, font: bold ? this.fonts.bold : this.fonts.regular, color: ink })
  }

  width(value: string, size = 9, bold = false) {
    return (bold ? this.fonts.bold : this.fonts.regular).widthOfTextAtSize(value, size)
  }

  /** Shrinks the text to fit its width rather than overflow into the next cell. */
  fitted(value: string, x: number, y: number, width: number, size: number, bold: boolean, align: Column['align'] = 'left') {
    const natural = this.width(value, size, bold)
    const fittedSize = natural > width ? Math.max(5, (size * width) / natural) : size
    const w = Math.min(natural, width)
    const left = align === 'right' ? x + width - w : align === 'center' ? x + (width - w) / 2 : x
    this.text(value, left, y, fittedSize, bold)
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness = 0.5) {
    this.page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color: ink })
  }

  /**
   * Word-wraps a paragraph, keeping « » with their words; stops with "…" at `floor` so a long
   * text cannot push what follows (signatures, totals) off the page. Returns the y below it.
   */
  paragraph(value: string, x: number, y: number, width: number, floor = 0, size = 9) {
    const words = value.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»').split(/[ \t\n\r]+/).filter(Boolean)
    let current = ''
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word
      if (current && this.width(candidate, size) > width) {
        if (y - size - 3 < floor) {
          this.text(`${current} …`, x, y, size)
          return y - size - 3
        }
        this.text(current, x, y, size)
        y -= size + 3
        current = word
      } else current = candidate
    }
    if (current) this.text(current, x, y, size)
    return y - size - 3
  }

  /** A ruled table with a shaded header; returns the y below it. */
  table(columns: Column[], rows: Row[], top: number, size = 8) {
    const height = size + 6
    const all: Row[] = [{ cells: columns.map((c) => c.title), bold: true, shade: true }, ...rows]
    const right = margin + columns.reduce((sum, c) => sum + c.width, 0)
    let y = top
    for (const row of all) {
      if (row.shade) this.page.drawRectangle({ x: margin, y: y - height, width: right - margin, height, color: grey })
      let x = margin
      columns.forEach((column, i) => {
        const align = i === 0 ? 'left' : row === all[0] ? 'center' : (column.align ?? 'center')
        this.fitted(row.cells[i] ?? '', x + 2, y - height + 4, column.width - 4, size, row.bold ?? false, align)
        x += column.width
      })
      this.line(margin, y, right, y)
      y -= height
    }
    this.line(margin, y, right, y)
    let x = margin
    for (const column of [...columns, null]) {
      this.line(x, top, x, y)
      x += column?.width ?? 0
    }
    return y
  }
}

const isPng = (bytes: Uint8Array) => bytes[0] === 0x89 && bytes[1] === 0x50
export const embedImage = (doc: PDFDocument, bytes: Uint8Array) => (isPng(bytes) ? doc.embedPng(bytes) : doc.embedJpg(bytes))

/** Draws an image scaled to fit a box, keeping its proportions. */
export const drawImage = (page: PDFPage, image: PDFImage, x: number, top: number, width: number, height: number) => {
  const scale = Math.min(width / image.width, height / image.height)
  page.drawImage(image, { x, y: top - image.height * scale, width: image.width * scale, height: image.height * scale })
}

export type PrintedSchool = { name: string; code?: string | null; address?: string | null; city?: string | null; province?: string | null; phone?: string | null }

/**
 * The school's letterhead at the top left: logo, name, address, town and province, code and
 * phone. `words` are the document's own labels for "Code" and "Tel.".
 */
export const letterhead = (sheet: Sheet, school: PrintedSchool, words: { code: string; phone: string }, logo: PDFImage | undefined, top: number) => {
  if (logo) drawImage(sheet.page, logo, margin, top, 56, 56)
  const x = margin + (logo ? 64 : 0)
  const place = [school.city, school.province].filter(Boolean).join(', ')
  const lines = [school.address, place, [school.code && `${words.code} : ${school.code}`, school.phone && `${words.phone} ${school.phone}`].filter(Boolean).join(' — ')]
  sheet.fitted(school.name, x, top - 12, 260, 12, true)
  lines.filter((l): l is string => !!l).forEach((l, i) => sheet.fitted(l, x, top - 26 - i * 11, 260, 9, false))
}
