/**
 * Reconciling statements on PostgreSQL: a CSV and an .xlsx statement built from real payments,
 * matched, ambiguous and unmatched lines, confirmation, the CSV export, a bad row refused
 * whole, and the staff who may not reconcile refused.
 */
import ExcelJS from 'exceljs'
import type { Payload } from 'payload'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { errorMessages, rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
const tokens: Record<string, string> = {}
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  for (const persona of ['finance', 'admin', 'teacher', 'parent', 'secretariat'] as const) tokens[persona] = await tokenFor(payload, demoAccounts[persona])
})
afterAll(closeTestPayload)

// Amounts no other record of the demo school has, so the matching sees only this suite's payments.
const run = Math.floor(Math.random() * 5_000) * 10
const amounts = { byReceipt: 1_234_567 + run, byProvider: 765_431 + run, twin: 246_813 + run, byPhone: 135_791 + run }
const today = new Date(Date.now() + 3600_000).toISOString().slice(0, 10)
const french = (day: string) => day.split('-').reverse().join('/')
const decimalFr = (minor: number) => `${Math.floor(minor / 100).toLocaleString('fr-FR').replace(/\s/g, ' ')},${String(minor % 100).padStart(2, '0')}`

const pay = async (invoice: number, body: Record<string, unknown>) => {
  const answer = await rest('POST', '/payments', { token: tokens.finance, body: { school: fx.schools.main.id, invoice, method: 'cash', ...body } })
  expect(answer.status).toBe(201)
  return answer.body.doc
}

const upload = (file: Blob, name: string, fields: Record<string, string> = {}, token = tokens.finance) => {
  const form = new FormData()
  form.append('file', file, name)
  form.append('school', String(fx.schools.main.id))
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  return rest('POST', '/reconciliations/import', { token, form })
}
const csvFile = (text: string) => new Blob([text], { type: 'text/csv' })

let payments: Record<string, any>
beforeAll(async () => {
  const invoice = await rest('POST', '/invoices', {
    token: tokens.finance,
    body: { school: fx.schools.main.id, student: fx.students.childA.id, schoolYear: fx.schoolYears.main.id, currency: 'USD', dueDate: '2027-06-30', lines: [{ kind: 'tuition', label: 'Minerval (rapprochement)', amount: 100_000_000 }] },
  })
  expect(invoice.status).toBe(201)
  const id = invoice.body.doc.id
  payments = {
    byReceipt: await pay(id, { amount: amounts.byReceipt }),
    byProvider: await pay(id, { amount: amounts.byProvider, method: 'bank', providerReference: `VIR-RAW-${run}-88123` }),
    twinA: await pay(id, { amount: amounts.twin }),
    twinB: await pay(id, { amount: amounts.twin }),
    byPhoneA: await pay(id, { amount: amounts.byPhone, phone: '+243 812 345 678' }),
    byPhoneB: await pay(id, { amount: amounts.byPhone, phone: '0991234567' }),
  }
})

