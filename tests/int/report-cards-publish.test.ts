/** Publishing report cards: in bulk by the registers, each guardian e-mailed once in their language with the bulletin; the class's cards as one PDF to print. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { createLocalReq, type Payload } from 'payload'
import { hasAnyMark } from '../../src/domain/reportCard'
import { printable } from '../../src/reportCards/publish'
import { notifyGuardians } from '../../src/jobs/notifyGuardiansOfReportCard'
import { demoAccounts, otherAccounts, tokenFor } from '../support/accounts'
import { download } from '../support/download'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { inbox, waitForMail } from '../support/mailbox'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let secretariat: string
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  secretariat = await tokenFor(payload, demoAccounts.secretariat)
  // E-mails other suites queued (their cards, their guardians) go out first: the counts below are this file's.
  await payload.jobs.run({ limit: 1000, where: { taskSlug: { equals: 'notifyGuardiansOfReportCard' } } })
})
afterAll(closeTestPayload)

const textOf = (pdf: Buffer | Uint8Array) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kelasi-publish-')), 'cards.pdf')
  writeFileSync(file, pdf)
  return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout
}
const fieldsOf = (body: any): string[] => body.errors.flatMap((e: any) => e.data?.errors?.map((f: any) => f.path) ?? [])
const notices = () => payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'notifyGuardiansOfReportCard' }, completedAt: { exists: false } } }).then((r) => r.totalDocs)
// This file's e-mails only: other suites' workers leave their own jobs (the daily billing) in the queue.
const runJobs = () => payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'notifyGuardiansOfReportCard' } } })
const cardOf = async (student: number) =>
  (await payload.find({ collection: 'report-cards', where: { student: { equals: student }, term: { equals: fx.terms.main.id } }, limit: 1, depth: 0 })).docs[0]
/** The e-mails to `to` about `pupil`'s bulletin. */
// Bulletins this suite sent only: the families also get payment reminders, and the browser suite may
// have published the same cards before (an e-mail's date counts whole seconds).
let since = new Date()
const mailsAbout = async (to: string, pupil: string) =>
  (await inbox(to)).filter((m) => /^Bulletin de|’s report card –/.test(m.subject ?? '') && (m.subject ?? '').includes(pupil) && (m.date?.getTime() ?? 0) >= since.getTime())

const french = 'aline.mbuyi@example.cd'
const english = otherAccounts.parent
let exauce: { id: number; name: string }
let other: { id: number; name: string }

