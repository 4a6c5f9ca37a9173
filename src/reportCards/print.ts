import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload, Where } from 'payload'
import type { ID } from '../access/ids'
import type { Language } from '../i18n'
import { renderPool, type RenderPool } from '../pdf/pool'
import { reportCardAssets } from './assets'
import { printable } from './publish'

export type PrintOptions = {
  term: ID
  /** In the order they are printed. */
  classes: ID[]
  student?: ID
  language: Language
  /** The folder the PDFs are written to. */
  out: string
  /** A PDF per pupil (to send each family its own) instead of one per class (to print). */
  each?: boolean
  /** Drafts too, to proofread before publishing; otherwise the published cards only. */
  drafts?: boolean
  /** The threads to render on (kept open afterwards); else a pool of a thread per core for this print. */
  pool?: RenderPool
  onProgress?: (done: number, total: number) => void
}

export type PrintResult = { classes: number; cards: number; files: string[]; bytes: number }

/** A name safe in any file system, readable by a secretary: "5e primaire A" → "5e-primaire-A". */
const fileName = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x'

/**
 * Writes a term's bulletins to a folder, as the system (the operator of the server prints for the
 * school): a PDF per class with its pupils in name order, or with `each` a PDF per pupil in a
 * folder per class. The cards render on every core while the next class is read.
 */
export const printReportCards = async (payload: Payload, options: PrintOptions): Promise<PrintResult> => {
  const pool = options.pool ?? renderPool()
  const result: PrintResult = { classes: 0, cards: 0, files: [], bytes: 0 }
  const pending = new Set<Promise<void>>()
  const write = (file: string, render: Promise<Uint8Array>, pages: number) => {
    const job = render.then(async (pdf) => {
      await writeFile(file, pdf)
      result.files.push(file)
      result.bytes += pdf.length
      result.cards += pages
      options.onProgress?.(result.cards, total)
    })
    pending.add(job)
    job.finally(() => pending.delete(job)).catch(() => {})
  }
  const where = (klass: ID): Where => ({
    and: [
      { class: { equals: klass } },
      { term: { equals: options.term } },
      ...(options.student != null ? [{ student: { equals: options.student } }] : []),
      ...(options.drafts ? [] : [{ status: { equals: 'published' } }]),
    ],
  })
  const total = (
    await payload.count({ collection: 'report-cards', where: { or: options.classes.map(where) }, overrideAccess: true })
  ).totalDocs
  try {
    await mkdir(options.out, { recursive: true })
    for (const klass of options.classes) {
      const { docs } = await payload.find({ collection: 'report-cards', where: where(klass), pagination: false, depth: 0, overrideAccess: true })
      const cards = docs
        .flatMap((card) => {
          const snapshot = printable(card, options.language)
          return snapshot ? [{ card, snapshot }] : []
        })
        .sort((a, b) => a.snapshot.pupil.fullName.localeCompare(b.snapshot.pupil.fullName, 'fr'))
      if (!cards.length) continue
      result.classes++
      const assets = await reportCardAssets(payload, cards.map(({ card }) => card))
      const printed = cards.map(({ snapshot }, i) => ({ snapshot, ...assets[i] }))
      const className = fileName(cards[0].snapshot.className)
      if (options.each) {
        const folder = path.join(options.out, className)
        await mkdir(folder, { recursive: true })
        printed.forEach((card) => write(path.join(folder, `${fileName(`${card.snapshot.pupil.matricule} ${card.snapshot.pupil.fullName}`)}.pdf`), pool.render([card]), 1))
      } else write(path.join(options.out, `${className}.pdf`), pool.render(printed), printed.length)
      // Read ahead while the threads render, but never hold more than a few classes at once.
      while (pending.size > (options.each ? 120 : 4)) await Promise.race(pending)
    }
    await Promise.all(pending)
  } finally {
    if (!options.pool) await pool.close()
  }
  result.files.sort()
  return result
}
