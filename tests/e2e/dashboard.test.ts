/**
 * The admin home's dashboard on the built app, in Chromium: the direction sees every part with
 * its charts and links, and a figure's link opens the list it counts; finance sees no
 * attendance; the dashboard passes axe's WCAG A/AA rules.
 */
import type { Browser, Page } from 'playwright-core'
import { expectAccessible } from '../support/axe'
import { demoAccounts, demoPassword } from '../support/accounts'
import { launchBrowser } from '../support/browser'
import { startServer } from '../../scripts/server'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser

beforeAll(async () => {
  server = await startServer(Number(process.env.KELASI_TEST_APP_PORT || 3210))
  browser = await launchBrowser()
}, 15 * 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const signedIn = async (email: string, locale = 'fr-FR'): Promise<Page> => {
  const page = await browser.newPage({ locale })
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', demoPassword)
  await page.click('button[type=submit]')
  await page.waitForURL(`${server.url}/admin`)
  return page
}

describe('the dashboard on the admin home', () => {
  it('shows the direction every part for October, with charts that name their figures, accessibly', async () => {
    const page = await signedIn(demoAccounts.admin)
    await page.goto(`${server.url}/admin?month=2026-10`)
    await page.waitForSelector('h2:has-text("Tableau de bord")')
    for (const id of ['dash-students', 'dash-attendance', 'dash-results', 'dash-money', 'dash-expenses']) expect(await page.locator(`#${id}`).count()).toBe(1)
    expect(await page.locator('svg[role=group] title').first().textContent()).toBe('Élèves par niveau')
    expect(await page.locator('svg[role=group] a').count()).toBeGreaterThan(10)
    // Payload's own home (its widgets, its selects) is Payload's to fix: axe checks the dashboard.
    await expectAccessible(page, 'admin-dashboard', '.kelasi-dashboard')
    await page.close()
  }, 120_000)

  it('opens the enrollments list behind a class’s headcount, filtered to that class', async () => {
    const page = await signedIn(demoAccounts.admin)
    const link = page.locator('#dash-students ~ div table a').first()
    const count = Number(await link.textContent())
    await link.click()
    await page.waitForURL(/\/admin\/collections\/enrollments\?/)
    await page.waitForSelector('.collection-list')
    expect(await page.locator('.collection-list tbody tr').count()).toBe(Math.min(count, 10))
    await page.close()
  }, 120_000)

  it('gives finance the money but no attendance, in English for an English browser', async () => {
    const page = await signedIn(demoAccounts.finance, 'en-US')
    await page.waitForSelector('#dash-money')
    expect(await page.locator('#dash-attendance').count()).toBe(0)
    expect(await page.locator('#dash-results').count()).toBe(0)
    await page.close()
  }, 120_000)
})
