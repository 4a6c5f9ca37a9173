/**
 * The teacher workspace in Chromium, on the built app, on a phone: the demo teacher signs in at
 * /console, sees their week, takes a class's roll (one pupil absent, one late) and enters an
 * evaluation's marks (a score above the maximum refused as typed, then saved and published).
 * The attendance rows and the grades are checked in the database; the test puts back what it changed.
 * axe-core checks the week, the roll and the mark sheet (WCAG 2.1 A/AA).
 */
import type { Payload } from 'payload'
import { PDFDocument } from 'pdf-lib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { demoAccounts, demoPassword, otherAccounts, tokenFor } from '../support/accounts'
import { rest } from '../support/http'
import { expectAccessible } from '../support/axe'
import { launchBrowser, shots } from '../support/browser'
import { closeTestPayload, testPayload } from '../support/payload'
import { startServer } from '../../scripts/server'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let context: BrowserContext
let page: Page
let payload: Payload
const system = { overrideAccess: true, depth: 0 } as const

// A past afternoon with no roll taken in the demo data: the test's own, removed afterwards.
const day = '2026-11-18'
type Pupil = { id: number; fullName: string }
let klass: { id: number; name: string }
let other: { id: number }
let pupils: Pupil[]
let evaluation: { id: number; title: string; maximum: number }
const made: { resources: number[]; conversations: number[] } = { resources: [], conversations: [] }

beforeAll(async () => {
  payload = await testPayload()
  const classes = await payload.find({ collection: 'classes', where: { code: { in: ['7EB', '2HS'] } }, ...system })
  const byCode = (code: string) => classes.docs.find((doc) => doc.code === code)!
  klass = { id: byCode('7EB').id, name: byCode('7EB').name }
  // A class the demo teacher does not teach (the demo teacher has 5P-A, 6P-A and 7EB).
  other = { id: byCode('2HS').id }
  const enrolled = await payload.find({ collection: 'enrollments', where: { class: { equals: klass.id }, status: { equals: 'active' } }, pagination: false, ...system })
  const students = await payload.find({ collection: 'students', where: { id: { in: enrolled.docs.map((row) => row.student as number) } }, pagination: false, ...system })
  pupils = students.docs.map((doc) => ({ id: doc.id, fullName: doc.fullName! })).sort((a, b) => a.fullName.localeCompare(b.fullName, 'fr'))
  // The second period's test, not yet marked nor published: the demo teacher's course.
  const found = await payload.find({ collection: 'evaluations', where: { class: { equals: klass.id }, title: { equals: 'Interrogation 2' } }, ...system })
  evaluation = { id: found.docs[0].id, title: found.docs[0].title, maximum: found.docs[0].maximum }
  expect(evaluation.maximum).toBe(10)
  expect((await payload.count({ collection: 'grades', where: { evaluation: { equals: evaluation.id } }, overrideAccess: true })).totalDocs).toBe(0)
  expect((await payload.count({ collection: 'attendance', where: { class: { equals: klass.id }, date: { equals: `${day}T00:00:00.000Z` } }, overrideAccess: true })).totalDocs).toBe(0)

  server = await startServer(Number(process.env.KELASI_TEST_APP_PORT || 3210))
  browser = await launchBrowser()
  context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Africa/Kinshasa', viewport: { width: 390, height: 844 } })
  page = await context.newPage()
}, 15 * 60_000)

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.stop()
  if (payload) {
    await payload.delete({ collection: 'attendance', where: { class: { equals: klass.id }, date: { equals: `${day}T00:00:00.000Z` } }, ...system })
    await payload.update({ collection: 'evaluations', id: evaluation.id, data: { published: false }, ...system })
    await payload.delete({ collection: 'grades', where: { evaluation: { equals: evaluation.id } }, ...system })
    for (const id of made.resources) await payload.delete({ collection: 'resources', id, ...system })
    for (const id of made.conversations) {
      await payload.delete({ collection: 'messages', where: { conversation: { equals: id } }, ...system })
      await payload.delete({ collection: 'conversations', id, ...system })
    }
  }
  await closeTestPayload()
})

const shot = (name: string) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
const notification = () => page.locator('.MuiSnackbar-root')
const rollOf = (pupil: Pupil) => page.getByRole('group', { name: `Présence de ${pupil.fullName}`, exact: true })
const scoreOf = (pupil: Pupil) => page.getByLabel(`Note de ${pupil.fullName} sur 10`)

