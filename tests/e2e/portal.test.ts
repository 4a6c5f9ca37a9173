/**
 * The parent and student portal in Chromium, on the built app: a family signs up, confirms its
 * address from the e-mail, links a child with the school's code, reads marks and report cards,
 * justifies an absence, pays by (sandbox) mobile money; a student reads their marks; nobody
 * reaches another family's child by editing the URL. axe-core checks every page (WCAG 2.1 A/AA)
 * and each page's screenshot lands in test-output/screenshots.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { PDFDocument } from 'pdf-lib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { demoAccounts, demoPassword, tokenFor } from '../support/accounts'
import { expectAccessible } from '../support/axe'
import { launchBrowser } from '../support/browser'
import { rest } from '../support/http'
import { startStripeApi } from '../support/stripeApi'
import { linkIn, waitForMail } from '../support/mailbox'
import { body, otherClassTeacher } from '../support/messaging'
import { closeTestPayload, testPayload } from '../support/payload'
import { startServer } from '../../scripts/server'

let server: Awaited<ReturnType<typeof startServer>>
let stripe: Awaited<ReturnType<typeof startStripeApi>>
let browser: Browser
let payload: Payload
const system = { overrideAccess: true, depth: 0 } as const
const password = 'Lubumbashi-Mbote-2026'
const email = `portail-${Date.now()}@kelasi.test`
// The demo parent's two children: the new parent links Grâce only, so Jonathan is someone else's.
let grace: { id: number; school: number; class: number }
let jonathan: number
let absence: number
let invoice: { id: number; number: string }
const made: { user?: number; guardian?: number; media: number[]; resources: number[] } = { media: [], resources: [] }

const studentOf = async (matricule: string) => {
  const found = await payload.find({ collection: 'students', where: { matricule: { equals: matricule } }, ...system })
  return found.docs[0]
}

beforeAll(async () => {
  payload = await testPayload()
  const student = await studentOf('CSMA-2026-0001')
  const enrollment = await payload.find({ collection: 'enrollments', where: { student: { equals: student.id }, status: { equals: 'active' } }, ...system })
  grace = { id: student.id, school: student.school as number, class: enrollment.docs[0].class as number }
  jonathan = (await studentOf('CSMA-2026-0002')).id
  // An absence of Grâce's to justify, as the teacher's roll would have left it.
  const existing = await payload.find({ collection: 'attendance', where: { student: { equals: grace.id }, date: { equals: '2026-11-17T00:00:00.000Z' }, halfDay: { equals: 'morning' } }, ...system })
  const data = { school: grace.school, student: grace.id, class: grace.class, date: '2026-11-17', halfDay: 'morning', status: 'absent', justification: null, justificationDocument: null } as never
  absence = existing.docs[0]
    ? (await payload.update({ collection: 'attendance', id: existing.docs[0].id, data, ...system })).id
    : (await payload.create({ collection: 'attendance', data, ...system })).id
  // An invoice still owed, as finance issues it.
  const finance = await tokenFor(payload, demoAccounts.finance)
  const year = await payload.find({ collection: 'school-years', where: { school: { equals: grace.school }, current: { equals: true } }, ...system })
  const created = await rest('POST', '/invoices', {
    token: finance,
    body: { school: grace.school, student: grace.id, schoolYear: year.docs[0].id, currency: 'USD', dueDate: '2027-06-30', lines: [{ kind: 'extra', label: 'Sortie au jardin zoologique', amount: 1_500 }] },
  })
  expect(created.status).toBe(201)
  invoice = { id: created.body.doc.id, number: created.body.doc.number }

  // A worksheet Grâce's teacher shared with her class, and a link.
  const teacher = await tokenFor(payload, demoAccounts.teacher)
  const sheet = await PDFDocument.create()
  sheet.addPage([595, 842]).drawText('Fiche de calcul : les fractions', { x: 50, y: 780, size: 12 })
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await sheet.save())], { type: 'application/pdf' }), `fractions-${Date.now()}.pdf`)
  form.append('_payload', JSON.stringify({ class: grace.class, title: 'Fiche : les fractions', description: 'Exercices 1 à 5 pour jeudi.' }))
  for (const shared of [await rest('POST', '/resources', { token: teacher, form }), await rest('POST', '/resources', { token: teacher, body: { class: grace.class, title: 'Vidéo : les fractions', link: 'https://video.example/fractions' } })]) {
    expect(shared.status).toBe(201)
    made.resources.push(shared.body.doc.id)
  }

  // A reading list the direction shared with the demo student's own class (not Grâce's).
  const self = (await payload.find({ collection: 'users', where: { email: { equals: demoAccounts.student } }, ...system })).docs[0]
  const pupil = (await payload.find({ collection: 'students', where: { user: { equals: self.id } }, ...system })).docs[0]
  const own = await payload.find({ collection: 'enrollments', where: { student: { equals: pupil.id }, status: { equals: 'active' } }, ...system })
  const list = await PDFDocument.create()
  list.addPage([595, 842]).drawText('Lectures du trimestre', { x: 50, y: 780, size: 12 })
  const reading = new FormData()
  reading.append('file', new Blob([new Uint8Array(await list.save())], { type: 'application/pdf' }), `lectures-${Date.now()}.pdf`)
  reading.append('_payload', JSON.stringify({ class: own.docs[0].class, title: 'Liste de lectures' }))
  const listed = await rest('POST', '/resources', { token: await tokenFor(payload, demoAccounts.admin), form: reading })
  expect(listed.status).toBe(201)
  made.resources.push(listed.body.doc.id)

  // Stripe's API is a local stand-in (no network here); the mobile-money aggregator is the sandbox.
  stripe = await startStripeApi()
  server = await startServer(Number(process.env.KELASI_TEST_APP_PORT || 3210), {
    PAYMENTS_SANDBOX: 'on',
    SANDBOX_PENDING_MS: '500',
    STRIPE_SECRET_KEY: 'sk_test_portal',
    STRIPE_WEBHOOK_SECRET: 'whsec_portal',
    STRIPE_API_BASE: stripe.url,
  })
  browser = await launchBrowser()
}, 15 * 60_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await stripe?.close()
  // Grâce's family is the demo family again: the new parent's guardian record and account go.
  if (made.guardian) {
    const student = await payload.findByID({ collection: 'students', id: grace.id, ...system })
    const guardians = ((student.guardians ?? []) as number[]).filter((id) => id !== made.guardian)
    await payload.update({ collection: 'students', id: grace.id, data: { guardians }, ...system })
    await payload.delete({ collection: 'guardians', id: made.guardian, ...system })
  }
  await payload.delete({ collection: 'attendance', id: absence, ...system })
  for (const id of made.media) await payload.delete({ collection: 'media', id, ...system })
  for (const id of made.resources) await payload.delete({ collection: 'resources', id, ...system })
  if (made.user) {
    await payload.delete({ collection: 'link-codes', where: { usedBy: { equals: made.user } }, ...system })
    await payload.delete({ collection: 'users', id: made.user, ...system })
  }
  await closeTestPayload()
})

/** A phone-sized page in the school's language. */
const phone = (locale = 'fr-FR') => browser.newContext({ locale, viewport: { width: 390, height: 844 } })

