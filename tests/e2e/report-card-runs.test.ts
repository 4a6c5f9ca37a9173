/**
 * Report cards in the admin, in Chromium on the built app: the secretariat asks for a class's
 * cards for a term, watches the run's progress panel reach « Terminé », then publishes the
 * class's cards from the panel and reads how many were published.
 */
import type { Payload } from 'payload'
import type { Browser, Page } from 'playwright-core'
import { demoAccounts, demoPassword } from '../support/accounts'
import { hasAnyMark, type ReportCardSnapshot } from '../../src/domain/reportCard'
import { launchBrowser, shots } from '../support/browser'
import { closeTestPayload, testPayload } from '../support/payload'
import { startServer } from '../../scripts/server'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let payload: Payload
let started: string

beforeAll(async () => {
  started = new Date().toISOString()
  payload = await testPayload()
  server = await startServer(Number(process.env.KELASI_TEST_APP_PORT || 3210))
  browser = await launchBrowser()
}, 15 * 60_000)

afterAll(async () => {
  await browser?.close()
  // The families' e-mails of the cards published here go out before the app stops, not into the next suite's inbox.
  const deadline = Date.now() + 120_000
  const waiting = () => payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'notifyGuardiansOfReportCard' }, completedAt: { exists: false }, hasError: { not_equals: true }, createdAt: { greater_than: started } } })
  while ((await waiting()).totalDocs > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500))
  await server?.stop()
  await closeTestPayload()
})

const logIn = async (page: Page, email: string) => {
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', demoPassword)
  await page.click('button[type=submit]')
  await page.waitForURL(`${server.url}/admin`)
}

/** Picks `label` in a Payload select or relationship field (react-select); the first of equal labels is the oldest record. */
const choose = async (page: Page, field: string, label: string, search = true) => {
  await page.click(`#field-${field} .rs__control`)
  if (search) await page.keyboard.type(label)
  await page.locator('.rs__option', { hasText: new RegExp(`^${label}$`) }).first().click()
  await page.waitForSelector(`#field-${field} .rs__single-value:has-text("${label}")`)
}

type Named = { id: number; name: string; code?: string }
const system = { depth: 0, overrideAccess: true } as const
const count = async (collection: 'evaluations' | 'report-cards', where: Record<string, unknown>) => (await payload.count({ collection, where: where as never, overrideAccess: true })).totalDocs

/**
 * The class whose cards the secretary generates: one with marks in the first period and none of
 * its cards published yet (7e EB first), else one whose cards wait as drafts, so that publishing
 * has something to publish whatever the demo school holds by then.
 */
const pickClass = async () => {
  const [school] = (await payload.find({ collection: 'schools', where: { code: { equals: 'CSMA' } }, limit: 1, ...system })).docs
  const [term] = (await payload.find({ collection: 'terms', where: { school: { equals: school.id }, code: { equals: 'P1' } }, sort: 'id', limit: 1, ...system })).docs
  const [klass] = (await payload.find({ collection: 'classes', where: { schoolYear: { equals: term.schoolYear }, code: { equals: '7EB' } }, limit: 1, ...system })).docs
  // The demo published 7EB's first-period cards (it has marks): back to draft, to be generated and published here.
  await payload.update({ collection: 'report-cards', where: { class: { equals: klass.id }, term: { equals: term.id } }, data: { status: 'draft' }, overrideAccess: true, context: { skipNotify: true } })
  return { klass: klass as Named, term }
}

/**
 * The worker started with the app carries the run out; if it has not claimed it after a while
 * (an app served without its worker), the test process runs the queue itself, on the same database.
 */
const carryOut = async (runId: number) => {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const run = await payload.findByID({ collection: 'report-card-runs', id: runId, depth: 0, overrideAccess: true })
    if (run.status !== 'queued') return 'worker'
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  await payload.jobs.run({ limit: 50 })
  return 'test'
}

