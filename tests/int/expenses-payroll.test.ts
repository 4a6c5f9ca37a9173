/** Expenses and payroll on PostgreSQL, as finance and the direction use them: approval, locks, the computed net, the month's drafts, the payslip PDF. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload, TypedUser, Where } from 'payload'
import { demoAccounts, otherAccounts, tokenFor, userFor } from '../support/accounts'
import { download } from '../support/download'
import { loadFixtures, tinyPng, type Fixtures } from '../support/fixtures'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
const tokens: Record<string, string> = {}
const users: Record<string, TypedUser> = {}
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  for (const [who, email] of Object.entries({ ...demoAccounts, mateteAdmin: otherAccounts.secondSchoolAdmin })) {
    tokens[who] = await tokenFor(payload, email)
    users[who] = await userFor(payload, email)
  }
})
afterAll(closeTestPayload)

const pathsOf = (body: any) => (body?.errors ?? []).flatMap((e: any) => (e.data?.errors ?? []).map((d: any) => d.path))
const messagesOf = (body: any) => (body?.errors ?? []).flatMap((e: any) => (e.data?.errors ?? []).map((d: any) => d.message) ?? [e.message])
const system = { depth: 0, overrideAccess: true } as const
let n = 0

describe('expenses', () => {
  const record = (body: Record<string, unknown> = {}, token = tokens.finance) =>
    rest('POST', '/expenses', { token, body: { school: fx.schools.main.id, date: '2026-11-02', category: 'utilities', description: `Facture SNEL octobre ${++n}`, payee: 'SNEL', amount: 12_500, currency: 'CDF', ...body } })
  const expenseNow = (id: number) => payload.findByID({ collection: 'expenses', id, ...system })

  it('finance records an expense with its receipt; it is submitted whatever the request says', async () => {
    const form = new FormData()
    const file = tinyPng()
    form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
    form.append('_payload', JSON.stringify({ school: fx.schools.main.id, alt: 'Reçu SNEL' }))
    const upload = await rest('POST', '/media', { token: tokens.finance, form })
    expect(upload.status).toBe(201)
    const answer = await record({ receipt: upload.body.doc.id, status: 'approved', approvedBy: users.finance.id })
    expect(answer.status).toBe(201)
    expect(answer.body.doc).toMatchObject({ status: 'submitted', amount: 12_500, currency: 'CDF', receipt: expect.objectContaining({ id: upload.body.doc.id }) })
    const stored = await expenseNow(answer.body.doc.id)
    expect(stored).toMatchObject({ recordedBy: users.finance.id, approvedBy: null })
    // The receipt is now a finance document: the direction and finance open it, a teacher or the secretariat no longer.
    const { teacher, secretariat } = tokens
    expect((await rest('GET', `/media/${upload.body.doc.id}`, { token: tokens.finance })).status).toBe(200)
    expect((await rest('GET', `/media/${upload.body.doc.id}`, { token: tokens.admin })).status).toBe(200)
    expect((await rest('GET', `/media/${upload.body.doc.id}`, { token: teacher })).status).toBe(404)
    expect((await rest('GET', `/media/${upload.body.doc.id}`, { token: secretariat })).status).toBe(404)
    expect((await rest('GET', `/media/file/${upload.body.doc.filename}`, { token: teacher })).status).toBe(403)
  })

  it('refuses an amount that is not a positive whole number of centimes, and another school’s receipt, naming the field', async () => {
    const before = (await payload.count({ collection: 'expenses', overrideAccess: true })).totalDocs
    for (const amount of [0, -500, 12.5, undefined]) {
      const answer = await record({ amount })
      expect({ amount, status: answer.status, paths: pathsOf(answer.body), body: answer.status === 500 ? answer.body : null }).toEqual({ amount, status: 400, paths: ['amount'], body: null })
    }
    const foreign = await record({ receipt: fx.media.matete.id })
    expect(foreign.status).toBe(400)
    expect(pathsOf(foreign.body)).toEqual(['receipt'])
    expect((await payload.count({ collection: 'expenses', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('finance is refused the approval with a clear message; the direction approves', async () => {
    const { body } = await record()
    const refused = await rest('PATCH', `/expenses/${body.doc.id}`, { token: tokens.finance, body: { status: 'approved' } })
    expect(refused.status).toBe(400)
    expect(pathsOf(refused.body)).toEqual(['status'])
    expect(messagesOf(refused.body)).toEqual(['Seule la direction de l’école approuve ou rejette une dépense.'])
    const english = await rest('PATCH', `/expenses/${body.doc.id}`, { token: tokens.finance, body: { status: 'approved' }, headers: { 'Accept-Language': 'en' } })
    expect(messagesOf(english.body)).toEqual(['Only the school’s direction approves or rejects an expense.'])
    expect((await expenseNow(body.doc.id)).status).toBe('submitted')

    const approved = await rest('PATCH', `/expenses/${body.doc.id}`, { token: tokens.admin, body: { status: 'approved' } })
    expect(approved.status).toBe(200)
    const stored = await expenseNow(body.doc.id)
    expect(stored).toMatchObject({ status: 'approved', approvedBy: users.admin.id })
    expect(Date.now() - Date.parse(stored.approvedAt!)).toBeLessThan(60_000)
    const trail = await payload.find({ collection: 'audit-logs', where: { and: [{ collection: { equals: 'expenses' } }, { documentId: { equals: String(body.doc.id) } }, { action: { equals: 'update' } }] }, ...system })
    expect(trail.docs.map((log: any) => log.changes.map((c: any) => c.field)).flat()).toEqual(expect.arrayContaining(['status', 'approvedBy']))
  })

  it('an approved expense no longer changes, even for IT, and is never deleted', async () => {
    const { body } = await record()
    await rest('PATCH', `/expenses/${body.doc.id}`, { token: tokens.admin, body: { status: 'approved' } })
    for (const token of [tokens.admin, tokens.finance, tokens.it]) {
      const edit = await rest('PATCH', `/expenses/${body.doc.id}`, { token, body: { amount: 99_000, description: 'Autre chose' } })
      expect(edit.status).toBe(400)
      expect(pathsOf(edit.body).sort()).toEqual(['amount', 'description'])
      expect(messagesOf(edit.body)[0]).toBe('Cette dépense est approuvée : elle ne se modifie plus.')
    }
    const undo = await rest('PATCH', `/expenses/${body.doc.id}`, { token: tokens.admin, body: { status: 'rejected', decisionReason: 'Erreur' } })
    expect(undo.status).toBe(400)
    // Saving the form again as it is changes nothing and passes.
    const resave = await rest('PATCH', `/expenses/${body.doc.id}`, { token: tokens.admin, body: await expenseNow(body.doc.id) })
    expect(resave.status).toBe(200)
    for (const token of [tokens.admin, tokens.it]) {
      const removal = await rest('DELETE', `/expenses/${body.doc.id}`, { token })
      expect(removal.status).toBe(403)
      expect(removal.body.errors[0].message).toBe('Une dépense approuvée ne se supprime pas.')
    }
    expect(await expenseNow(body.doc.id)).toMatchObject({ status: 'approved', amount: 12_500 })
  })

  it('a rejection needs its reason, and a rejected expense no longer changes (Local API as the user)', async () => {
    const { body } = await record()
    const as = (who: string) => ({ user: users[who], overrideAccess: false, depth: 0 }) as const
    await expect(payload.update({ collection: 'expenses', id: body.doc.id, data: { status: 'rejected' }, ...as('admin') })).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'decisionReason' }] } })
    await expect(payload.update({ collection: 'expenses', id: body.doc.id, data: { status: 'rejected', decisionReason: 'Pas de facture' }, ...as('finance') })).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'status' }] } })
    const rejected = await payload.update({ collection: 'expenses', id: body.doc.id, data: { status: 'rejected', decisionReason: 'Pas de facture du fournisseur' }, ...as('admin') })
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: 'Pas de facture du fournisseur' })
    await expect(payload.update({ collection: 'expenses', id: body.doc.id, data: { amount: 1 }, ...as('finance') })).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'amount' }] } })
    // The second school's direction does not reach this school's expenses at all.
    await expect(payload.update({ collection: 'expenses', id: body.doc.id, data: { notes: 'x' }, ...as('mateteAdmin') })).rejects.toMatchObject({ status: 403 })
  })

  it('are nobody else’s business: the secretariat, teachers and parents are refused', async () => {
    for (const who of ['secretariat', 'teacher', 'parent', 'student']) {
      const list = await rest('GET', '/expenses', { token: tokens[who] })
      expect({ who, status: list.status }).toEqual({ who, status: 403 })
      const created = await record({}, tokens[who])
      expect({ who, status: created.status }).toEqual({ who, status: 403 })
    }
  })
})

describe('payroll', () => {
  const staffMember = async (extra: Record<string, unknown> = {}) =>
    (await payload.create({ collection: 'staff-members', data: { school: fx.schools.main.id, lastName: 'KABILA', postName: 'MWANZA', firstName: `Agent ${++n}`, position: 'Enseignante', baseSalary: 30_000, currency: 'USD', ...extra } as never, ...system })) as Record<string, any>
  const slip = (body: Record<string, unknown>, token = tokens.finance) => rest('POST', '/payroll', { token, body: { school: fx.schools.main.id, ...body } })
  const move = (id: number, status: string, token: string) => rest('PATCH', `/payroll/${id}`, { token, body: { status } })

  it('computes the net (gross + allowances − deductions), whatever net the request sends', async () => {
    const staff = await staffMember()
    const answer = await slip({
      staffMember: staff.id,
      period: '2026-11',
      gross: 45_000,
      allowances: [{ label: 'Prime de transport', amount: 5_000 }, { label: 'Prime de craie', amount: 2_500 }],
      deductions: [{ label: 'INSS (5 %)', amount: 2_250 }, { label: 'Avance sur salaire', amount: 10_000 }],
      net: 1,
      status: 'paid',
    })
    expect(answer.status).toBe(201)
    expect(answer.body.doc).toMatchObject({ currency: 'USD', allowancesTotal: 7_500, deductionsTotal: 12_250, net: 40_250, status: 'draft' })
  })

  it('starts from the staff member’s base salary and currency when the gross is left out', async () => {
    const staff = await staffMember({ baseSalary: 35_000_000, currency: 'CDF' })
    const answer = await slip({ staffMember: staff.id, period: '2026-11' })
    expect(answer.status).toBe(201)
    expect(answer.body.doc).toMatchObject({ gross: 35_000_000, currency: 'CDF', net: 35_000_000 })
  })

  it('refuses a negative net, a bad month and a second payslip for the month, naming the field; nothing is created', async () => {
    const staff = await staffMember()
    const before = (await payload.count({ collection: 'payroll', overrideAccess: true })).totalDocs
    const negative = await slip({ staffMember: staff.id, period: '2026-11', gross: 10_000, deductions: [{ label: 'Avance', amount: 12_000 }] })
    expect(negative.status).toBe(400)
    expect(pathsOf(negative.body)).toEqual(['deductions'])
    expect(messagesOf(negative.body)).toEqual(['Les retenues (120,00 $US) dépassent le brut et les primes (100,00 $US) : le net serait négatif.'])
    for (const period of ['2026-13', '11/2026', '']) {
      const bad = await slip({ staffMember: staff.id, period, gross: 10_000 })
      expect(bad.status).toBe(400)
      expect(pathsOf(bad.body)).toContain('period')
    }
    const fractional = await slip({ staffMember: staff.id, period: '2026-11', gross: 100.5 })
    expect(pathsOf(fractional.body)).toEqual(['gross'])
    const foreign = await slip({ staffMember: fx.staffMembers.matete.id, period: '2026-11', gross: 10_000 })
    expect(foreign.status).toBe(400)
    expect(pathsOf(foreign.body)).toEqual(['staffMember'])
    expect((await payload.count({ collection: 'payroll', overrideAccess: true })).totalDocs).toBe(before)
    expect((await slip({ staffMember: staff.id, period: '2026-11' })).status).toBe(201)
    const twice = await slip({ staffMember: staff.id, period: '2026-11' })
    expect(twice.status).toBe(400)
    expect(messagesOf(twice.body)).toEqual(['Ce membre du personnel a déjà un bulletin de paie pour 2026-11.'])
  })

  it('goes draft → approved (the direction) → paid (finance), never back, its amounts fixed from approval on', async () => {
    const staff = await staffMember()
    const { body } = await slip({ staffMember: staff.id, period: '2026-12', gross: 40_000 })
    const id = body.doc.id
    const skip = await move(id, 'paid', tokens.admin)
    expect(messagesOf(skip.body)).toEqual(['Un bulletin de paie est approuvé par la direction avant d’être payé.'])
    const byFinance = await move(id, 'approved', tokens.finance)
    expect(byFinance.status).toBe(400)
    expect(messagesOf(byFinance.body)).toEqual(['Seule la direction de l’école approuve un bulletin de paie.'])
    // A draft is still finance's to correct.
    expect((await rest('PATCH', `/payroll/${id}`, { token: tokens.finance, body: { allowances: [{ label: 'Heures supplémentaires', amount: 3_000 }] } })).body.doc.net).toBe(43_000)

    const approved = await move(id, 'approved', tokens.admin)
    expect(approved.status).toBe(200)
    expect(approved.body.doc).toMatchObject({ status: 'approved', approvedBy: expect.objectContaining({ id: users.admin.id }) })
    const edit = await rest('PATCH', `/payroll/${id}`, { token: tokens.admin, body: { gross: 50_000, deductions: [{ label: 'Avance', amount: 1_000 }] } })
    expect(edit.status).toBe(400)
    expect(pathsOf(edit.body).sort()).toEqual(['deductions', 'gross'])
    expect(messagesOf(edit.body)[0]).toBe('Ce bulletin de paie est approuvé : ses montants ne changent plus.')

    const paid = await payload.update({ collection: 'payroll', id, data: { status: 'paid' }, user: users.finance, overrideAccess: false, depth: 0 })
    expect(paid).toMatchObject({ status: 'paid', paidBy: users.finance.id, net: 43_000 })
    expect(paid.paidAt).toBeTruthy()
    const back = await move(id, 'approved', tokens.it)
    expect(messagesOf(back.body)).toEqual(['Un bulletin de paie ne revient pas en arrière (brouillon, approuvé, payé).'])
    const removal = await rest('DELETE', `/payroll/${id}`, { token: tokens.admin })
    expect(removal.status).toBe(403)
    expect(await payload.findByID({ collection: 'payroll', id, ...system })).toMatchObject({ status: 'paid', gross: 40_000, net: 43_000 })
  })

  it('keeps a staff member with payslips in the register (deactivated, never deleted), and salaries from everyone else', async () => {
    const removal = await rest('DELETE', `/staff-members/${fx.staffMembers.main.id}`, { token: tokens.admin })
    expect(removal.status).toBe(403)
    expect(removal.body.errors[0].message).toMatch(/^Ce membre du personnel a \d+ bulletin\(s\) de paie : désactivez-le/)
    const staff = await staffMember()
    expect((await rest('DELETE', `/staff-members/${staff.id}`, { token: tokens.finance })).status).toBe(200)
    for (const who of ['secretariat', 'teacher', 'parent']) {
      await expect(payload.findByID({ collection: 'staff-members', id: fx.staffMembers.main.id, user: users[who], overrideAccess: false })).rejects.toMatchObject({ status: 403 })
      await expect(payload.create({ collection: 'payroll', data: { school: fx.schools.main.id, staffMember: fx.staffMembers.main.id, period: '2031-01' } as never, user: users[who], overrideAccess: false })).rejects.toMatchObject({ status: 403 })
    }
  })

  it('prepares a month’s drafts for every active staff member from their base salaries, once however often it runs', async () => {
    const active = await staffMember({ baseSalary: 28_000 })
    const inactive = await staffMember({ active: false })
    const unpaid = await staffMember({ baseSalary: null, lastName: 'SANS-SALAIRE' })
    const period = '2031-04'
    const salaried = (await payload.find({ collection: 'staff-members', where: { school: { equals: fx.schools.main.id }, active: { equals: true }, baseSalary: { greater_than: 0 } }, pagination: false, ...system })).docs
    const first = await rest('POST', '/payroll/prepare', { token: tokens.finance, body: { school: fx.schools.main.id, period } })
    expect(first.status).toBe(201)
    expect(first.body.period).toBe(period)
    expect(first.body.missingSalary).toContain(unpaid.fullName)
    // The demo school's payslips of the month (the matrix gives the second school's some months too).
    const ofMonth: Where = { and: [{ school: { equals: fx.schools.main.id } }, { period: { equals: period } }] }
    const slips = (await payload.find({ collection: 'payroll', where: ofMonth, pagination: false, ...system })).docs
    expect(slips.map((s) => s.staffMember).sort()).toEqual(salaried.map((s) => s.id).sort())
    expect(first.body.created.length + first.body.existing).toBe(salaried.length)
    expect(slips.find((s) => s.staffMember === active.id)).toMatchObject({ status: 'draft', gross: 28_000, net: 28_000, currency: 'USD', school: fx.schools.main.id })
    expect(slips.some((s) => s.staffMember === inactive.id)).toBe(false)

    const again = await rest('POST', '/payroll/prepare', { token: tokens.admin, body: { school: fx.schools.main.id, period } })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ created: [], existing: salaried.length })
    expect((await payload.count({ collection: 'payroll', where: ofMonth, overrideAccess: true })).totalDocs).toBe(salaried.length)
  })

  it('prepares nothing for those who may not, nor for another school, and names a bad month', async () => {
    const period = '2031-05'
    for (const [who, school] of [['teacher', fx.schools.main.id], ['secretariat', fx.schools.main.id], ['finance', fx.schools.matete.id], ['mateteAdmin', fx.schools.main.id]] as const) {
      const answer = await rest('POST', '/payroll/prepare', { token: tokens[who], body: { school, period } })
      expect({ who, status: answer.status }).toEqual({ who, status: 403 })
    }
    expect((await rest('POST', '/payroll/prepare', { body: { school: fx.schools.main.id, period } })).status).toBe(401)
    const ofMonth: Where = { and: [{ school: { in: [fx.schools.main.id, fx.schools.matete.id] } }, { period: { equals: period } }, { staffMember: { not_in: [fx.matrixStaff.main.id, fx.matrixStaff.matete.id] } }] }
    expect((await payload.count({ collection: 'payroll', where: ofMonth, overrideAccess: true })).totalDocs).toBe(0)
    const bad = await rest('POST', '/payroll/prepare', { token: tokens.finance, body: { school: fx.schools.main.id, period: '2031-5' } })
    expect(bad.status).toBe(400)
    expect(pathsOf(bad.body)).toEqual(['period'])
  })
})

describe('payslip PDF', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'kelasi-payslip-'))
  const text = (pdf: Buffer) => {
    const file = path.join(folder, `slip-${++n}.pdf`)
    writeFileSync(file, pdf)
    const result = spawnSync('pdftotext', ['-layout', '-nodiag', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    expect(result.status).toBe(0)
    return result.stdout.replace(/[ \u00a0]+/g, ' ')
  }

  it('downloads for finance and the direction, in the reader’s language', async () => {
    const id = fx.payroll.paid.id
    const french = await download(`/payroll/${id}/pdf`, { token: tokens.finance })
    expect(french.status).toBe(200)
    expect(french.headers.get('content-type')).toBe('application/pdf')
    const out = text(french.data)
    for (const expected of ['BULLETIN DE PAIE', 'Période : septembre 2026', 'NGOY MATRICE Agent', 'Caissière', 'Prime de transport', 'INSS', 'NET À PAYER : 257,50 $US', 'Statut : Payé'])
      expect(out).toContain(expected)
    const english = text((await download(`/payroll/${id}/pdf`, { token: tokens.admin, headers: { 'Accept-Language': 'en' } })).data)
    for (const expected of ['PAYSLIP', 'Period: September 2026', 'NET PAY: $257.50', 'Status: Paid']) expect(english).toContain(expected)
  })

  it('is a 404 for a teacher, a parent, another school’s direction and a guessed id; a 401 without login', async () => {
    for (const who of ['teacher', 'parent', 'secretariat', 'student', 'mateteAdmin']) {
      const answer = await download(`/payroll/${fx.payroll.draft.id}/pdf`, { token: tokens[who] })
      expect({ who, status: answer.status }).toEqual({ who, status: 404 })
    }
    expect((await download(`/payroll/99999999/pdf`, { token: tokens.finance })).status).toBe(404)
    expect((await download(`/payroll/${fx.payroll.draft.id}/pdf`)).status).toBe(401)
  })
})
