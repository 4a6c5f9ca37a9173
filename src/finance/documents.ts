/**
 * From records to the printed invoice and receipt: what `src/pdf/invoice.ts` and
 * `src/pdf/receipt.ts` draw, read as the system once the caller's access to the invoice or
 * payment itself was checked (the school, the pupil and the payers are part of that document),
 * except the payments listed on an invoice, which are the caller's to read.
 */
import type { PayloadRequest } from 'payload'
import type { Invoice, Payment } from '../../payload-types'
import { idOf, idsOf, type ID } from '../access/ids'
import type { InvoiceStatus } from '../domain/billing'
import type { Currency } from '../domain/money'
import type { InvoiceDocument, PrintedPupil } from '../pdf/invoice'
import type { Language } from '../pdf/labels'
import type { ReceiptDocument } from '../pdf/receipt'
import type { PrintedSchool } from '../pdf/sheet'

const systemOf = (req: PayloadRequest) => ({ req, depth: 0, overrideAccess: true, pagination: false }) as const

const schoolOf = async (req: PayloadRequest, id: ID): Promise<PrintedSchool> => {
  const s = await req.payload.findByID({ ...systemOf(req), collection: 'schools', id })
  return { name: s.name, code: s.code, address: s.address, city: s.city, province: s.province, phone: s.phone }
}

/** The pupil with the class of the invoice's school year (the active enrollment first, else the latest). */
const pupilOf = async (req: PayloadRequest, student: ID, schoolYear: ID | null | undefined): Promise<PrintedPupil> => {
  const pupil = await req.payload.findByID({ ...systemOf(req), collection: 'students', id: student, select: { fullName: true, matricule: true } })
  const enrollments = schoolYear == null ? [] : (await req.payload.find({ ...systemOf(req), collection: 'enrollments', where: { student: { equals: student }, schoolYear: { equals: schoolYear } }, sort: '-id', depth: 1, select: { class: true, status: true } })).docs
  const enrollment = enrollments.find((e) => e.status === 'active') ?? enrollments[0]
  const klass = enrollment?.class
  return { fullName: pupil.fullName ?? '', matricule: pupil.matricule ?? '', className: klass && typeof klass === 'object' ? klass.name : null }
}

const yearName = async (req: PayloadRequest, id: ID | null | undefined) =>
  id == null ? '' : ((await req.payload.findByID({ ...systemOf(req), collection: 'school-years', id, select: { name: true } })).name ?? '')

/**
 * The succeeded payments of an invoice in the order they were made (a receipt's "balance after"
 * counts up to its own); `asCaller`: only those the caller may read (the secretariat reads
 * invoices, not payments: its copy of the invoice has the totals without the receipts).
 */
const paymentsOf = async (req: PayloadRequest, invoice: ID, asCaller = false) => {
  // A reader refused every payment is refused the query too (Payload answers 403): none to list.
  const read = req.payload.collections.payments.config.access.read
  if (asCaller && read && (await read({ req })) === false) return []
  return (await req.payload.find({ ...systemOf(req), overrideAccess: !asCaller, collection: 'payments', where: { invoice: { equals: invoice }, status: { equals: 'succeeded' } }, sort: 'id' })).docs.sort(
    (a, b) => String(a.paidAt ?? a.createdAt).localeCompare(String(b.paidAt ?? b.createdAt)) || a.id - b.id,
  )
}

export const invoiceDocument = async (req: PayloadRequest, invoice: Invoice, language: Language): Promise<InvoiceDocument> => {
  const currency = invoice.currency as Currency
  const payerIds = idsOf(invoice.payers)
  const [school, pupil, schoolYear, payers, payments] = await Promise.all([
    schoolOf(req, idOf(invoice.school)!),
    pupilOf(req, idOf(invoice.student)!, idOf(invoice.schoolYear)),
    yearName(req, idOf(invoice.schoolYear)),
    payerIds.length ? req.payload.find({ ...systemOf(req), collection: 'guardians', where: { id: { in: payerIds } }, select: { fullName: true } }).then((r) => r.docs) : [],
    paymentsOf(req, invoice.id, true),
  ])
  // Payers in the order the invoice names them.
  const nameOf = new Map(payers.map((g) => [String(g.id), g.fullName ?? '']))
  return {
    language,
    school,
    number: invoice.number ?? '',
    issueDate: invoice.issueDate ?? invoice.createdAt,
    dueDate: invoice.dueDate ?? null,
    schoolYear,
    status: (invoice.status ?? 'unpaid') as InvoiceStatus,
    pupil,
    payers: payerIds.map((id) => nameOf.get(String(id))).filter((name): name is string => !!name),
    currency,
    lines: (invoice.lines ?? []).map((line) => ({ kind: line.kind, label: line.label, amount: line.amount })),
    total: invoice.total ?? 0,
    paid: invoice.paid ?? 0,
    balance: invoice.balance ?? 0,
    credit: invoice.credit ?? 0,
    payments: payments.map((p) => ({ receiptNumber: p.receiptNumber ?? null, date: p.paidAt ?? p.createdAt, method: p.method ?? 'cash', amount: p.amount, currency: (p.currency ?? currency) as Currency, applied: p.amountApplied ?? 0 })),
    voidReason: invoice.voidReason ?? null,
  }
}

/**
 * The receipt of a succeeded payment (null for one still pending or that failed: it has no
 * receipt). Its "balance after" is the invoice's total less what was paid up to and including it.
 */
export const receiptDocument = async (req: PayloadRequest, payment: Payment, language: Language): Promise<ReceiptDocument | null> => {
  if (payment.status !== 'succeeded' || !payment.receiptNumber) return null
  const invoice = await req.payload.findByID({ ...systemOf(req), collection: 'invoices', id: idOf(payment.invoice)! })
  const [school, pupil, payments, recorder] = await Promise.all([
    schoolOf(req, idOf(invoice.school)!),
    pupilOf(req, idOf(invoice.student)!, idOf(invoice.schoolYear)),
    paymentsOf(req, invoice.id),
    idOf(payment.recordedBy) == null ? null : req.payload.findByID({ ...systemOf(req), collection: 'users', id: idOf(payment.recordedBy)!, select: { name: true }, disableErrors: true }),
  ])
  const upTo = payments.findIndex((p) => p.id === payment.id)
  const paidThen = payments.slice(0, upTo + 1).reduce((sum, p) => sum + (p.amountApplied ?? 0), 0)
  return {
    language,
    school,
    receiptNumber: payment.receiptNumber,
    date: payment.paidAt ?? payment.createdAt,
    pupil,
    invoiceNumber: invoice.number ?? '',
    // Who handed the money over is not recorded; the receipt names nobody rather than guess.
    receivedFrom: null,
    method: payment.method ?? 'cash',
    kind: payment.kind ?? 'payment',
    amount: payment.amount,
    currency: (payment.currency ?? invoice.currency) as Currency,
    exchangeRate: payment.exchangeRate ?? null,
    applied: payment.amountApplied ?? 0,
    invoiceCurrency: invoice.currency as Currency,
    balanceAfter: Math.max((invoice.total ?? 0) - paidThen, 0),
    recordedBy: recorder?.name ?? null,
    providerReference: payment.method === 'card' || payment.method === 'mobileMoney' ? (payment.providerReference ?? null) : null,
  }
}
