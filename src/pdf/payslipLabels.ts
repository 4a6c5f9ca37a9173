/** The payslip's printed labels, French by default; beside the invoice's and the receipt's, so the PDF stays self-contained. */
import type { PayslipStatus } from '../domain/payroll'
import type { Language } from './labels'

const fr = {
  colon: ' :',
  payslip: 'BULLETIN DE PAIE',
  period: 'Période',
  reference: 'Réf.',
  code: 'Code',
  phone: 'Tél.',
  staffMember: 'Agent',
  position: 'Fonction',
  hireDate: 'Date d’engagement',
  paymentAccount: 'Compte de paiement',
  description: 'Libellé',
  earnings: 'Gains',
  deductions: 'Retenues',
  gross: 'Salaire de base (brut)',
  totalEarnings: 'Total des gains',
  totalDeductions: 'Total des retenues',
  net: 'NET À PAYER',
  more: '… et {n} autres lignes',
  status: 'Statut',
  statuses: { draft: 'Brouillon', approved: 'Approuvé', paid: 'Payé' } as Record<PayslipStatus, string>,
  approvedOn: 'Approuvé le {date}',
  paidOn: 'Payé le {date}',
  draftWatermark: 'BROUILLON',
  employeeSignature: 'Signature de l’agent',
  directionSignature: 'Pour la direction',
}

export type PayslipLabels = typeof fr

const en: PayslipLabels = {
  colon: ':',
  payslip: 'PAYSLIP',
  period: 'Period',
  reference: 'Ref.',
  code: 'Code',
  phone: 'Tel.',
  staffMember: 'Employee',
  position: 'Position',
  hireDate: 'Hire date',
  paymentAccount: 'Paid to',
  description: 'Description',
  earnings: 'Earnings',
  deductions: 'Deductions',
  gross: 'Base salary (gross)',
  totalEarnings: 'Total earnings',
  totalDeductions: 'Total deductions',
  net: 'NET PAY',
  more: '… and {n} more lines',
  status: 'Status',
  statuses: { draft: 'Draft', approved: 'Approved', paid: 'Paid' },
  approvedOn: 'Approved on {date}',
  paidOn: 'Paid on {date}',
  draftWatermark: 'DRAFT',
  employeeSignature: 'Employee’s signature',
  directionSignature: 'For the school’s direction',
}

export const payslipLabels: Record<Language, PayslipLabels> = { fr, en }
