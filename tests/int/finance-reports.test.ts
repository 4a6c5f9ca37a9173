/**
 * Finance reports on PostgreSQL: the figures this suite adds (payments, a refund, an overdue
 * invoice) show in collections, cash position and aging, compared with the report before them
 * (other suites and the demo add their own records); CSV, xlsx and PDF downloads; refusals.
 */
import { execFileSync } from 'node:child_process'
import ExcelJS from 'exceljs'
import type { Payload } from 'payload'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { ledgerOf } from '../support/ledger'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
const tokens: Record<string, string> = {}
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  for (const persona of ['finance', 'admin', 'it', 'teacher', 'parent', 'secretariat', 'student'] as const) tokens[persona] = await tokenFor(payload, demoAccounts[persona])
})
afterAll(closeTestPayload)

const today = new Date(Date.now() + 3600_000).toISOString().slice(0, 10)
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10)
const month = today.slice(0, 7)
const report = (name: string, query: Record<string, string> = {}, token = tokens.finance, headers: Record<string, string> = {}) =>
  rest('GET', `/finance-reports/${name}?${new URLSearchParams({ school: String(fx.schools.main.id), from: today, to: today, ...query })}`, { token, headers })

const rowOf = (body: any, match: Record<string, unknown>) => body.rows.find((r: any) => Object.entries(match).every(([k, v]) => r[k] === v)) ?? {}
const figure = (body: any, match: Record<string, unknown>, key: string) => Number(rowOf(body, match)[key] ?? 0)
const total = (body: any, currency: string, key: string) => Number(body.totals.find((t: any) => t.currency === currency)?.values[key] ?? 0)

const ledger = () => ledgerOf(fx, () => tokens.finance)
const newInvoice = (extra: Record<string, unknown>) => ledger().newInvoice(50_000, { dueDate: undefined, lines: [{ kind: 'extra', label: 'Rapport', amount: 50_000 }], ...extra })
const pay = (invoice: number, body: Record<string, unknown>) => ledger().pay(invoice, body)

describe('collections and cash position', () => {
  it('count this suite’s payments and refund per month, class and method, in their currency', async () => {
    const before = { month: (await report('collections', { by: 'month' })).body, klass: (await report('collections', { by: 'class' })).body, cash: (await report('cash-position')).body }
    const invoice = await newInvoice({ dueDate: '2027-06-30' })
    await pay(invoice.id, { amount: 12_000 })
    await pay(invoice.id, { amount: 3_000, method: 'bank' })
    await pay(invoice.id, { amount: 1_000, kind: 'refund' })
    await pay(invoice.id, { amount: 2_850_000, currency: 'CDF', exchangeRate: '2850' })
    const after = { month: (await report('collections', { by: 'month' })).body, klass: (await report('collections', { by: 'class' })).body, cash: (await report('cash-position')).body }

    const cashUsd = { period: month, method: 'cash', currency: 'USD' }
    expect(figure(after.month, cashUsd, 'received') - figure(before.month, cashUsd, 'received')).toBe(12_000)
    expect(figure(after.month, cashUsd, 'refunded') - figure(before.month, cashUsd, 'refunded')).toBe(1_000)
    expect(figure(after.month, cashUsd, 'count') - figure(before.month, cashUsd, 'count')).toBe(2)
    expect(figure(after.month, { period: month, method: 'bank', currency: 'USD' }, 'net') - figure(before.month, { period: month, method: 'bank', currency: 'USD' }, 'net')).toBe(3_000)
    expect(figure(after.month, { period: month, method: 'cash', currency: 'CDF' }, 'net') - figure(before.month, { period: month, method: 'cash', currency: 'CDF' }, 'net')).toBe(2_850_000)
    // Dollars and francs are totalled apart, never converted.
    expect(total(after.month, 'USD', 'net') - total(before.month, 'USD', 'net')).toBe(14_000)
    expect(total(after.month, 'CDF', 'net') - total(before.month, 'CDF', 'net')).toBe(2_850_000)
    // Grâce is in 5P-A.
    const klass = { class: fx.classes.taught.code, method: 'cash', currency: 'USD' }
    expect(figure(after.klass, klass, 'net') - figure(before.klass, klass, 'net')).toBe(11_000)
    expect(after.month.columns.map((c: any) => c.label)).toEqual(['Période', 'Mode', 'Devise', 'Nombre', 'Reçu', 'Remboursé', 'Net'])

    expect(figure(after.cash, { method: 'cash', currency: 'USD' }, 'net') - figure(before.cash, { method: 'cash', currency: 'USD' }, 'net')).toBe(11_000)
    expect(total(after.cash, 'USD', 'net') - total(before.cash, 'USD', 'net')).toBe(14_000)
    expect(total(after.cash, 'CDF', 'received') - total(before.cash, 'CDF', 'received')).toBe(2_850_000)
  })

  it('by day, for a period of the past with nothing in it, is an empty table', async () => {
    const answer = await report('collections', { by: 'day', from: '2020-01-01', to: '2020-01-31' })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ rows: [], totals: [] })
  })
})

