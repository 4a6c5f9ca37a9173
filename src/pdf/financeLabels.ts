/** The invoice's and the receipt's printed labels, French by default; beside the report card's, so the PDFs stay self-contained. */
import type { InvoiceStatus } from '../domain/billing'
import type { Language } from './labels'

export type PaymentMethod = 'cash' | 'bank' | 'card' | 'mobileMoney' | 'credit'

const fr = {
  /** French puts a space before a colon, English does not. */
  colon: ' :',
  invoice: 'FACTURE',
  receipt: 'REÇU',
  refund: 'REÇU DE REMBOURSEMENT',
  reversal: 'ANNULATION DE PAIEMENT (EXTOURNE)',
  number: 'N°',
  date: 'Date',
  dueDate: 'Échéance',
  code: 'Code',
  phone: 'Tél.',
  pupil: 'Élève',
  matricule: 'Matricule',
  className: 'Classe',
  schoolYear: 'Année scolaire',
  payers: 'Payeurs (responsables)',
  description: 'Libellé',
  amount: 'Montant',
  total: 'Total',
  paid: 'Payé',
  balance: 'Reste à payer',
  credit: 'Avoir',
  status: 'Statut',
  statuses: { unpaid: 'Non payée', partial: 'Partiellement payée', paid: 'Payée', overdue: 'En retard', void: 'ANNULÉE' } as Record<InvoiceStatus, string>,
  method: 'Moyen de paiement',
  methods: { cash: 'Espèces', bank: 'Banque', card: 'Carte', mobileMoney: 'Mobile money', credit: 'Report de crédit' } as Record<PaymentMethod, string>,
  reference: 'Référence',
  payments: 'Paiements reçus',
  receiptNumber: 'Reçu N°',
  applied: 'Imputé sur la facture',
  receivedFrom: 'Reçu de',
  refundedTo: 'Remboursé à',
  payer: 'Payeur',
  forInvoice: 'Pour la facture',
  rate: 'Taux',
  /** "1 $ = 2 850 FC": francs for one dollar, as the DRC quotes it. */
  rateValue: '1 $ = {francs} FC',
  cashierSignature: 'Signature du caissier',
  voidWatermark: 'ANNULÉE',
  voidReason: 'Motif de l’annulation',
  continued: '(suite)',
  page: 'Page {n} / {of}',
  payerCopy: 'Exemplaire du payeur',
  schoolCopy: 'Souche de l’école',
}

export type FinanceLabels = typeof fr

const en: FinanceLabels = {
  colon: ':',
  invoice: 'INVOICE',
  receipt: 'RECEIPT',
  refund: 'REFUND RECEIPT',
  reversal: 'PAYMENT REVERSAL',
  number: 'No.',
  date: 'Date',
  dueDate: 'Due date',
  code: 'Code',
  phone: 'Tel.',
  pupil: 'Pupil',
  matricule: 'Student no.',
  className: 'Class',
  schoolYear: 'School year',
  payers: 'Payers (guardians)',
  description: 'Description',
  amount: 'Amount',
  total: 'Total',
  paid: 'Paid',
  balance: 'Balance due',
  credit: 'Credit',
  status: 'Status',
  statuses: { unpaid: 'Unpaid', partial: 'Partially paid', paid: 'Paid', overdue: 'Overdue', void: 'VOID' },
  method: 'Payment method',
  methods: { cash: 'Cash', bank: 'Bank', card: 'Card', mobileMoney: 'Mobile money', credit: 'Credit carried over' },
  reference: 'Reference',
  payments: 'Payments received',
  receiptNumber: 'Receipt no.',
  applied: 'Applied to invoice',
  receivedFrom: 'Received from',
  refundedTo: 'Refunded to',
  payer: 'Payer',
  forInvoice: 'For invoice',
  rate: 'Rate',
  rateValue: '$1 = {francs} FC',
  cashierSignature: 'Cashier’s signature',
  voidWatermark: 'VOID',
  voidReason: 'Reason for voiding',
  continued: '(continued)',
  page: 'Page {n} of {of}',
  payerCopy: 'Payer’s copy',
  schoolCopy: 'School’s copy',
}

export const financeLabels: Record<Language, FinanceLabels> = { fr, en }

/** A payment method as the family reads it; a method this list does not know is printed as recorded. */
export const methodLabel = (t: FinanceLabels, method: string) => t.methods[method as PaymentMethod] ?? method

/** "Label : value" in French, "Label: value" in English. */
export const labelled = (t: FinanceLabels, label: string, value: string) => `${label}${t.colon} ${value}`
