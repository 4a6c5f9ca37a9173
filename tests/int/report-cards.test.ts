/** Report cards: generated as drafts from the class results, published, and served as PDF only to their readers. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
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

  it('only the registers generate cards', async () => {
    const teacher = await tokenFor(payload, demoAccounts.teacher)
    expect((await rest('POST', '/report-cards/generate', { token: teacher, body: { class: fx.classes.taught.id, term: fx.terms.main.id } })).status).toBe(403)
  })
})