describe('a CSV statement', () => {
  let reconciliation: Record<string, any>

  it('is matched line by line: by receipt or provider reference, by amount, day and phone; ambiguous and unmatched lines listed', async () => {
    const text = [
      'Rawbank — relevé du compte 00012;;;;;',
      `Date;Libellé;Référence;Montant;Devise;Téléphone`,
      `${french(today)};Minerval Grâce ${payments.byReceipt.receiptNumber};;${decimalFr(amounts.byReceipt)};USD;`,
      `${french(today)};Virement reçu;VIR-RAW-${run}-88123;${decimalFr(amounts.byProvider)};USD;`,
      `${french(today)};Dépôt espèces;;${decimalFr(amounts.twin)};USD;`,
      `${french(today)};Dépôt M-Pesa;;${decimalFr(amounts.byPhone)};USD;081 234 5678`,
      `${french(today)};Inconnu;;"9 876 543,21";USD;`,
      'Solde;;;;;',
    ].join('\r\n')
    const answer = await upload(csvFile(text), 'releve-octobre.csv', { label: 'Rawbank USD 00012' })
    expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 201, errors: undefined })
    reconciliation = answer.body.doc
    expect(reconciliation).toMatchObject({ label: 'Rawbank USD 00012', fileName: 'releve-octobre.csv', matched: 3, ambiguous: 1, unmatched: 1, confirmed: 0 })
    expect(reconciliation.statement).toBe(text)
    const lines = reconciliation.lines.map((l: any) => ({ row: l.row, status: l.status, rule: l.rule ?? null, payment: l.payment ?? null, candidates: [...(l.candidates ?? [])].sort() }))
    expect(lines).toEqual([
      { row: 3, status: 'matched', rule: 'reference', payment: payments.byReceipt.id, candidates: [] },
      { row: 4, status: 'matched', rule: 'reference', payment: payments.byProvider.id, candidates: [] },
      { row: 5, status: 'ambiguous', rule: null, payment: null, candidates: [payments.twinA.id, payments.twinB.id].sort() },
      { row: 6, status: 'matched', rule: 'amountDate', payment: payments.byPhoneA.id, candidates: [] },
      { row: 7, status: 'unmatched', rule: null, payment: null, candidates: [] },
    ])
    expect(reconciliation.lines[0]).toMatchObject({ amount: amounts.byReceipt, currency: 'USD', description: `Minerval Grâce ${payments.byReceipt.receiptNumber}` })
  })

  it('confirms chosen lines, with their match or one of their candidates, and says who and when', async () => {
    const answer = await rest('POST', `/reconciliations/${reconciliation.id}/confirm`, { token: tokens.finance, body: { lines: [{ row: 3 }, { row: 5, payment: payments.twinB.id }] } })
    expect(answer.status).toBe(200)
    expect(answer.body.doc.confirmed).toBe(2)
    const [row3, row5] = [3, 5].map((row) => answer.body.doc.lines.find((l: any) => l.row === row))
    expect(row3).toMatchObject({ confirmedPayment: payments.byReceipt.id, confirmedBy: fx.users.finance.id })
    expect(row5).toMatchObject({ confirmedPayment: payments.twinB.id, confirmedBy: fx.users.finance.id })
    expect(Date.parse(row3.confirmedAt)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('refuses to confirm a line twice, a payment that is no candidate, or a line without a payment, naming each line; nothing changes', async () => {
    const answer = await rest('POST', `/reconciliations/${reconciliation.id}/confirm`, {
      token: tokens.finance,
      body: { lines: [{ row: 3 }, { row: 4, payment: payments.twinA.id }, { row: 7 }, { row: 99 }] },
    })
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body)).toEqual([
      'La ligne 3 est déjà confirmée.',
      'Ligne 4 : ce paiement ne correspond pas à la ligne (ni sa référence, ni son montant et sa date).',
      'Ligne 7 : choisissez le paiement qui lui correspond.',
      'Aucune ligne 99 sur ce relevé.',
    ])
    const after = await payload.findByID({ collection: 'reconciliations', id: reconciliation.id, depth: 0, overrideAccess: true })
    expect(after.confirmed).toBe(2)
    expect(after.lines!.find((l) => l.row === 4)!.confirmedAt).toBeFalsy()
  })

  it('exports every line with its status and receipt as CSV', async () => {
    const answer = await rest('GET', `/reconciliations/${reconciliation.id}/export.csv`, { token: tokens.finance })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toContain('text/csv')
    const rows = String(answer.body).replace(/^\ufeff/, '').trim().split('\r\n').map((r) => r.split(';'))
    expect(rows[0]).toEqual(['Ligne', 'Date', 'Montant', 'Devise', 'Référence', 'Téléphone', 'Libellé', 'Statut', 'Reçu rapproché', 'Reçus possibles', 'Confirmé le'])
    expect(rows.slice(1).map((r) => [r[0], r[2], r[7], r[8]])).toEqual([
      ['3', `${Math.floor(amounts.byReceipt / 100)},${String(amounts.byReceipt % 100).padStart(2, '0')}`, 'Confirmées', payments.byReceipt.receiptNumber],
      ['4', `${Math.floor(amounts.byProvider / 100)},${String(amounts.byProvider % 100).padStart(2, '0')}`, 'Rapprochées', payments.byProvider.receiptNumber],
      ['5', `${Math.floor(amounts.twin / 100)},${String(amounts.twin % 100).padStart(2, '0')}`, 'Confirmées', payments.twinB.receiptNumber],
      ['6', `${Math.floor(amounts.byPhone / 100)},${String(amounts.byPhone % 100).padStart(2, '0')}`, 'Rapprochées', payments.byPhoneA.receiptNumber],
      ['7', '9876543,21', 'Sans correspondance', ''],
    ])
    expect(rows[3][9].split(' ').sort()).toEqual([payments.twinA.receiptNumber, payments.twinB.receiptNumber].sort())
    const english = await rest('GET', `/reconciliations/${reconciliation.id}/export.csv`, { token: tokens.finance, headers: { 'Accept-Language': 'en' } })
    expect(String(english.body).replace(/^\ufeff/, '').split('\r\n')[0]).toBe('Row,Date,Amount,Currency,Reference,Phone,Description,Status,Matched receipt,Candidate receipts,Confirmed at')
  })

  it('with confirmed lines is kept: its deletion is refused', async () => {
    const answer = await rest('DELETE', `/reconciliations/${reconciliation.id}`, { token: tokens.finance })
    expect(answer.status).toBe(400)
    expect(await payload.count({ collection: 'reconciliations', where: { id: { equals: reconciliation.id } }, overrideAccess: true })).toMatchObject({ totalDocs: 1 })
  })
})

