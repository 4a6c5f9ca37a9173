/**
 * In-app notifications on the built app (`next start`, as `npm start` serves it): the stream
 * reaches the browser unbuffered and uncompressed through Next; the portal's bell counts live
 * and its pages list, open and mark read; the preferences page saves and refuses a bad hour;
 * the workspace's bell counts live too. Notifications are made by `notify` from this process,
 * another process than the app's: its pg_notify is what reaches the app.
 */
import { createLocalReq, type Payload } from 'payload'
import type { Browser, Page } from 'playwright-core'
import { demoAccounts, demoPassword, tokenFor } from '../support/accounts'
import { expectAccessible } from '../support/axe'
import { launchBrowser } from '../support/browser'
import { loadFixtures } from '../support/fixtures'
import { closeTestPayload, testPayload } from '../support/payload'
import { eventReader } from '../support/sse'
import { notify } from '../../src/notifications/notify'
import { startServer } from '../../scripts/server'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let payload: Payload
let fx: Awaited<ReturnType<typeof loadFixtures>>
let serial = 0

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  server = await startServer(Number(process.env.KELASI_TEST_APP_PORT || 3210))
  browser = await launchBrowser()
}, 15 * 60_000)

const restore: (() => Promise<unknown>)[] = []
afterAll(async () => {
  for (const undo of restore) await undo()
  await browser?.close()
  await server?.stop()
  await closeTestPayload()
})

/** A payment receipt told to one person, as the finance code tells it. */
const tell = async (user: number | string, link = `/students/${fx.students.childA.id}/invoices`) => {
  const event = `e2e-notifications:${Date.now()}:${++serial}`
  await notify(await createLocalReq({}, payload), { kind: 'paymentReceived', event, school: fx.schools.main.id, recipients: [{ user }], vars: { pupil: 'MUKENDI Grâce', amount: '15,00 $US', number: `FAC-2026-E2E${serial}` }, link })
  return (await payload.find({ collection: 'notifications', where: { event: { equals: event } }, depth: 0, overrideAccess: true })).docs[0]
}

const unreadOf = async (user: number | string) =>
  (await payload.count({ collection: 'notifications', where: { user: { equals: user }, readAt: { exists: false } }, overrideAccess: true })).totalDocs

describe('the stream through Next', () => {
  it('refuses a visitor who is not signed in', async () => {
    const answer = await fetch(`${server.url}/api/notifications/stream`)
    expect(answer.status).toBe(401)
  })

  it('arrives neither buffered nor compressed, and an event within a second of its commit', async () => {
    const token = await tokenFor(payload, demoAccounts.parent)
    const controller = new AbortController()
    const answer = await fetch(`${server.url}/api/notifications/stream`, { headers: { Authorization: `JWT ${token}`, 'Accept-Encoding': 'gzip, deflate, br' }, signal: controller.signal })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(answer.headers.get('content-encoding')).toBeNull()
    expect(answer.headers.get('cache-control')).toBe('no-cache, no-transform')
    expect(answer.headers.get('x-accel-buffering')).toBe('no')
    const reader = eventReader(answer)
    try {
      expect((await reader.next((e) => e.event === 'unread')).data).toEqual({ count: await unreadOf(fx.users.parent.id) })
      const started = performance.now()
      const made = await tell(fx.users.parent.id)
      const received = await reader.next((e) => e.event === 'notification', 1_000)
      expect(received.data).toMatchObject({ id: made.id, title: 'Paiement reçu pour MUKENDI Grâce' })
      expect(received.at - started).toBeLessThan(1_000)
    } finally {
      controller.abort()
      await reader.close()
    }
  })
})

