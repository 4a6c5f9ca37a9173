/**
 * The school reports page and the audit log's simple filter in the built admin, in Chromium:
 * the director reads a class list and filters the log by action; the secretariat reaches no log.
 */
import type { Browser, Page } from 'playwright-core'
import { demoAccounts, demoPassword } from '../support/accounts'
import { launchBrowser, shots } from '../support/browser'
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

const logIn = async (email: string) => {
  const page = await browser.newPage()
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', demoPassword)
  await page.click('button[type=submit]')
  await page.waitForURL(`${server.url}/admin`)
  return page
}

describe('the director', () => {
  let page: Page
  beforeAll(async () => {
    page = await logIn(demoAccounts.admin)
  })
  afterAll(() => page.close())

  it('reads a class list on the school reports page, with its downloads', async () => {
    await page.goto(`${server.url}/admin/school-reports`)
    await page.waitForSelector('h1:has-text("Rapports de l’école")')
    await page.waitForSelector('#report-title:has-text("Liste de classe")')
    expect(await page.locator('section table tbody tr').count()).toBeGreaterThan(0)
    expect(await page.locator('a[href*="/api/school-reports/results"][href*="format=pdf"]').count()).toBe(1)
    await page.screenshot({ path: `${shots}/admin-school-reports.png`, fullPage: true })
  })

  it('filters the audit log by action, through the list’s where, and has no button to change it', async () => {
    await page.goto(`${server.url}/admin/collections/audit-logs`)
    await page.waitForSelector('form[aria-label="Filtre simple"]')
    await page.selectOption('form[aria-label="Filtre simple"] select[name="action"]', 'login')
    await page.click('form[aria-label="Filtre simple"] button[type=submit]')
    await page.waitForURL((url) => url.searchParams.get('where[and][0][action][equals]') === 'login')
    await page.waitForSelector('table tbody tr')
    const actions = await page.locator('table tbody tr td.cell-action').allInnerTexts()
    expect(actions.length).toBeGreaterThan(0)
    expect(new Set(actions)).toEqual(new Set(['Connexion']))
    expect(await page.locator('a[href$="/collections/audit-logs/create"]').count()).toBe(0)
    await page.screenshot({ path: `${shots}/admin-audit-filter.png`, fullPage: true })
  })
})

it('the secretariat reaches no audit log', async () => {
  const page = await logIn(demoAccounts.secretariat)
  const answer = await page.goto(`${server.url}/admin/collections/audit-logs`)
  await page.waitForLoadState('networkidle')
  expect(await page.locator('form[aria-label="Filtre simple"]').count()).toBe(0)
  expect(answer?.status() === 404 || /unauthorized|not-found/.test(page.url()) || (await page.locator('text=/introuvable|Not Found|autoris/i').count()) > 0).toBe(true)
  await page.close()
})
