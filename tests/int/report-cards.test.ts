/** Report cards: generated as drafts from the class results, published, and served as PDF only to their readers. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { demoAccounts, otherAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { download } from '../support/download'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let secretariat: string
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  secretariat = await tokenFor(payload, demoAccounts.secretariat)
})
afterAll(closeTestPayload)

/** The images a PDF holds, as `pdfimages -list` reads them. */
const imagesOf = (pdf: Buffer) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kelasi-card-')), 'card.pdf')
  writeFileSync(file, pdf)
  const rows = spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean)
  const unique = new Map(rows.map((row) => row.trim().split(/\s+/)).map((cells) => [cells[10], { width: Number(cells[3]), height: Number(cells[4]) }]))
  return [...unique.values()]
}

const textOf = (pdf: Buffer) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kelasi-card-')), 'card.pdf')
  writeFileSync(file, pdf)
  return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout
}

describe('report cards', () => {
  it('generates a class’s drafts for a term, then refreshes them without duplicates', async () => {
    const body = { class: fx.classes.self.id, term: fx.terms.main.id }
    const first = await rest('POST', '/report-cards/generate', { token: secretariat, body })
    expect(first.status).toBe(200)
    const counts = first.body
    const pupils = (await payload.count({ collection: 'enrollments', where: { class: { equals: fx.classes.self.id }, status: { equals: 'active' } } })).totalDocs
    // The class's cards: one published by the fixtures (kept), the others created as drafts.
    expect(counts.created + counts.keptPublished + counts.updated).toBe(pupils)
    const again = (await rest('POST', '/report-cards/generate', { token: secretariat, body })).body
    expect(again).toEqual({ created: 0, updated: counts.created + counts.updated, keptPublished: counts.keptPublished })
    const cards = await payload.find({ collection: 'report-cards', where: { class: { equals: fx.classes.self.id }, term: { equals: fx.terms.main.id } }, pagination: false, depth: 0 })
    expect(cards.totalDocs).toBe(pupils)
  })

  it('freezes the figures of the class results, and the PDF prints them for the pupil’s family', async () => {
    // Grâce's P1 card is published in the fixtures with no figures: regenerate it as a draft, then publish.
    await payload.update({ collection: 'report-cards', id: fx.reportCards.childA.id, data: { status: 'draft' } })
    await rest('POST', '/report-cards/generate', { token: secretariat, body: { class: fx.classes.taught.id, term: fx.terms.main.id } })
    await payload.update({ collection: 'report-cards', id: fx.reportCards.childA.id, data: { status: 'published' } })
    const saved = await payload.findByID({ collection: 'report-cards', id: fx.reportCards.childA.id, depth: 0 })
    const snapshot = saved.snapshot as { figures: { scheme: string; percentage: number; rank: number; lines: { subject: string }[] }; pupil: { fullName: string } }
    const results = (await rest('GET', `/classes/${fx.classes.taught.id}/results?term=${fx.terms.main.id}`, { token: secretariat })).body
    const line = results.students.find((s: { student: number }) => s.student === fx.students.childA.id)
    expect(snapshot.figures).toMatchObject({ scheme: 'rdc', percentage: line.percentage, rank: line.rank })

    const parent = await tokenFor(payload, demoAccounts.parent)
    const answer = await download(`/report-cards/${fx.reportCards.childA.id}/pdf`, { token: parent })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/pdf')
    const text = textOf(answer.data)
    expect(text).toContain(snapshot.pupil.fullName)
    for (const subject of snapshot.figures.lines.map((l) => l.subject)) expect(text).toContain(subject)
    expect(text).toContain(`${String(line.percentage).replace('.', ',')} %`)

    const stranger = await tokenFor(payload, otherAccounts.parent)
    expect([403, 404]).toContain((await download(`/report-cards/${fx.reportCards.childA.id}/pdf`, { token: stranger })).status)
    expect((await download(`/report-cards/${fx.reportCards.childADraft.id}/pdf`, { token: parent })).status).toBe(404)
  })

  it('prints the school’s logo and the pupil’s photo, as uploaded, on the card and the class PDF', async () => {
    const picture = async (name: string, width: number, height: number, format: 'png' | 'jpeg') => {
      const data = await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } })[format]().toBuffer()
      return payload.create({ collection: 'media', data: { school: fx.schools.main.id, alt: name }, file: { data, mimetype: `image/${format}`, name: `${name}-${Date.now()}.${format}`, size: data.length }, overrideAccess: true })
    }
    const [logo, photo] = await Promise.all([picture('logo', 900, 600, 'png'), picture('photo', 1200, 1600, 'jpeg')])
    await payload.update({ collection: 'schools', id: fx.schools.main.id, data: { logo: logo.id } })
    await payload.update({ collection: 'students', id: fx.students.childA.id, data: { photo: photo.id } })
    try {
      const parent = await tokenFor(payload, demoAccounts.parent)
      const card = await download(`/report-cards/${fx.reportCards.childA.id}/pdf`, { token: parent })
      expect(card.status).toBe(200)
      // Both pictures, scaled down to what the page needs (the photo was 1200 × 1600).
      expect(imagesOf(card.data)).toEqual([expect.objectContaining({ width: 240, height: 160 }), expect.objectContaining({ width: 186, height: 248 })])
      const klass = await download(`/report-cards/class-pdf?class=${fx.classes.taught.id}&term=${fx.terms.main.id}`, { token: secretariat })
      const pages = (await PDFDocument.load(klass.data)).getPageCount()
      // One logo for the whole class, and the one photo uploaded.
      expect(pages).toBeGreaterThan(1)
      expect(imagesOf(klass.data)).toHaveLength(2)
    } finally {
      await payload.update({ collection: 'schools', id: fx.schools.main.id, data: { logo: null } })
      await payload.update({ collection: 'students', id: fx.students.childA.id, data: { photo: null } })
    }
  })

  it('only the registers generate cards', async () => {
    const teacher = await tokenFor(payload, demoAccounts.teacher)
    expect((await rest('POST', '/report-cards/generate', { token: teacher, body: { class: fx.classes.taught.id, term: fx.terms.main.id } })).status).toBe(403)
  })
})