describe('report-card runs in the admin', () => {
  it('the secretariat generates a class’s cards, watches the progress reach « Terminé », then publishes them', async () => {
    const { klass, term } = await pickClass()

    const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 1000 } })
    await logIn(page, demoAccounts.secretariat)
    await page.goto(`${server.url}/admin/collections/report-card-runs/create`)
    await page.waitForSelector('#field-scope')
    // The form asks what to cover, which class, then the term; what the job writes is not asked.
    const order = await page.locator('#field-scope, #field-class, #field-term').evaluateAll((nodes) => nodes.map((node) => node.id))
    expect(order).toEqual(['field-scope', 'field-class', 'field-term'])
    for (const written of ['status', 'classesTotal', 'cardsCreated', 'error', 'startedAt', 'job']) expect(await page.locator(`#field-${written}`).count()).toBe(0)
    expect(await page.locator('.kelasi-run-progress').count()).toBe(0)

    await choose(page, 'scope', 'Une classe', false)
    await choose(page, 'class', klass.name)
    await choose(page, 'term', term.name)
    await page.screenshot({ path: `${shots}/admin-report-card-run-create.png`, fullPage: true })
    await page.click('#action-save')
    await page.waitForURL(/\/admin\/collections\/report-card-runs\/\d+$/)
    const runId = Number(new URL(page.url()).pathname.split('/').pop())
    const created = await payload.findByID({ collection: 'report-card-runs', id: runId, depth: 0, overrideAccess: true })
    expect([created.scope, created.class, created.term, created.classesTotal]).toEqual(['class', klass.id, term.id, 1])

    // The panel: a progress bar screen readers can read, and the status in a polite live region.
    const panel = page.locator('.kelasi-run-progress')
    await panel.waitFor()
    const bar = panel.getByRole('progressbar')
    expect(await bar.getAttribute('aria-valuemax')).toBe('1')
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/\/ 1 classes traitées/)
    const status = panel.locator('[role=status][aria-live=polite]').first()
    await page.screenshot({ path: `${shots}/admin-report-card-run-progress.png`, fullPage: true })

    const by = await carryOut(runId)
    // The panel reads the run again every 2 s and stops once it is done.
    await status.filter({ hasText: 'État : Terminé' }).waitFor({ timeout: 90_000 })
    expect(await bar.getAttribute('aria-valuenow')).toBe('1')
    expect(await bar.getAttribute('aria-valuetext')).toBe('1 / 1 classes traitées')
    const run = await payload.findByID({ collection: 'report-card-runs', id: runId, depth: 0, overrideAccess: true })
    expect(run.status).toBe('done')
    expect((run.cardsCreated ?? 0) + (run.cardsUpdated ?? 0) + (run.cardsKept ?? 0)).toBeGreaterThan(0)
    await panel.getByText(`${run.cardsCreated}`, { exact: true }).first().waitFor()

    // Once done: the class's merged PDF, its cards in the list, and the publish button.
    const row = panel.locator(`li[data-class="${klass.id}"]`)
    await row.getByText(klass.name, { exact: true }).waitFor()
    expect(await row.getByRole('link', { name: 'PDF de la classe (impression)' }).getAttribute('href')).toBe(`/api/report-cards/class-pdf?class=${klass.id}&term=${term.id}`)
    expect(await panel.getByRole('link', { name: `Voir les bulletins de « ${term.name} »` }).getAttribute('href')).toContain(`[term][equals]=${term.id}`)
    await page.screenshot({ path: `${shots}/admin-report-card-run-done.png`, fullPage: true })
    console.log(`[e2e] run ${runId} carried out by the ${by}`)

    // What publishing will find: the class's generated drafts of the term.
    const drafts = await payload.find({
      collection: 'report-cards',
      where: { class: { equals: klass.id }, term: { equals: term.id }, status: { equals: 'draft' } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    // A draft without a single mark stays a draft when its class is published.
    const ready = drafts.docs.filter((card) => hasAnyMark((card.snapshot as ReportCardSnapshot | null)?.figures)).length
    expect(ready).toBeGreaterThan(0)
    await row.getByRole('button', { name: 'Publier les bulletins' }).click()
    const confirmation = page.locator('.confirmation-modal')
    await confirmation.getByText(`Les bulletins en brouillon de ${klass.name}`).waitFor()
    await page.screenshot({ path: `${shots}/admin-report-card-run-publish-confirm.png` })
    await confirmation.getByRole('button', { name: 'Publier', exact: true }).click()
    const expected = ready === 1 ? '1 bulletin publié.' : `${ready} bulletins publiés.`
    await row.locator('[role=status]').filter({ hasText: expected }).waitFor()
    await page.screenshot({ path: `${shots}/admin-report-card-run-published.png`, fullPage: true })
    const left = await payload.count({ collection: 'report-cards', where: { class: { equals: klass.id }, term: { equals: term.id }, status: { equals: 'draft' } }, overrideAccess: true })
    expect(left.totalDocs).toBe(drafts.docs.length - ready)

    // The list shows each run's progress too.
    await page.goto(`${server.url}/admin/collections/report-card-runs`)
    const cell = page.locator(`table tbody tr:has(a[href$="/report-card-runs/${runId}"]) .kelasi-run-progress-cell`)
    await cell.filter({ hasText: '1 / 1' }).filter({ hasText: 'Terminé' }).waitFor()
    await page.screenshot({ path: `${shots}/admin-report-card-runs-list.png`, fullPage: true })
    await page.close()
  })
})