describe('publishing report cards', () => {
  beforeAll(async () => {
    // The next whole second, waited for: an e-mail's Date has whole seconds, and one the previous
    // suite's worker sent in this same second must not count as this suite's.
    since = new Date(Math.ceil(Date.now() / 1000) * 1000)
    await new Promise((resolve) => setTimeout(resolve, since.getTime() - Date.now()))
    // The Kasongo family reads English; a guardian without an account, only an address, gets French.
    await payload.update({ collection: 'users', id: (await payload.find({ collection: 'users', where: { email: { equals: english } }, limit: 1 })).docs[0].id, data: { language: 'en' } })
    const pupils = (await payload.find({ collection: 'enrollments', where: { class: { equals: fx.classes.self.id }, status: { equals: 'active' } }, pagination: false, depth: 1 })).docs.map((e) => e.student as any)
    const pupil = pupils.find((s) => s.id !== fx.students.self.id)
    const guardian = await payload.create({ collection: 'guardians', data: { school: fx.schools.main.id, lastName: 'MBUYI', firstName: 'Aline', relationship: 'mother', email: french } })
    // A guardian with no address is simply not written to.
    const silent = await payload.create({ collection: 'guardians', data: { school: fx.schools.main.id, lastName: 'MBUYI', firstName: 'Paul', relationship: 'father' } })
    await payload.update({ collection: 'students', id: pupil.id, data: { guardians: [...pupil.guardians.map((g: any) => g.id ?? g), guardian.id, silent.id] } })
    exauce = { id: fx.students.self.id, name: fx.students.self.fullName }
    other = { id: pupil.id, name: pupil.fullName }
    // The class's P1 cards back to draft and never e-mailed (the demo publishes some without e-mails; the
    // browser suite may have published and e-mailed them already), then generated afresh.
    await payload.update({ collection: 'report-cards', where: { class: { equals: fx.classes.self.id }, term: { equals: fx.terms.main.id } }, data: { status: 'draft', guardianNotices: null, guardiansNotifiedAt: null } })
    expect((await rest('POST', '/report-cards/generate', { token: secretariat, body: { class: fx.classes.self.id, term: fx.terms.main.id } })).status).toBe(200)
  })

  it('publishes a class’s drafts and e-mails each guardian once, in their language, with the bulletin attached', async () => {
    const inClass = { class: { equals: fx.classes.self.id }, term: { equals: fx.terms.main.id }, status: { equals: 'draft' } }
    // A pupil another test enrolled in the class has no mark: their card has nothing to print and stays a draft.
    const drafts = await payload.find({ collection: 'report-cards', where: inClass, pagination: false, depth: 0 })
    const ready = drafts.docs.filter((card) => hasAnyMark(printable(card, 'fr')?.figures))
    const answer = await rest('POST', '/report-cards/publish', { token: secretariat, body: { term: fx.terms.main.id, class: fx.classes.self.id } })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ published: ready.length })
    expect(ready.length).toBeGreaterThan(2)
    expect((await payload.count({ collection: 'report-cards', where: inClass })).totalDocs).toBe(drafts.docs.length - ready.length)
    expect(await notices()).toBe(ready.length)
    expect(await mailsAbout(french, other.name)).toHaveLength(0)

    await runJobs()
    expect(await notices()).toBe(0)

    const fr = await waitForMail(french, new RegExp(`^Bulletin de ${other.name}`))
    expect(fr.subject).toContain(fx.terms.main.name)
    expect(fr.subject).toContain(fx.schools.main.name)
    expect(fr.text).toContain(`/api/report-cards/${(await cardOf(other.id)).id}/pdf`)
    expect(fr.attachments).toHaveLength(1)
    expect(fr.attachments[0].contentType).toBe('application/pdf')
    const frText = textOf(fr.attachments[0].content)
    expect(frText).toContain(other.name)
    expect(frText).toContain('BULLETIN SCOLAIRE')

    const en = await waitForMail(english, /report card/)
    expect(en.subject).toContain(exauce.name)
    expect(en.text).toContain('has been published by')
    const enText = textOf(en.attachments[0].content)
    expect(enText).toContain(exauce.name)
    expect(enText).toContain('REPORT CARD')

    expect(await mailsAbout(french, other.name)).toHaveLength(1)
    expect(await mailsAbout(english, exauce.name)).toHaveLength(1)
    const card = await cardOf(other.id)
    expect(card.status).toBe('published')
    expect(card.guardiansNotifiedAt).toBeTruthy()
    expect(Object.keys((card.guardianNotices as any).sent)).toEqual([french])
  })

  it('never writes twice: running the jobs again, publishing again unchanged', async () => {
    await runJobs()
    expect((await rest('POST', '/report-cards/publish', { token: secretariat, body: { term: fx.terms.main.id, class: fx.classes.self.id } })).body).toEqual({ published: 0 })

    const card = await cardOf(exauce.id)
    await payload.update({ collection: 'report-cards', id: card.id, data: { status: 'draft' } })
    const again = await rest('POST', '/report-cards/publish', { token: secretariat, body: { term: fx.terms.main.id, student: exauce.id } })
    expect(again.body).toEqual({ published: 1 })
    await runJobs()
    expect(await mailsAbout(english, exauce.name)).toHaveLength(1)
    expect((await cardOf(exauce.id)).guardiansNotifiedAt).toBe(card.guardiansNotifiedAt)
  })

  it('writes again when what the bulletin prints changed before it was published again', async () => {
    const card = await cardOf(exauce.id)
    await payload.update({ collection: 'report-cards', id: card.id, data: { status: 'draft', headAppreciation: 'Bon trimestre, continuez ainsi.' } })
    await payload.update({ collection: 'report-cards', id: card.id, data: { status: 'published' } })
    await runJobs()
    const mails = await mailsAbout(english, exauce.name)
    expect(mails).toHaveLength(2)
    expect(textOf(mails[1].attachments[0].content)).toContain('Bon trimestre, continuez ainsi.')
  })

  it('the seed publishes without e-mails; two workers on one card still write once', async () => {
    const card = await cardOf(exauce.id)
    await payload.update({ collection: 'report-cards', id: card.id, data: { status: 'draft', headAppreciation: 'Très bon trimestre.' } })
    await payload.update({ collection: 'report-cards', id: card.id, data: { status: 'published' }, context: { skipNotify: true } })
    expect(await notices()).toBe(0)
    expect(await mailsAbout(english, exauce.name)).toHaveLength(2)

    const req = await createLocalReq({}, payload)
    const runs = await Promise.all([notifyGuardians(req, card.id), notifyGuardians(req, card.id)])
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1])
    expect(await mailsAbout(english, exauce.name)).toHaveLength(3)
  })

  it('only the registers publish; bad input is refused naming the field', async () => {
    const body = { term: fx.terms.main.id, class: fx.classes.taught.id }
    expect((await rest('POST', '/report-cards/publish', { token: await tokenFor(payload, demoAccounts.teacher), body })).status).toBe(403)
    expect((await rest('POST', '/report-cards/publish', { token: await tokenFor(payload, demoAccounts.parent), body })).status).toBe(403)
    expect((await rest('POST', '/report-cards/publish', { body })).status).toBe(401)

    const refused = async (payloadBody: unknown) => {
      const answer = await rest('POST', '/report-cards/publish', { token: secretariat, body: payloadBody })
      expect(answer.status).toBe(400)
      return fieldsOf(answer.body)
    }
    expect(await refused({ class: fx.classes.self.id })).toEqual(['term'])
    expect(await refused({ term: 'P1' })).toEqual(['term'])
    expect(await refused({ term: fx.terms.main.id, class: 'abc', student: -1 })).toEqual(['class', 'student'])
    expect(await refused({ term: 999999 })).toEqual(['term'])
  })

  it('prints a class’s cards as one PDF in pupil order, for whoever may read them', async () => {
    const cards = await payload.find({ collection: 'report-cards', where: { class: { equals: fx.classes.self.id }, term: { equals: fx.terms.main.id } }, pagination: false, depth: 0 })
    const names = cards.docs.map((card) => (card.snapshot as any).pupil.fullName as string).sort((a, b) => a.localeCompare(b, 'fr'))
    const answer = await download(`/report-cards/class-pdf?class=${fx.classes.self.id}&term=${fx.terms.main.id}`, { token: secretariat })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/pdf')
    expect((await PDFDocument.load(answer.data)).getPageCount()).toBe(names.length)
    const text = textOf(answer.data)
    const positions = names.map((name) => text.indexOf(name))
    expect(positions.every((at) => at >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)

    // A parent whose children are not in that class finds nothing to print there.
    const parent = await tokenFor(payload, demoAccounts.parent)
    expect((await download(`/report-cards/class-pdf?class=${fx.classes.self.id}&term=${fx.terms.main.id}`, { token: parent })).status).toBe(404)
    expect((await rest('GET', `/report-cards/class-pdf?class=${fx.classes.self.id}`, { token: secretariat })).status).toBe(400)
  })
})