describe('an .xlsx statement', () => {
  it('is read with English headers and spreadsheet dates; payments confirmed on another statement are not matched again', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Statement')
    sheet.addRow(['M-Pesa business statement'])
    sheet.addRow([])
    sheet.addRow(['Transaction date', 'Details', 'Transaction ID', 'Amount', 'Currency', 'Phone'])
    const day = new Date(`${today}T00:00:00Z`)
    sheet.addRow([day, 'Payment', '', amounts.byProvider / 100, 'USD', ''])
    sheet.addRow([day, `School fees ${payments.byReceipt.receiptNumber}`, '', amounts.byReceipt / 100, 'USD', ''])
    sheet.addRow([day, 'Refund', '', -12.5, 'USD', ''])
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    const answer = await upload(new Blob([new Uint8Array(bytes)]), 'mpesa.xlsx', { source: 'mobileMoney' })
    expect(answer.status).toBe(201)
    const doc = answer.body.doc
    expect(doc).toMatchObject({ source: 'mobileMoney', label: 'mpesa.xlsx' })
    expect(doc.lines.map((l: any) => [l.row, l.amount, l.status, l.payment ?? null])).toEqual([
      [4, amounts.byProvider, 'matched', payments.byProvider.id],
      // Already confirmed on the CSV statement: the payment is not offered twice.
      [5, amounts.byReceipt, 'unmatched', null],
      [6, -1_250, 'unmatched', null],
    ])
    expect(doc.statement.split('\n')[1]).toBe('Transaction date;Details;Transaction ID;Amount;Currency;Phone')
  })
})

describe('two statements quoting one payment', () => {
  it('confirmed at the same moment: one wins, the other is told which statement has it', async () => {
    const invoice = (await payload.find({ collection: 'payments', where: { id: { equals: payments.twinA.id } }, depth: 0, overrideAccess: true })).docs[0].invoice as number
    const payment = await pay(invoice, { amount: 97_531 + run })
    const text = `Date;Montant;Devise;Libellé\n${french(today)};${decimalFr(97_531 + run)};USD;${payment.receiptNumber}`
    const [first, second] = [await upload(csvFile(text), 'a.csv', { label: 'Relevé A' }), await upload(csvFile(text), 'b.csv', { label: 'Relevé B' })]
    expect([first.body.doc.matched, second.body.doc.matched]).toEqual([1, 1])
    const answers = await Promise.all([first, second].map((r) => rest('POST', `/reconciliations/${r.body.doc.id}/confirm`, { token: tokens.finance, body: { lines: [{ row: 2 }] } })))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400])
    const refused = answers.find((a) => a.status === 400)!
    expect(errorMessages(refused.body)[0]).toMatch(/^Ligne 2 : ce paiement est déjà rapproché \(relevé « Relevé [AB] », ligne 2\)\.$/)
  })
})