const submit = (page: Page) => page.click('main button[type=submit]')

/** After a form is sent: the page it leads to, or the form's refusal named in the failure. */
const landsOn = async (page: Page, url: RegExp) => {
  try {
    await page.waitForURL(url, { timeout: 60_000 })
  } catch {
    throw new Error(`Still on ${page.url()}: ${await page.locator('main [role=alert]').allInnerTexts()}`)
  }
}

/** A link opened from an e-mail (a cross-site navigation), as Chromium sends it. */
const fromMail = { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' } }

const signIn = async (page: Page, who: string, pass: string) => {
  await page.goto(`${server.url}/fr/login`)
  await page.fill('#field-email', who)
  await page.fill('#field-password', pass)
  await submit(page)
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
}

describe('the portal, for a family', () => {
  let context: BrowserContext
  let page: Page
  beforeAll(async () => {
    context = await phone()
    page = await context.newPage()
  })
  afterAll(() => context?.close())

  it('a parent signs up, confirms the address from the e-mail and signs in', async () => {
    const answer = await page.goto(`${server.url}/`)
    expect(answer?.url()).toBe(`${server.url}/fr/login?next=%2Ffr`)
    await expectAccessible(page, 'portal-login')
    await page.click('text=Créer un compte parent')
    await page.waitForURL(`${server.url}/fr/signup`)
    await expectAccessible(page, 'portal-signup')

    // A weak password is refused beside its field, and the name typed stays.
    await page.fill('#field-name', 'KABEYA Mbuyi Thérèse')
    await page.fill('#field-email', email)
    await page.fill('#field-password', 'court')
    await submit(page)
    await page.waitForSelector('#field-password-error')
    expect(await page.inputValue('#field-name')).toBe('KABEYA Mbuyi Thérèse')
    expect(await page.getAttribute('#field-password', 'aria-invalid')).toBe('true')
    await expectAccessible(page, 'portal-signup-refused')

    await page.fill('#field-password', password)
    await submit(page)
    await page.waitForSelector(`[role=status]:has-text("${email}")`)
    const mail = await waitForMail(email, /confirmez/i)
    const link = linkIn(mail)
    expect(link).toMatch(new RegExp(`^${server.url}/fr/verify/`))

    await page.goto(link)
    await page.waitForURL(`${server.url}/fr/login?verified=1`)
    await page.waitForSelector('text=Votre adresse e-mail est confirmée')
    await page.fill('#field-email', email)
    await page.fill('#field-password', password)
    await submit(page)
    await page.waitForURL(`${server.url}/fr`)
    await page.waitForSelector('text=Aucun enfant n’est encore lié à votre compte.')
    await expectAccessible(page, 'portal-home-empty')
    made.user = (await payload.find({ collection: 'users', where: { email: { equals: email } }, ...system })).docs[0].id
  })

  it('links a child with the code the secretariat printed from the pupil’s page, then reads the published marks', async () => {
    // The secretary opens Grâce's record in the admin and prints the family's letter.
    const office = await browser.newContext({ locale: 'fr-FR' })
    const admin = await office.newPage()
    await admin.goto(`${server.url}/admin/login`)
    await admin.fill('#field-email', demoAccounts.secretariat)
    await admin.fill('#field-password', demoPassword)
    await admin.click('button[type=submit]')
    await admin.waitForURL(`${server.url}/admin`)
    await admin.goto(`${server.url}/admin/collections/students/${grace.id}`)
    // The letter the button opens, kept on its way to the browser's new tab.
    const letter = new Promise<{ type: string; body: Buffer }>((resolve) =>
      admin.route('**/api/link-codes/issue*', async (route) => {
        const response = await route.fetch()
        resolve({ type: response.headers()['content-type'], body: await response.body() })
        await route.fulfill({ response })
      }),
    )
    await admin.click('button:has-text("Lettre de code parent (PDF)")')
    const { type, body } = await letter
    expect(type).toBe('application/pdf')
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kelasi-letter-')), 'lettre.pdf')
    writeFileSync(file, body)
    const printed = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout
    expect(printed).toContain(`${server.url}/fr/signup`)
    const code = printed.match(/\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})\b/)![1]
    await office.close()

    await page.click('text=Lier un enfant')
    await page.waitForURL(`${server.url}/fr/link`)
    await page.fill('#field-code', 'ABCD-EFGH-JK')
    await submit(page)
    await page.waitForSelector('#field-code-error')
    await expectAccessible(page, 'portal-link-refused')
    await page.fill('#field-code', code.toLowerCase())
    await submit(page)
    await page.waitForURL(`${server.url}/fr/students/${grace.id}/marks`)
    const guardian = await payload.find({ collection: 'guardians', where: { user: { equals: made.user } }, ...system })
    made.guardian = guardian.docs[0].id

    const main = page.locator('main')
    expect(await main.innerText()).toContain('MUKENDI KUPA Grâce')
    // The marks the teacher published, with the term's result and the place in class.
    const published = await payload.find({ collection: 'grades', where: { student: { equals: grace.id }, published: { equals: true }, status: { equals: 'scored' } }, limit: 1, ...system, depth: 1 })
    const evaluation = published.docs[0].evaluation as { title: string; term: number }
    await page.goto(`${server.url}/fr/students/${grace.id}/marks?term=${evaluation.term}`)
    const text = await main.innerText()
    expect(text).toContain(evaluation.title)
    expect(text).toMatch(/Place\s+\d+ sur \d+/)
    await expectAccessible(page, 'portal-marks')
  })

  it('opens the published report card and downloads its PDF', async () => {
    await page.click('nav[aria-label=Rubriques] >> text=Bulletins')
    await page.waitForURL(`${server.url}/fr/students/${grace.id}/report-cards`)
    await expectAccessible(page, 'portal-report-cards')
    const href = await page.locator('a:has-text("Télécharger le PDF")').first().getAttribute('href')
    const pdf = await page.request.get(`${server.url}${href}`, fromMail)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('justifies an absence with a reason and a certificate, which the school then reads', async () => {
    await page.click('nav[aria-label=Rubriques] >> text=Présences')
    await page.waitForURL(`${server.url}/fr/students/${grace.id}/attendance`)
    await expectAccessible(page, 'portal-attendance')
    const card = page.locator(`#record-${absence}`)
    await card.locator('summary').click()
    await card.locator('button[type=submit]').click()
    await card.locator(`#r${absence}-field-justification-error`).waitFor()
    await expectAccessible(page, 'portal-attendance-refused')
    await card.locator('textarea').fill('Fièvre, consultation au centre de santé.')
    const certificate = await PDFDocument.create()
    certificate.addPage().drawText('Certificat medical')
    await card.locator('input[type=file]').setInputFiles({ name: 'certificat.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await certificate.save()) })
    await card.locator('button[type=submit]').click()
    await landsOn(page, new RegExp(`/attendance\\?justified=${absence}`))
    await page.waitForSelector('text=Merci : la justification a été transmise à l’école.')
    expect(await card.innerText()).toContain('Justifiée')
    await expectAccessible(page, 'portal-attendance-justified')

    const row = await payload.findByID({ collection: 'attendance', id: absence, ...system })
    expect(row).toMatchObject({ justification: 'Fièvre, consultation au centre de santé.', justifiedBy: made.user })
    const document = await payload.findByID({ collection: 'media', id: row.justificationDocument as number, ...system })
    made.media.push(document.id)
    expect(document).toMatchObject({ uploadedBy: made.user, school: grace.school, mimeType: 'application/pdf' })
  })

  it('shows the week and the coming assessments', async () => {
    await page.click('nav[aria-label=Rubriques] >> text=Horaire')
    await page.waitForURL(`${server.url}/fr/students/${grace.id}/timetable`)
    expect(await page.locator('main').innerText()).toContain('Lundi')
    await expectAccessible(page, 'portal-timetable')
  })

  it('reads what the class’s teacher shared and downloads the worksheet', async () => {
    await page.click('nav[aria-label=Rubriques] >> text=Ressources')
    await page.waitForURL(`${server.url}/fr/students/${grace.id}/resources`)
    const text = await page.locator('main').innerText()
    expect(text).toContain('Fiche : les fractions')
    expect(text).toContain('Exercices 1 à 5 pour jeudi.')
    expect(text).toMatch(/\(PDF, \d+ Ko\)/)
    expect(await page.locator('a:has-text("Ouvrir le lien « Vidéo : les fractions »")').getAttribute('href')).toBe('https://video.example/fractions')
    await expectAccessible(page, 'portal-resources')
    // As a family downloads it: a click on the link, the browser's own request with the session cookie.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Télécharger « Fiche : les fractions »")')])
    expect(download.suggestedFilename()).toMatch(/^fractions-\d+\.pdf$/)
    expect((await PDFDocument.load(readFileSync((await download.path())!))).getPageCount()).toBe(1)
  })

  it('pays an invoice by mobile money and sees it paid, with its receipt', async () => {
    await page.click('nav[aria-label=Rubriques] >> text=Factures')
    await page.waitForURL(`${server.url}/fr/students/${grace.id}/invoices`)
    await expectAccessible(page, 'portal-invoices')
    const card = page.locator(`#invoice-${invoice.id}`)
    expect(await card.innerText()).toContain('15,00')
    // By card: off to Stripe Checkout for the balance, which brings the parent back to this page.
    await page.route('https://checkout.stripe.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Stripe Checkout</title>' }))
    await card.locator('button:has-text("Payer par carte")').click()
    await page.waitForURL(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/)
    const checkout = stripe.sessions.at(-1)!.form
    expect(checkout).toMatchObject({ 'metadata[invoice]': String(invoice.id), 'line_items[0][price_data][unit_amount]': '1500', success_url: `${server.url}/fr/students/${grace.id}/invoices?paid=1` })
    await page.goBack()
    await page.waitForURL(`${server.url}/fr/students/${grace.id}/invoices`)
    await card.locator(`#mm${invoice.id}-field-phone`).fill('123')
    await card.locator('button[type=submit]').first().click()
    await card.locator(`#mm${invoice.id}-field-phone-error`).waitFor()
    await card.locator(`#mm${invoice.id}-field-phone`).fill('081 234 5678')
    await card.locator('button[type=submit]').first().click()
    await landsOn(page, /\/invoices\?pending=\d+/)
    // The phone confirms in the sandbox; the parent comes back to the page and finds it paid.
    const deadline = Date.now() + 60_000
    while (!(await card.innerText()).includes('Payée')) {
      if (Date.now() > deadline) throw new Error(`Invoice ${invoice.number} still not paid: ${await card.innerText()}`)
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      await page.reload()
    }
    expect(await card.innerText()).toMatch(/Reçu REC-/)
    await expectAccessible(page, 'portal-invoices-paid')
    const paid = await payload.findByID({ collection: 'invoices', id: invoice.id, ...system })
    expect(paid).toMatchObject({ status: 'paid', balance: 0 })
  })

  it('gets nothing for another family’s child, whatever the URL says', async () => {
    for (const section of ['marks', 'report-cards', 'attendance', 'timetable', 'resources', 'invoices']) {
      const answer = await page.goto(`${server.url}/fr/students/${jonathan}/${section}`)
      expect(answer?.status()).toBe(404)
      const text = await page.locator('main').innerText()
      expect(text).toContain('Page introuvable')
      expect(text).not.toContain('MUKENDI BOSENGE')
    }
    await expectAccessible(page, 'portal-not-found')
    const cards = await payload.find({ collection: 'report-cards', where: { student: { equals: jonathan }, status: { equals: 'published' } }, limit: 1, ...system })
    expect((await page.request.get(`${server.url}/api/report-cards/${cards.docs[0].id}/pdf`, fromMail)).status()).toBe(404)
  })

  it('switches to English, and the account remembers it', async () => {
    await page.goto(`${server.url}/fr/students/${grace.id}/marks`)
    await page.click('header button:has-text("English")')
    await page.waitForURL(`${server.url}/en/students/${grace.id}/marks`)
    expect(await page.locator('main h1').innerText()).toBe('Marks')
    await expectAccessible(page, 'portal-marks-en')
    const user = await payload.findByID({ collection: 'users', id: made.user!, ...system })
    expect(user.language).toBe('en')
    const root = await page.goto(`${server.url}/`)
    expect(root?.url()).toBe(`${server.url}/en`)
  })

  it('resets a forgotten password from the e-mailed link', async () => {
    await page.click('header button:has-text("Sign out")')
    await page.waitForURL(`${server.url}/en/login`)
    await page.click('text=Forgot your password?')
    await expectAccessible(page, 'portal-forgot-password')
    await page.fill('#field-email', email)
    await submit(page)
    await page.waitForSelector('[role=status]')
    const link = linkIn(await waitForMail(email, /password/i))
    expect(link).toMatch(new RegExp(`^${server.url}/en/reset/`))
    await page.goto(link)
    await expectAccessible(page, 'portal-reset-password')
    await page.fill('#field-password', 'Kinshasa-Nouveau-2027')
    await page.fill('#field-confirm', 'Kinshasa-Nouveau-2027')
    await submit(page)
    await page.waitForURL(`${server.url}/en`)
    expect(await page.locator('main').innerText()).toContain('MUKENDI KUPA Grâce')
  })
})

describe('the portal, for a student', () => {
  it('opens their own marks, and no family invoices', async () => {
    const context = await phone()
    const page = await context.newPage()
    await signIn(page, demoAccounts.student, demoPassword)
    await page.waitForURL(/\/fr\/students\/\d+\/marks$/)
    const nav = await page.locator('nav[aria-label=Rubriques]').innerText()
    expect(nav).toContain('Notes')
    expect(nav).not.toContain('Factures')
    await expectAccessible(page, 'portal-student-marks')
    const self = page.url().match(/students\/(\d+)/)![1]
    expect((await page.goto(`${server.url}/fr/students/${self}/invoices`))?.status()).toBe(404)
    expect((await page.goto(`${server.url}/fr/students/${grace.id}/marks`))?.status()).toBe(404)
    await context.close()
  })

  it('downloads what was shared with their class, and gets nothing of another class’s', async () => {
    const context = await phone()
    const page = await context.newPage()
    await signIn(page, demoAccounts.student, demoPassword)
    await page.waitForURL(/\/fr\/students\/\d+\/marks$/)
    await page.click('nav[aria-label=Rubriques] >> text=Ressources')
    await page.waitForURL(/\/fr\/students\/\d+\/resources$/)
    const text = await page.locator('main').innerText()
    expect(text).toContain('Liste de lectures')
    expect(text).not.toContain('Fiche : les fractions')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Télécharger « Liste de lectures »")')])
    expect(download.suggestedFilename()).toMatch(/^lectures-\d+\.pdf$/)
    expect((await PDFDocument.load(readFileSync((await download.path())!))).getPageCount()).toBe(1)
    // Grâce's class's worksheet, by its real address, in the same signed-in browser.
    const worksheet = await payload.findByID({ collection: 'resources', id: made.resources[0], ...system })
    const answer = await page.goto(`${server.url}${new URL(worksheet.url!, server.url).pathname}`)
    expect([403, 404]).toContain(answer?.status())
    expect(answer?.headers()['content-type'] ?? '').not.toContain('application/pdf')
    await context.close()
  })
})

describe('the portal’s messages', () => {
  let stranger: Awaited<ReturnType<typeof otherClassTeacher>>
  const opened: number[] = []
  beforeAll(async () => {
    stranger = await otherClassTeacher(payload, grace.school, 'portail')
  })
  afterAll(async () => {
    for (const conversation of opened) {
      await payload.delete({ collection: 'messages', where: { conversation: { equals: conversation } }, ...system })
      await payload.delete({ collection: 'message-attachments', where: { conversation: { equals: conversation } }, ...system })
      await payload.delete({ collection: 'conversations', id: conversation, ...system })
    }
    await stranger?.remove()
  })

  it('a parent writes to their child’s teacher, who is offered; a teacher of another class is not, and a forged choice is refused', async () => {
    const context = await phone()
    const page = await context.newPage()
    await signIn(page, demoAccounts.parent, demoPassword)
    await page.goto(`${server.url}/fr/messages/new`)
    const offered = await page.locator('#field-participants option').allInnerTexts()
    expect(offered.some((name) => name.startsWith('Patrick KALALA'))).toBe(true)
    expect(offered.some((name) => name.startsWith(stranger.user.name))).toBe(false)
    await expectAccessible(page, 'portal-messages-new')

    // The same form, its choice edited in the page to name the other class's teacher.
    await page.evaluate((id) => {
      const select = document.querySelector<HTMLSelectElement>('#field-participants')!
      select.add(new Option('?', String(id)))
      select.value = String(id)
    }, stranger.user.id)
    await page.fill('#field-topic', 'Bonjour')
    await page.fill('#field-body', 'Message forgé.')
    await submit(page)
    await page.waitForSelector('main [role=alert]')
    expect(await page.locator('main [role=alert]').innerText()).toContain(`Vous ne pouvez pas écrire à : ${stranger.user.name}`)
    const forged = await payload.find({ collection: 'conversations', where: { participants: { in: [stranger.user.id] } }, ...system })
    expect(forged.totalDocs).toBe(0)

    await page.selectOption('#field-participants', { label: offered.find((name) => name.startsWith('Patrick KALALA'))! })
    await page.fill('#field-topic', 'Absence de Grâce')
    await page.fill('#field-body', 'Bonjour Monsieur,\n\nGrâce était malade mardi.')
    await submit(page)
    await landsOn(page, /\/fr\/messages\/\d+\?sent=1/)
    const id = Number(page.url().match(/messages\/(\d+)/)![1])
    opened.push(id)
    expect(await page.locator('main').innerText()).toContain('Grâce était malade mardi.')
    await expectAccessible(page, 'portal-messages-thread')

    // The teacher answers; the parent's list marks it unread, the thread shows it, and the teacher's message is then read.
    const teacher = await tokenFor(payload, demoAccounts.teacher)
    const answer = await rest('POST', '/messages', { token: teacher, body: { conversation: id, body: body('Merci, bon rétablissement.') } })
    expect(answer.status).toBe(201)
    await page.goto(`${server.url}/fr/messages`)
    expect(await page.locator(`main li:has(a[href="/fr/messages/${id}"])`).innerText()).toContain('Non lu')
    await expectAccessible(page, 'portal-messages')
    await page.click(`a[href="/fr/messages/${id}"]`)
    expect(await page.locator('main').innerText()).toContain('Merci, bon rétablissement.')
    const conversation = await payload.findByID({ collection: 'conversations', id, ...system })
    const parent = (await payload.find({ collection: 'users', where: { email: { equals: demoAccounts.parent } }, ...system })).docs[0]
    const parentRead = (conversation.reads ?? []).find((r) => r.user === parent.id)
    expect(Date.parse(parentRead!.at!)).toBeGreaterThanOrEqual(Date.parse(answer.body.doc.createdAt))
    await context.close()
  })
})

describe('the portal’s forms', () => {
  it('refuse the same post sent from another site: no session, no change', async () => {
    const context = await phone()
    const page = await context.newPage()
    // The browser's own sign-in post, kept as it went out.
    let sent: { url: string; headers: Record<string, string>; body: Buffer } | undefined
    await page.route('**/fr/login', async (route) => {
      const request = route.request()
      if (request.method() === 'POST') sent = { url: request.url(), headers: await request.allHeaders(), body: request.postDataBuffer()! }
      await route.continue()
    })
    await signIn(page, demoAccounts.student, demoPassword)
    expect(sent?.headers['next-action']).toBeTruthy()

    const forged = await page.request.post(sent!.url, {
      headers: { ...sent!.headers, origin: 'https://evil.example', cookie: '' },
      data: sent!.body,
      maxRedirects: 0,
    })
    expect(forged.status()).toBeGreaterThanOrEqual(400)
    expect(forged.headers()['set-cookie'] ?? '').not.toContain('payload-token')
    await context.close()
  })
})