describe('outstanding and aging', () => {
  it('puts an overdue invoice of the family in its bucket, under its guardians’ names', async () => {
    const before = (await report('aging', { to: today })).body
    await newInvoice({ dueDate: daysAgo(45), issueDate: daysAgo(60), lines: [{ kind: 'extra', label: 'Sortie', amount: 3_333 }] })
    const after = (await report('aging', { to: today })).body
    const family = after.rows.find((r: any) => r.currency === 'USD' && String(r.students).includes('Grâce'))
    expect(family.family).toMatch(/MUKENDI/)
    const mine = { family: family.family, currency: 'USD' }
    expect(figure(after, mine, 'days31to60') - figure(before, mine, 'days31to60')).toBe(3_333)
    expect(figure(after, mine, 'total') - figure(before, mine, 'total')).toBe(3_333)
    expect(after.columns.map((c: any) => c.key)).toEqual(['family', 'students', 'currency', 'invoices', 'current', 'days1to30', 'days31to60', 'days61to90', 'over90', 'total'])
  })
})

describe('downloads', () => {
  it('as CSV, in French or English', async () => {
    const fr = await report('collections', { format: 'csv' })
    expect(fr.status).toBe(200)
    expect(fr.headers.get('content-type')).toContain('text/csv')
    const lines = String(fr.body).replace(/^\ufeff/, '').trim().split('\r\n')
    expect(lines[0]).toBe('Période;Mode;Devise;Nombre;Reçu;Remboursé;Net')
    expect(lines.some((l) => /^Total;;USD;/.test(l))).toBe(true)
    expect(lines.some((l) => new RegExp(`^${month};Espèces;USD;\\d+;\\d+,\\d{2};`).test(l))).toBe(true)
    const en = await report('collections', { format: 'csv' }, tokens.finance, { 'Accept-Language': 'en' })
    expect(String(en.body).replace(/^\ufeff/, '').split('\r\n')[0]).toBe('Period,Method,Currency,Count,Received,Refunded,Net')
  })

  it('as .xlsx', async () => {
    const request = new Request(`http://localhost/api/finance-reports/aging?school=${fx.schools.main.id}&to=${today}&format=xlsx`, { headers: { Authorization: `JWT ${tokens.finance}` } })
    const { handleEndpoints } = await import('payload')
    const config = (await import('@payload-config')).default
    const response = await handleEndpoints({ config, path: '/api/finance-reports/aging', request })
    expect(response.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
    const sheet = workbook.worksheets[0]
    expect(sheet.getRow(1).getCell(1).value).toBe(fx.schools.main.name)
    expect(sheet.getRow(3).values).toEqual([undefined, 'Famille', 'Élèves', 'Devise', 'Factures', 'Non échu', '1–30 j', '31–60 j', '61–90 j', '> 90 j', 'Total'])
    expect(typeof sheet.getRow(4).getCell(10).value).toBe('number')
  })

  it('as a PDF under the school’s letterhead', async () => {
    const request = new Request(`http://localhost/api/finance-reports/cash-position?school=${fx.schools.main.id}&from=${today}&to=${today}&format=pdf`, { headers: { Authorization: `JWT ${tokens.finance}` } })
    const { handleEndpoints } = await import('payload')
    const config = (await import('@payload-config')).default
    const response = await handleEndpoints({ config, path: '/api/finance-reports/cash-position', request })
    expect({ status: response.status, body: response.status === 200 ? '' : await response.clone().text() }).toEqual({ status: 200, body: '' })
    expect(response.headers.get('content-type')).toBe('application/pdf')
    const pdf = Buffer.from(await response.arrayBuffer())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString()
    expect(text).toContain(fx.schools.main.name)
    expect(text).toContain('Position de trésorerie')
    expect(text).toContain('Espèces')
    expect(text).toContain('Page 1 / 1')
  })
})

describe('who may read them', () => {
  it('the direction and IT read them too', async () => {
    for (const persona of ['admin', 'it'] as const) expect((await report('collections', {}, tokens[persona])).status).toBe(200)
  })

  it.each(['teacher', 'parent', 'secretariat', 'student'] as const)('as %s: refused', async (persona) => {
    for (const name of ['collections', 'aging', 'cash-position']) {
      const answer = await report(name, {}, tokens[persona])
      expect({ name, status: answer.status }).toEqual({ name, status: 403 })
    }
  })

  it('without logging in: refused', async () => {
    expect((await rest('GET', `/finance-reports/collections?school=${fx.schools.main.id}`)).status).toBe(401)
  })

  it('the finance of one school does not read another’s', async () => {
    expect((await report('collections', { school: String(fx.schools.matete.id) })).status).toBe(404)
  })

  it('refuses an unknown report, a bad period or format, naming the parameter', async () => {
    expect((await report('salaires')).status).toBe(404)
    const range = await report('collections', { from: '2026-12-01', to: '2026-01-01' })
    expect(range.status).toBe(400)
    expect(range.body.errors[0].data.errors[0].path).toBe('from')
    const format = await report('collections', { format: 'docx' })
    expect(format.status).toBe(400)
    expect(format.body.errors[0].data.errors[0].path).toBe('format')
  })

  it('sum the expenses by category and status, and subtract the approved ones from the cash position', async () => {
    const before = { expenses: (await report('expenses')).body, cash: (await report('cash-position')).body }
    const spend = async (category: string, amount: number, approve: boolean) => {
      const made = await rest('POST', '/expenses', { token: tokens.finance, body: { school: fx.schools.main.id, date: today, category, description: `Rapport ${category}`, amount, currency: 'USD' } })
      expect(made.status).toBe(201)
      if (approve) expect((await rest('PATCH', `/expenses/${made.body.doc.id}`, { token: tokens.admin, body: { status: 'approved' } })).status).toBe(200)
    }
    await spend('utilities', 7_500, true)
    await spend('utilities', 2_500, false)
    await spend('transport', 4_000, true)
    const after = { expenses: (await report('expenses')).body, cash: (await report('cash-position')).body }
    const utilities = { category: 'utilities', currency: 'USD' }
    expect(figure(after.expenses, utilities, 'approved') - figure(before.expenses, utilities, 'approved')).toBe(7_500)
    expect(figure(after.expenses, utilities, 'submitted') - figure(before.expenses, utilities, 'submitted')).toBe(2_500)
    expect(figure(after.expenses, { category: 'transport', currency: 'USD' }, 'approved') - figure(before.expenses, { category: 'transport', currency: 'USD' }, 'approved')).toBe(4_000)
    expect(total(before.cash, 'USD', 'net') - total(after.cash, 'USD', 'net')).toBe(11_500)
  })
})