describe('a bad statement', () => {
  it('is refused whole, each bad cell named by its row and column, and nothing is stored', async () => {
    const before = (await payload.count({ collection: 'reconciliations', overrideAccess: true })).totalDocs
    const text = ['Date;Montant;Devise;Libellé', `${french(today)};10,00;USD;ok`, '31/02/2026;10,00;USD;date impossible', `${french(today)};dix dollars;USD;montant`, `${french(today)};10,00;EUR;devise`].join('\n')
    const answer = await upload(csvFile(text), 'mauvais.csv')
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body)).toEqual([
      'Ligne 3, colonne « Date » : date « 31/02/2026 » invalide : écrivez jj/mm/aaaa ou aaaa-mm-jj.',
      'Ligne 4, colonne « Montant » : montant « dix dollars » invalide : écrivez par ex. 1 234,50 ou -25,00.',
      'Ligne 5, colonne « Devise » : devise « EUR » inconnue : USD ou CDF.',
    ])
    const english = await rest('POST', '/reconciliations/import', {
      token: tokens.finance,
      headers: { 'Accept-Language': 'en' },
      form: (() => {
        const form = new FormData()
        form.append('file', csvFile('Date,Amount\n2026-10-05,12.3456'), 'bad.csv')
        form.append('school', String(fx.schools.main.id))
        form.append('currency', 'USD')
        return form
      })(),
    })
    expect(english.status).toBe(400)
    expect(errorMessages(english.body)).toEqual(['Row 2, column "Amount": amount "12.3456": two decimals at most.'])
    const noHeader = await upload(csvFile('Nom;Classe\nA;B'), 'liste.csv')
    expect(noHeader.status).toBe(400)
    expect(errorMessages(noHeader.body)[0]).toContain('ligne d’en-tête introuvable')
    const noFile = await upload(csvFile(''), 'vide.csv')
    expect(noFile.status).toBe(400)
    expect((await payload.count({ collection: 'reconciliations', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('cannot set lines or confirmations through the ordinary API', async () => {
    const answer = await rest('POST', '/reconciliations', {
      token: tokens.finance,
      body: { school: fx.schools.main.id, label: 'À la main', lines: [{ row: 1, date: today, amount: 100, currency: 'USD', status: 'matched', confirmedPayment: payments.twinA.id, confirmedAt: new Date().toISOString() }], confirmed: 1 },
    })
    expect(answer.status).toBe(201)
    expect(answer.body.doc.lines ?? []).toEqual([])
    expect(answer.body.doc.confirmed ?? null).toBeNull()
  })
})

describe('staff who do not reconcile', () => {
  it.each(['teacher', 'parent', 'secretariat'] as const)('as %s: may not import, confirm nor export', async (persona) => {
    const before = (await payload.count({ collection: 'reconciliations', overrideAccess: true })).totalDocs
    const imported = await upload(csvFile(`Date;Montant;Devise\n${french(today)};10,00;USD`), 'r.csv', {}, tokens[persona])
    expect(imported.status).toBe(403)
    const confirmed = await rest('POST', `/reconciliations/${fx.reconciliations.main.id}/confirm`, { token: tokens[persona], body: { lines: [{ row: 1 }] } })
    expect([403, 404]).toContain(confirmed.status)
    const exported = await rest('GET', `/reconciliations/${fx.reconciliations.main.id}/export.csv`, { token: tokens[persona] })
    expect([403, 404]).toContain(exported.status)
    expect((await payload.count({ collection: 'reconciliations', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('the finance of one school may not import for, nor read, another school', async () => {
    const form = new FormData()
    form.append('file', csvFile(`Date;Montant;Devise\n${french(today)};10,00;USD`), 'r.csv')
    form.append('school', String(fx.schools.matete.id))
    const answer = await rest('POST', '/reconciliations/import', { token: tokens.finance, form })
    expect(answer.status).toBe(403)
    const exported = await rest('GET', `/reconciliations/${fx.reconciliations.matete.id}/export.csv`, { token: tokens.finance })
    expect(exported.status).toBe(404)
  })
})