describe('the portal', () => {
  let page: Page
  const badge = () => page.locator('header [data-unread]')

  beforeAll(async () => {
    const context = await browser.newContext({ locale: 'fr-FR' })
    page = await context.newPage()
    await page.goto(`${server.url}/fr/login`)
    await page.fill('#field-email', demoAccounts.parent)
    await page.fill('#field-password', demoPassword)
    await page.click('main button[type=submit]')
    await page.waitForURL((url) => !url.pathname.endsWith('/login'))
  })

  it('shows the unread count in the header and counts a new notification without reloading', async () => {
    await tell(fx.users.parent.id)
    await page.goto(`${server.url}/fr`)
    const before = await unreadOf(fx.users.parent.id)
    expect(await badge().getAttribute('data-unread')).toBe(String(before))
    await expect(page.getByRole('link', { name: new RegExp(`Notifications.*${before} non lue`) }).count()).resolves.toBe(1)
    // The stream is open once the page has rendered its count; then one more arrives.
    await page.waitForTimeout(500)
    await tell(fx.users.parent.id)
    await page.locator(`header [data-unread="${before + 1}"]`).waitFor({ timeout: 5_000 })
  })

  it('lists the notifications newest first, opens one (read, then its page) and marks all read', async () => {
    const made = await tell(fx.users.parent.id)
    await page.goto(`${server.url}/fr/notifications`)
    const first = page.locator('main li[data-notification]').first()
    expect(await first.getAttribute('data-notification')).toBe(String(made.id))
    await expect(first.innerText()).resolves.toContain('Non lue')
    await expectAccessible(page, 'portal-notifications')
    await first.getByRole('button', { name: /Ouvrir/ }).click()
    await page.waitForURL(`${server.url}/fr/students/${fx.students.childA.id}/invoices`)
    expect((await payload.findByID({ collection: 'notifications', id: made.id, depth: 0, overrideAccess: true })).readAt).toBeTruthy()

    await page.goto(`${server.url}/fr/notifications`)
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click()
    await page.getByText('Toutes vos notifications sont lues.').waitFor()
    expect(await unreadOf(fx.users.parent.id)).toBe(0)
    expect(await badge().getAttribute('data-unread')).toBe('0')
  })

  it('says the count without JavaScript too', async () => {
    await tell(fx.users.parent.id)
    const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false, storageState: await page.context().storageState() })
    const plain = await context.newPage()
    await plain.goto(`${server.url}/fr/notifications`)
    expect(await plain.locator('header [data-unread]').getAttribute('data-unread')).toBe(String(await unreadOf(fx.users.parent.id)))
    await context.close()
  })

  it('saves the preferences, and refuses a quiet hour that is not HH:MM, saving nothing', async () => {
    const saved = async () => (await payload.findByID({ collection: 'users', id: fx.users.parent.id, depth: 0, overrideAccess: true })).notificationPreferences
    const before = await saved()
    // The demo parent's choices are theirs again afterwards: other suites expect instant e-mails.
    restore.push(() => payload.update({ collection: 'users', id: fx.users.parent.id, data: { notificationPreferences: before }, overrideAccess: true }))
    await page.goto(`${server.url}/fr/notifications/preferences`)
    await expectAccessible(page, 'portal-notification-preferences')
    const email = page.getByRole('checkbox', { name: 'Facture émise par e-mail' })
    const sms = page.getByRole('checkbox', { name: 'Nouveau message par SMS' })
    if (await email.isChecked()) await email.uncheck()
    if (!(await sms.isChecked())) await sms.check()
    await page.getByRole('checkbox', { name: /Un seul e-mail par jour/ }).check()
    await page.getByLabel('À partir de').fill('25:90')
    await page.getByLabel('Jusqu’à').fill('06:30')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.getByRole('alert').getByText('Indiquez une heure au format HH:MM (par exemple 21:00).').waitFor()
    expect(await page.getByLabel('À partir de').getAttribute('aria-invalid')).toBe('true')
    // What was typed stays, and nothing was written.
    expect(await email.isChecked()).toBe(false)
    expect(await sms.isChecked()).toBe(true)
    expect(await saved()).toEqual(before)

    await page.getByLabel('À partir de').fill('22:00')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.getByText('Vos préférences sont enregistrées.').waitFor()
    const after = await saved()
    expect(after?.email).not.toContain('invoiceIssued')
    expect(after?.sms).toContain('messageReceived')
    expect(after).toMatchObject({ digest: true, quietFrom: '22:00', quietUntil: '06:30' })
    await page.reload()
    expect(await email.isChecked()).toBe(false)
    expect(await page.getByLabel('À partir de').inputValue()).toBe('22:00')
  })
})

describe('the workspace', () => {
  it('the teacher’s bell counts live, and the list marks one read', async () => {
    const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage()
    await page.goto(`${server.url}/console`)
    await page.fill('input[name=email]', demoAccounts.teacher)
    await page.fill('input[name=password]', demoPassword)
    await page.click('button[type=submit]')
    await page.getByRole('heading', { name: /^Bonjour / }).waitFor()
    const before = await unreadOf(fx.users.teacher.id)
    await page.locator(`[data-unread="${before}"]`).waitFor()
    await page.waitForTimeout(500)
    const made = await tell(fx.users.teacher.id, '/console#/classes')
    await page.locator(`[data-unread="${before + 1}"]`).waitFor({ timeout: 5_000 })
    await page.getByRole('link', { name: `Notifications : ${before + 1} non lue${before + 1 > 1 ? 's' : ''}` }).click()
    const row = page.locator('tbody tr').first()
    await expect(row.innerText()).resolves.toContain('Paiement reçu pour MUKENDI Grâce')
    await row.getByRole('button', { name: 'Ouvrir' }).click()
    await page.waitForURL(`${server.url}/console#/classes`)
    await page.locator(`[data-unread="${before}"]`).waitFor({ timeout: 5_000 })
    expect((await payload.findByID({ collection: 'notifications', id: made.id, depth: 0, overrideAccess: true })).readAt).toBeTruthy()
  })
})
