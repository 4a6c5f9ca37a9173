import { createLocalReq, type PayloadRequest, type Where } from 'payload'
import { idOf, idsOf, type ID } from '../access/ids'
import { inTransaction } from '../db/transaction'
import { creditPlan } from '../domain/billing'
import { tReq } from '../i18n'

/**
 * Carries an invoice's credit (what was paid beyond its total) onto the family's open invoices in
 * the same currency, oldest due first: the pupil's own, then those billed to one of its payers.
 * Each move is a ledger pair in the caller's transaction: a refund of method `credit` on the
 * invoice that had too much, a payment of method `credit` on the one that owed, so that every
 * figure still comes from payments. Returns the amount carried.
 */
export const carryCredit = (req: PayloadRequest, invoiceId: ID) => inTransaction(req, () => carry(req, invoiceId))

const carry = async (req: PayloadRequest, invoiceId: ID) => {
  // The system writes the pair, on the caller's transaction, without lending it the caller's context.
  const system = await createLocalReq({ context: { fromProvider: true } }, req.payload)
  system.transactionID = req.transactionID
  const source = await req.payload.findByID({ collection: 'invoices', id: invoiceId, depth: 0, req: system, select: { number: true, credit: true, currency: true, student: true, payers: true, school: true, status: true } })
  if (!source.credit || source.status === 'void') return 0
  const family: Where[] = [{ student: { equals: idOf(source.student) } }]
  const payers = idsOf(source.payers)
  if (payers.length) family.push({ payers: { in: payers } })
  const open = await req.payload.find({
    collection: 'invoices',
    where: { school: { equals: idOf(source.school) }, id: { not_equals: source.id }, currency: { equals: source.currency }, status: { in: ['unpaid', 'partial', 'overdue'] }, or: family },
    sort: ['dueDate', 'issueDate', 'id'],
    pagination: false,
    depth: 0,
    select: { balance: true, number: true },
    req: system,
  })
  let carried = 0
  const numberOf = new Map(open.docs.map((d) => [d.id, d.number ?? '']))
  for (const { to, amount } of creditPlan(source.credit, open.docs.map((d) => ({ id: d.id, balance: d.balance ?? 0 })))) {
    const reference = `credit:${source.id}:${to}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
    const entry = { amount, currency: source.currency, method: 'credit', provider: 'credit', status: 'succeeded' }
    await req.payload.create({ collection: 'payments', req: system, data: { ...entry, invoice: source.id, kind: 'refund', providerReference: `${reference}:out`, notes: tReq(req, 'payments.creditTo', { number: numberOf.get(to as number) ?? '' }) } as never })
    await req.payload.create({ collection: 'payments', req: system, data: { ...entry, invoice: to, kind: 'payment', providerReference: `${reference}:in`, notes: tReq(req, 'payments.creditFrom', { number: source.number ?? '' }) } as never })
    carried += amount
  }
  return carried
}

/** Every credit of a school that can go somewhere now (the daily billing runs it after issuing the day's invoices). */
export const carryCredits = async (req: PayloadRequest, { school }: { school: ID }) => {
  const credited = await req.payload.find({ collection: 'invoices', where: { school: { equals: school }, credit: { greater_than: 0 }, status: { not_equals: 'void' } }, pagination: false, depth: 0, select: { credit: true }, req })
  let carried = 0
  for (const invoice of credited.docs) carried += await carryCredit(req, invoice.id)
  return { carried }
}
