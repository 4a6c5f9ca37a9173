import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { renderPayslip, type PayslipDocument } from '../../src/pdf/payslip'

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

const payslip = (over: Partial<PayslipDocument> = {}): PayslipDocument => ({
  language: 'fr',
  school: { name: 'Complexe scolaire Saint-Joseph', code: 'KIN-042', address: '12, avenue de l’Université', city: 'Kinshasa', province: 'Kinshasa', phone: '+243 81 234 5678' },
  reference: 'PAIE-2026-11-42',
  period: '2026-11',
  staff: { fullName: 'KABILA MWANZA Thérèse', position: 'Enseignante titulaire (5e primaire)', hireDate: '2019-09-02', paymentAccount: 'M-Pesa +243 81 555 0101' },
  currency: 'CDF',
  gross: 35_000_000,
  allowances: [{ label: 'Prime de transport', amount: 5_000_000 }, { label: 'Prime de craie', amount: 2_500_000 }],
  deductions: [{ label: 'INSS (5 %)', amount: 1_750_000 }, { label: 'Avance sur salaire d’octobre', amount: 10_000_000 }],
  allowancesTotal: 7_500_000,
  deductionsTotal: 11_750_000,
  net: 30_750_000,
  status: 'approved',
  approvedAt: '2026-11-25T10:00:00.000Z',
  paidAt: null,
  ...over,
})

const folder = mkdtempSync(path.join(tmpdir(), 'kelasi-payslip-pdf-'))
let count = 0
/** The page's text as pdftotext lays it out, runs of spaces collapsed; without the diagonal draft stamp. */
const text = (pdf: Uint8Array) => {
  const file = path.join(folder, `slip-${++count}.pdf`)
  writeFileSync(file, pdf)
  const result = spawnSync('pdftotext', ['-layout', '-nodiag', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  expect(result.status).toBe(0)
  return result.stdout.replace(/[ \u00a0]+/g, ' ')
}
const lineWith = (out: string, words: string) => out.split('\n').find((line) => line.includes(words)) ?? ''

describe('payslip PDF', () => {
  it('prints what the staff member checks: the school, the month, who, every earning and deduction, the totals and the net', async () => {
    const pdf = await renderPayslip(payslip(), { logo: png })
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1)
    const out = text(pdf)
    for (const expected of [
      'Complexe scolaire Saint-Joseph',
      'Kinshasa, Kinshasa',
      'BULLETIN DE PAIE',
      'Période : novembre 2026',
      'Réf. : PAIE-2026-11-42',
      'Statut : Approuvé',
      'Agent : KABILA MWANZA Thérèse',
      'Fonction : Enseignante titulaire (5e primaire)',
      'Date d’engagement : 02/09/2019',
      'Compte de paiement : M-Pesa +243 81 555 0101',
      'Approuvé le 25/11/2026',
      'Signature de l’agent',
      'Pour la direction',
    ])
      expect(out).toContain(expected)
    expect(lineWith(out, 'Salaire de base (brut)')).toContain('350 000,00 FC')
    expect(lineWith(out, 'Prime de transport')).toContain('50 000,00 FC')
    expect(lineWith(out, 'Avance sur salaire d’octobre')).toContain('100 000,00 FC')
    expect(lineWith(out, 'Total des gains')).toContain('425 000,00 FC')
    expect(lineWith(out, 'Total des retenues')).toContain('117 500,00 FC')
    expect(lineWith(out, 'NET À PAYER')).toContain('307 500,00 FC')
    expect(out).not.toContain('BROUILLON')
  })

  it('prints in English', async () => {
    const out = text(await renderPayslip(payslip({ language: 'en', currency: 'USD', gross: 45_000, allowances: [], deductions: [{ label: 'Salary advance', amount: 5_000 }], allowancesTotal: 0, deductionsTotal: 5_000, net: 40_000, status: 'paid', paidAt: '2026-11-30' })))
    for (const expected of ['PAYSLIP', 'Period: November 2026', 'Status: Paid', 'Employee: KABILA MWANZA Thérèse', 'Hire date: 02/09/2019', 'Approved on 25/11/2026', 'Paid on 30/11/2026', 'Employee’s signature'])
      expect(out).toContain(expected)
    expect(lineWith(out, 'Base salary (gross)')).toContain('$450.00')
    expect(lineWith(out, 'Total deductions')).toContain('$50.00')
    expect(lineWith(out, 'NET PAY')).toContain('$400.00')
  })

  it('stamps a draft so it is never taken for a payslip that counts', async () => {
    const pdf = await renderPayslip(payslip({ status: 'draft', approvedAt: null }))
    expect(text(pdf)).toContain('Statut : Brouillon')
    const raw = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', path.join(folder, `slip-${count}.pdf`), '-'], { encoding: 'utf8' }).stdout
    // The diagonal stamp comes out a letter a line.
    expect(raw.replace(/\n/g, '')).toContain('BROUILLON')
    expect(text(await renderPayslip(payslip({ status: 'paid' })))).not.toContain('BROUILLON')
  })

  it('keeps the net, the status and the signatures on the page however many lines there are', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ label: `Retenue ${i + 1}`, amount: 1_000 }))
    const pdf = await renderPayslip(payslip({ deductions: many, deductionsTotal: 40_000, net: 35_000_000 + 7_500_000 - 40_000 }))
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1)
    const out = text(pdf)
    expect(lineWith(out, 'Total des retenues')).toContain('400,00 FC')
    // The lines that do not fit are summed on one line, so the page adds up.
    const [, cut] = /… et (\d+) autres lignes/.exec(out) ?? []
    const shown = out.split('\n').filter((line) => /Retenue \d+ /.test(line)).length
    expect(shown + Number(cut)).toBe(40)
    expect(lineWith(out, 'autres lignes')).toContain(`${(Number(cut) * 10).toFixed(2).replace('.', ',')} FC`)
    expect(out).toContain('NET À PAYER')
    expect(out).toContain('Pour la direction')
  })
})
