/** Report cards: generated as drafts from the class results, published, and served as PDF only to their readers. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { demoAccounts, otherAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { closeTestPayload, testPayload } from '../support/payload'
import config from '@payload-config'
import { handleEndpoints } from 'payload'

let payload: Payload
let fx: Fixtures
let secretariat: string
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  secretariat = await tokenFor(payload, demoAccounts.secretariat)
})
afterAll(closeTestPayload)

/** The raw answer (a PDF is bytes, not text). */
const call = async (method: string, path_: string, token: string, body?: unknown) => {
  const request = new Request(`http://localhost:3000/api${path_}`, {
    method,
    headers: { Authorization: `JWT ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  return handleEndpoints({ config, path: `/api${path_.split('?')[0]}`, request })
}
const textOf = (pdf: ArrayBuffer) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kelasi-card-')), 'card.pdf')
  writeFileSync(file, Buffer.from(pdf))
  return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout
}

describe('report cards', () => {
  it('generates a class’s drafts for a term, then refreshes them without duplicates', async () => {
    const body = { class: fx.classes.self.id, term: fx.terms.main.id }
    const first = await call('POST', '/report-cards/generate', secretariat, body)
    expect(first.status).toBe(200)
    const counts = await first.json()
    const pupils = (await payload.count({ collection: 'enrollments', where: { class: { equals: fx.classes.self.id }, status: { equals: 'active' } } })).totalDocs
    // The class's cards: one published by the fixtures (kept), the others created as drafts.
    expect(counts.created + counts.keptPublished + counts.updated).toBe(pupils)
    const again = await (await call('POST', '/report-cards/generate', secretariat, body)).json()
    expect(again).toEqual({ created: 0, updated: counts.created + counts.updated, keptPublished: counts.keptPublished })
    const cards = await payload.find({ collection: 'report-cards', where: { class: { equals: fx.classes.self.id }, term: { equals: fx.terms.main.id } }, pagination: false, depth: 0 })
    expect(cards.totalDocs).toBe(pupils)
  })

  it('freezes the figures of the class results, and the PDF prints them for the pupil’s family', async () => {
    // Grâce's P1 card is published in the fixtures with no figures: regenerate it as a draft, then publish.
    await payload.update({ collection: 'report-cards', id: fx.reportCards.childA.id, data: { status: 'draft' } })
    await call('POST', '/report-cards/generate', secretariat, { class: fx.classes.taught.id, term: fx.terms.main.id })
    await payload.update({ collection: 'report-cards', id: fx.reportCards.childA.id, data: { status: 'published' } })
    const saved = await payload.findByID({ collection: 'report-cards', id: fx.reportCards.childA.id, depth: 0 })
    const snapshot = saved.snapshot as { figures: { scheme: string; percentage: number; rank: number; lines: { subject: string }[] }; pupil: { fullName: string } }
    const results = await (await call('GET', `/classes/${fx.classes.taught.id}/results?term=${fx.terms.main.id}`, secretariat)).json()
    const line = results.students.find((s: { student: number }) => s.student === fx.students.childA.id)
    expect(snapshot.figures).toMatchObject({ scheme: 'rdc', percentage: line.percentage, rank: line.rank })

    const parent = await tokenFor(payload, demoAccounts.parent)
    const answer = await call('GET', `/report-cards/${fx.reportCards.childA.id}/pdf`, parent)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/pdf')
    const text = textOf(await answer.arrayBuffer())
    expect(text).toContain(snapshot.pupil.fullName)
    for (const subject of snapshot.figures.lines.map((l) => l.subject)) expect(text).toContain(subject)
    expect(text).toContain(`${String(line.percentage).replace('.', ',')} %`)

    const stranger = await tokenFor(payload, otherAccounts.parent)
    expect([403, 404]).toContain((await call('GET', `/report-cards/${fx.reportCards.childA.id}/pdf`, stranger)).status)
    expect((await call('GET', `/report-cards/${fx.reportCards.childADraft.id}/pdf`, parent)).status).toBe(404)
  })

  it('only the registers generate cards', async () => {
    const teacher = await tokenFor(payload, demoAccounts.teacher)
    expect((await call('POST', '/report-cards/generate', teacher, { class: fx.classes.taught.id, term: fx.terms.main.id })).status).toBe(403)
  })
})