describe('the teacher workspace', () => {
  it('a parent signed in here is told the workspace is the staff’s, and where the portal is', async () => {
    const family = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } })
    const parentPage = await family.newPage()
    await parentPage.goto(`${server.url}/console`)
    await parentPage.fill('input[name=email]', demoAccounts.parent)
    await parentPage.fill('input[name=password]', demoPassword)
    await parentPage.click('button[type=submit]')
    await parentPage.getByRole('alert').filter({ hasText: 'Espace réservé au personnel' }).waitFor()
    expect(await parentPage.getByRole('link', { name: 'Ouvrir le portail' }).getAttribute('href')).toBe('/fr')
    await family.close()
  })

  it('the demo teacher signs in and sees their week and classes', async () => {
    await page.goto(`${server.url}/console`)
    await page.waitForSelector('input[name=email]')
    await shot('console-login')
    await page.fill('input[name=email]', demoAccounts.teacher)
    await page.fill('input[name=password]', demoPassword)
    await page.click('button[type=submit]')
    await page.getByRole('heading', { name: /^Bonjour / }).waitFor()
    await page.getByRole('heading', { name: 'Mes classes' }).waitFor()
    await page.getByRole('heading', { name: klass.name, exact: true }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    await expectAccessible(page, 'console-home')
  })

  it('takes the roll: everyone present, one absent and one late, saved at once', async () => {
    await page.goto(`${server.url}/console#/roll-call/${klass.id}?date=${day}&halfDay=afternoon`)
    const counts = page.getByTestId('roll-counts')
    await counts.filter({ hasText: `${pupils.length} présents · 0 absents · 0 en retard · ${pupils.length} élèves` }).waitFor()
    await page.getByText('Appel pas encore fait').waitFor()
    const [absent, late] = pupils
    await rollOf(absent).getByRole('button', { name: 'Absent' }).click()
    await rollOf(late).getByRole('button', { name: 'En retard' }).click()
    await page.getByLabel(`Minutes de retard — ${late.fullName}`).fill('10')
    expect(await rollOf(absent).getByRole('button', { name: 'Absent' }).getAttribute('aria-pressed')).toBe('true')
    await counts.filter({ hasText: `${pupils.length - 2} présents · 1 absents · 1 en retard` }).waitFor()
    await expectAccessible(page, 'console-roll')
    await page.getByRole('button', { name: 'Enregistrer l’appel' }).click()
    await notification().filter({ hasText: `Appel enregistré : ${pupils.length} élèves` }).waitFor()

    const rows = await payload.find({ collection: 'attendance', where: { class: { equals: klass.id }, date: { equals: `${day}T00:00:00.000Z` } }, pagination: false, ...system })
    const byStudent = new Map(rows.docs.map((row) => [row.student as number, row]))
    expect(rows.docs).toHaveLength(pupils.length)
    expect(byStudent.get(absent.id)).toMatchObject({ status: 'absent', halfDay: 'afternoon', slot: null })
    expect(byStudent.get(late.id)).toMatchObject({ status: 'late', minutesLate: 10 })
    expect(rows.docs.filter((row) => row.status === 'present')).toHaveLength(pupils.length - 2)

    // Opened again, the roll shows what was saved.
    await page.reload()
    await page.getByText('L’appel a déjà été fait').waitFor()
    expect(await rollOf(absent).getByRole('button', { name: 'Absent' }).getAttribute('aria-pressed')).toBe('true')
    expect(await rollOf(late).getByRole('button', { name: 'En retard' }).getAttribute('aria-pressed')).toBe('true')
  })

  it('a class the teacher does not teach is refused, not shown empty', async () => {
    await page.goto(`${server.url}/console#/roll-call/${other.id}?date=${day}&halfDay=afternoon`)
    await page.getByRole('alert').filter({ hasText: 'Appel refusé' }).waitFor()
    expect(await page.getByRole('button', { name: 'Enregistrer l’appel' }).count()).toBe(0)
  })

  it('enters the marks: a score above the maximum refused as typed, the average live, one save, then publication', async () => {
    await page.goto(`${server.url}/console#/evaluations?${new URLSearchParams({ filter: JSON.stringify({ class: klass.id }) })}`)
    // On a phone the list is one button per evaluation (title, publication, date), opening its mark sheet.
    await page.getByRole('button', { name: new RegExp(`^${evaluation.title} Non publiées`) }).click()
    await page.waitForURL(new RegExp(`#/gradebook/${evaluation.id}$`))
    const [first, second, third] = pupils
    await scoreOf(first).fill('25')
    await page.getByText('La note dépasse le maximum (10).').waitFor()
    const save = page.getByRole('button', { name: 'Enregistrer les notes' })
    expect(await save.isDisabled()).toBe(true)
    await shot('console-gradebook-refused')

    await scoreOf(first).fill('8,5')
    await scoreOf(second).fill('7')
    await page.getByRole('group', { name: third.fullName, exact: true }).getByRole('button', { name: 'Absent' }).click()
    const stats = page.getByTestId('mark-stats')
    await stats.filter({ hasText: 'Moyenne : 7,75 / 10' }).waitFor()
    await stats.filter({ hasText: 'Plus basse : 7 / 10' }).waitFor()
    await stats.filter({ hasText: 'Plus haute : 8,5 / 10' }).waitFor()
    expect(await save.isDisabled()).toBe(false)
    await save.click()
    await notification().filter({ hasText: 'Notes enregistrées : 3 nouvelles' }).waitFor()
    await expectAccessible(page, 'console-gradebook')

    const grades = await payload.find({ collection: 'grades', where: { evaluation: { equals: evaluation.id } }, pagination: false, ...system })
    const byStudent = new Map(grades.docs.map((grade) => [grade.student as number, grade]))
    expect(grades.docs).toHaveLength(3)
    expect(byStudent.get(first.id)).toMatchObject({ status: 'scored', score: 8.5, published: false })
    expect(byStudent.get(second.id)).toMatchObject({ status: 'scored', score: 7 })
    expect(byStudent.get(third.id)).toMatchObject({ status: 'absent', score: null })

    await page.getByRole('button', { name: 'Publier les notes' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click()
    await notification().filter({ hasText: 'Notes publiées' }).waitFor()
    expect((await payload.findByID({ collection: 'evaluations', id: evaluation.id, ...system })).published).toBe(true)
    expect((await payload.findByID({ collection: 'grades', id: byStudent.get(first.id)!.id, ...system })).published).toBe(true)
  })

  it('shares a PDF with the class: uploaded, listed, and stored for the class only', async () => {
    const pdf = await PDFDocument.create()
    pdf.addPage().drawText('Lecon 4 : les fractions')
    const title = `Leçon des fractions ${Date.now()}`
    await page.goto(`${server.url}/console#/resources/create`)
    await page.getByRole('combobox', { name: /^Classe/ }).click()
    await page.getByRole('option', { name: klass.name, exact: true }).click()
    await page.getByLabel(/^Titre/).fill(title)
    await page.locator('input[type=file]').setInputFiles({ name: 'fractions.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdf.save()) })
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.waitForURL(/#\/resources$/)
    await page.getByText(title).waitFor()
    await expectAccessible(page, 'console-resources')
    const shared = await payload.find({ collection: 'resources', where: { title: { equals: title } }, ...system })
    expect(shared.docs).toHaveLength(1)
    made.resources.push(shared.docs[0].id)
    expect(shared.docs[0]).toMatchObject({ class: klass.id, mimeType: 'application/pdf' })
    expect(shared.docs[0].filename).toMatch(/^fractions.*\.pdf$/)
  })

  it('writes to a pupil’s guardian, sees "Lu" once they have read it, and closes the conversation', async () => {
    const topic = `Exposé d’Exaucé ${Date.now()}`
    await page.goto(`${server.url}/console#/conversations/create`)
    await page.getByLabel(/^Objet/).fill(topic)
    await page.getByRole('combobox', { name: /^Destinataire/ }).click()
    await page.getByRole('option', { name: 'Dieudonné KASONGO', exact: true }).click()
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.waitForURL(/#\/conversations\/\d+\/show$/)
    const id = Number(page.url().match(/conversations\/(\d+)/)![1])
    made.conversations.push(id)
    await page.getByLabel('Votre message').fill('Exaucé a très bien présenté son exposé.')
    await page.getByRole('button', { name: 'Envoyer' }).click()
    await page.getByText('Exaucé a très bien présenté son exposé.').waitFor()
    await expectAccessible(page, 'console-conversation')

    const guardian = await tokenFor(payload, otherAccounts.parent)
    expect((await rest('POST', `/conversations/${id}/read`, { token: guardian })).status).toBe(200)
    await page.reload()
    await page.getByText('Lu', { exact: true }).waitFor()
    await page.getByRole('button', { name: 'Fermer la conversation' }).click()
    await page.getByText('Fermée', { exact: true }).waitFor()
    expect(await page.getByLabel('Votre message').count()).toBe(0)
    expect((await payload.findByID({ collection: 'conversations', id, ...system })).status).toBe('closed')
  })
})
