/**
 * The built app over real HTTP, as `npm start` serves it, and the admin in Chromium
 * (Debian's /usr/bin/chromium driven by playwright-core).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
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

describe('the app over HTTP', () => {
  it('serves the admin login page in French', async () => {
    const answer = await fetch(`${server.url}/admin/login`)
    expect(answer.status).toBe(200)
    expect(await answer.text()).toContain('lang="fr"')
  })

  it('answers /api/health with the database status as JSON', async () => {
    const answer = await fetch(`${server.url}/api/health`)
    expect(answer.status).toBe(200)
    expect(await answer.json()).toMatchObject({ status: 'ok', database: { status: 'ok' } })
  })

  it('refuses an oversized body with 413 and a clear message, before reading it', async () => {
    const answer = await fetch(`${server.url}/api/students`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lastName: 'x'.repeat(2 * 1024 * 1024) }),
    })
    expect(answer.status).toBe(413)
    const body = await answer.json()
    expect(body.errors[0].message).toBe('La requête dépasse la taille maximale autorisée (1 Mio).')
  })

  it('logs in over REST with an HttpOnly, SameSite cookie, and GraphQL answers with it', async () => {
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: demoAccounts.secretariat, password: demoPassword }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const graphql = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie.split(';')[0], Origin: server.url },
      body: JSON.stringify({ query: '{ Students(where: { matricule: { equals: "CSMA-2026-0003" } }) { docs { fullName } } }' }),
    })
    expect((await graphql.json()).data.Students.docs).toEqual([{ fullName: 'KASONGO KUPA Exaucé' }])
  })
})

describe('the admin in a browser', () => {
  it('a secretary logs in and finds a student by name, then by matricule, in one search box', async () => {
    // An English browser: the admin still speaks the secretary's language, French, once logged in.
    const page = await browser.newPage({ locale: 'en-US' })
    await page.goto(`${server.url}/admin/login`)
    await page.waitForSelector('text=Kelasi')
    await page.screenshot({ path: `${shots}/admin-login.png` })
    await page.fill('#field-email', demoAccounts.secretariat)
    await page.fill('#field-password', demoPassword)
    await page.click('button[type=submit]')
    await page.waitForURL(`${server.url}/admin`)
    await page.screenshot({ path: `${shots}/admin-dashboard.png`, fullPage: true })

    await page.goto(`${server.url}/admin/collections/students`)
    await page.waitForSelector('h1:has-text("Élèves")')
    await page.fill('#search-filter-input', 'kasongo exaucé')
    await page.waitForSelector('text=CSMA-2026-0003')
    const rows = await page.locator('table tbody tr').count()
    expect(rows).toBe(1)
    await page.screenshot({ path: `${shots}/admin-students-search.png`, fullPage: true })

    await page.fill('#search-filter-input', 'CSMA-2026-0001')
    await page.waitForSelector('text=MUKENDI')
    expect(await page.locator('table tbody tr').count()).toBe(1)
    await page.close()
  })

  it('a parent cannot use the admin panel', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' })
    await page.goto(`${server.url}/admin/login`)
    await page.fill('#field-email', demoAccounts.parent)
    await page.fill('#field-password', demoPassword)
    await page.click('button[type=submit]')
    await page.waitForURL(/\/admin\/(unauthorized|login)/)
    await page.goto(`${server.url}/admin/collections/students`)
    await page.waitForURL(/\/admin\/(unauthorized|login)/)
    expect(await page.locator('table tbody tr').count()).toBe(0)
    await page.screenshot({ path: `${shots}/admin-parent-refused.png`, fullPage: true })
    await page.close()
  })
})

describe('the school year in the admin', () => {
  const api = async (path: string, token: string, init: RequestInit = {}) => {
    const answer = await fetch(`${server.url}/api${path}`, { ...init, headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}`, ...init.headers } })
    return answer.json()
  }

  it('a secretary moves a pupil to another class from the enrollment page, and both enrollments stay on record', async () => {
    const login = await fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: demoAccounts.secretariat, password: demoPassword }) })
    const token = ((await login.json()) as { token: string }).token
    const [school] = (await api('/schools?where[code][equals]=CSMA&depth=0', token)).docs
    const classes = (await api(`/classes?where[school][equals]=${school.id}&where[code][in]=2P-A,3P-A&depth=0&sort=code`, token)).docs
    const pupil = (await api('/students', token, { method: 'POST', body: JSON.stringify({ school: school.id, matricule: `E2E-${Date.now()}`, lastName: 'LUKUSA', firstName: 'Benjamin', sex: 'M' }) })).doc
    const enrollment = (await api('/enrollments', token, { method: 'POST', body: JSON.stringify({ school: school.id, student: pupil.id, class: classes[0].id, status: 'active' }) })).doc

    const page = await browser.newPage({ locale: 'fr-FR' })
    await page.goto(`${server.url}/admin/login`)
    await page.fill('#field-email', demoAccounts.secretariat)
    await page.fill('#field-password', demoPassword)
    await page.click('button[type=submit]')
    await page.waitForURL(`${server.url}/admin`)
    await page.goto(`${server.url}/admin/collections/enrollments/${enrollment.id}`)
    await page.click('button:has-text("Changer de classe")')
    await page.selectOption('select', { label: '3e primaire A' })
    await page.screenshot({ path: `${shots}/admin-enrollment-move.png`, fullPage: true })
    await page.click('button:has-text("Déplacer l’élève")')
    await page.waitForURL((url) => /\/admin\/collections\/enrollments\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${enrollment.id}`))
    const history = (await api(`/enrollments?where[student][equals]=${pupil.id}&sort=createdAt&depth=0`, token)).docs
    expect(history.map((e: { class: number; status: string }) => [e.class, e.status])).toEqual([
      [classes[0].id, 'moved'],
      [classes[1].id, 'active'],
    ])
    await page.close()
  })

  it('a secretary checks a class list in the admin import page: counts and the rejected row, nothing saved', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' })
    await page.goto(`${server.url}/admin/login`)
    await page.fill('#field-email', demoAccounts.secretariat)
    await page.fill('#field-password', demoPassword)
    await page.click('button[type=submit]')
    await page.waitForURL(`${server.url}/admin`)
    await page.goto(`${server.url}/admin/import`)
    await page.waitForSelector('text=Importer une liste de classe')
    await page.setInputFiles('input[type=file]', 'tests/fixtures/liste-classe-exemple.xlsx')
    await page.click('button:has-text("Vérifier")')
    await page.waitForSelector('text=Simulation terminée : rien n’a été enregistré.')
    await page.waitForSelector('text=Lignes refusées')
    await page.screenshot({ path: `${shots}/admin-import-dry-run.png`, fullPage: true })
    const rejected = await page.locator('table').last().locator('tbody tr').count()
    expect(rejected).toBeGreaterThan(0)
    await page.close()
  })
})

describe('finance in the admin', () => {
  const loggedIn = async () => {
    const page = await browser.newPage({ locale: 'fr-FR' })
    await page.goto(`${server.url}/admin/login`)
    await page.fill('#field-email', demoAccounts.finance)
    await page.fill('#field-password', demoPassword)
    await page.click('button[type=submit]')
    await page.waitForURL(`${server.url}/admin`)
    return page
  }

  it('the bursar reads the term’s collections by method on screen, with the totals per currency and the downloads', async () => {
    const page = await loggedIn()
    await page.goto(`${server.url}/admin/finance-reports?report=collections&from=2026-09-01&to=2026-11-30&by=month`)
    await page.waitForSelector('h2:has-text("Encaissements")')
    for (const method of ['Espèces', 'Banque', 'Carte', 'Mobile money']) await page.waitForSelector(`table tbody td:text-is("${method}")`)
    expect(await page.locator('table tfoot tr').count()).toBeGreaterThan(0)
    expect(await page.locator('a:text-is("PDF")').count()).toBe(4)
    await page.screenshot({ path: `${shots}/admin-finance-reports.png`, fullPage: true })
    await page.close()
  })

  it('the bursar imports a bank statement: the line quoting a receipt is matched, the unknown one is not', async () => {
    const login = await fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: demoAccounts.finance, password: demoPassword }) })
    const { token } = (await login.json()) as { token: string }
    const listed = await fetch(`${server.url}/api/payments?where[method][equals]=bank&where[currency][equals]=USD&limit=1&depth=0`, { headers: { Authorization: `JWT ${token}` } })
    const [payment] = ((await listed.json()) as { docs: { receiptNumber: string; amount: number; paidAt: string }[] }).docs
    const day = payment.paidAt.slice(0, 10).split('-').reverse().join('/')
    const statement = path.join(mkdtempSync(path.join(tmpdir(), 'kelasi-e2e-')), 'releve.csv')
    writeFileSync(statement, `Date;Libellé;Montant;Devise\n${day};VIREMENT ${payment.receiptNumber};${(payment.amount / 100).toFixed(2).replace('.', ',')};USD\n${day};VIREMENT INCONNU;999,99;USD\n`)
    const page = await loggedIn()
    await page.goto(`${server.url}/admin/reconciliation`)
    await page.waitForSelector('h1:has-text("Rapprochement bancaire")')
    await page.setInputFiles('input[type=file]', statement)
    await page.fill('input[name=label]', 'Rawbank — relevé de test')
    await page.click('button:has-text("Importer et rapprocher")')
    await page.waitForSelector('h1:has-text("Rawbank — relevé de test")')
    await page.waitForSelector(`text=${payment.receiptNumber}`)
    await page.waitForSelector('text=Sans correspondance')
    await page.screenshot({ path: `${shots}/admin-reconciliation.png`, fullPage: true })
    await page.close()
  })
})

describe('without a database', () => {
  it('still answers /api/health, with 503 and JSON', async () => {
    const down = await startServer(Number(process.env.KELASI_TEST_APP_PORT || 3210) + 1, {
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:9/none',
    })
    try {
      const answer = await fetch(`${down.url}/api/health`)
      expect(answer.status).toBe(503)
      expect(await answer.json()).toMatchObject({ status: 'error', database: { status: 'down' } })
    } finally {
      await down.stop()
    }
  })
})
