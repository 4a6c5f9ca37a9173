import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { ID } from '../access/ids'
import { invoiceState, type Line } from '../domain/billing'
import { dbOf } from '../db/session'

/**
 * Takes the invoice's row lock for the rest of the caller's transaction: payments of one invoice
 * (and staff edits of it) then follow one another, and none reads a balance another is changing.
 */
export const lockInvoice = async (req: PayloadRequest, invoice: ID) => {
  const db = await dbOf(req)
  await db.execute(sql`select id from invoices where id = ${invoice} for update`)
}

/** What the invoice's succeeded payments add up to, in its currency, refunds and reversals deducted. */
export const paidOn = async (req: PayloadRequest, invoice: ID) => {
  const db = await dbOf(req)
  const result = await db.execute(sql`select coalesce(sum(amount_applied), 0)::bigint as paid from payments where invoice_id = ${invoice} and status = 'succeeded'`)
  return Number((result.rows[0] as { paid: string | number }).paid)
}

/** Writes the invoice's paid, balance, credit and status from its payments, in the caller's (locked) transaction. */
export const settleInvoice = async (req: PayloadRequest, invoice: ID) => {
  const paid = await paidOn(req, invoice)
  const doc = await req.payload.findByID({ collection: 'invoices', id: invoice, depth: 0, overrideAccess: true, req, select: { lines: true, dueDate: true, voidedAt: true } })
  const state = invoiceState({ lines: (doc.lines ?? []) as Line[], dueDate: doc.dueDate?.slice(0, 10) ?? null, voided: Boolean(doc.voidedAt) }, [paid], new Date())
  const db = await dbOf(req)
  await db.execute(sql`
    update invoices set total = ${state.total}, paid = ${state.paid}, balance = ${state.balance}, credit = ${state.credit}, status = ${state.status}, updated_at = now()
    where id = ${invoice}`)
  return state
}
