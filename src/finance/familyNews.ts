import { sql } from '@payloadcms/db-postgres'
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { idOf, idsOf, type ID } from '../access/ids'
import { dbOf } from '../db/session'
import { billingRunEvent, invoiceIssuedEvent, isPaymentNews, issuedVars, paymentEvent, paymentVars, pupilsVar, type IssuedInvoice } from '../domain/familyNews'
import type { Currency } from '../domain/money'
import { notify } from '../notifications/notify'

/**
 * The families told of their bills, in the transaction that writes them: an invoice issued by
 * hand, a billing run's invoices, a payment that succeeded. Told are the invoice's payers (the
 * pupil's guardians unless the school named others), as the reminders are. The seed writes its
 * past with `context.skipNotify`.
 */

const pupilName = async (req: PayloadRequest, student: ID) =>
  (await req.payload.findByID({ collection: 'students', id: student, req, depth: 0, overrideAccess: true, select: { fullName: true } })).fullName ?? ''

/** An invoice created one at a time (admin, REST, GraphQL): its payers are told what it asks and by when. */
export const invoiceIssued: CollectionAfterChangeHook = async ({ doc, operation, req, context }) => {
  if (operation !== 'create' || context.skipNotify === true) return doc
  const student = idOf(doc.student)!
  await notify(req, {
    kind: 'invoiceIssued',
    event: invoiceIssuedEvent(doc.id),
    school: idOf(doc.school)!,
    recipients: idsOf(doc.payers).map((guardian) => ({ guardian })),
    vars: { ...issuedVars([{ pupil: await pupilName(req, student), number: doc.number ?? '', total: doc.total ?? 0, currency: doc.currency as Currency, dueDate: doc.dueDate }]), pupils: pupilsVar([student]) },
    link: `/students/${student}/invoices`,
  })
  return doc
}

export type RunInvoice = Omit<IssuedInvoice, 'pupil'> & { id: ID; student: ID; payers: ID[] }

/**
 * A billing run's invoices (tens of thousands at the start of a term) in one notification per
 * family, each telling that family's own invoices: one INSERT for all (`notify`) and one UPDATE
 * giving each family its text and link, so the run stays a handful of queries.
 */
export const billingRunIssued = async (req: PayloadRequest, school: ID, invoices: RunInvoice[]) => {
  if (!invoices.length || req.context.skipNotify === true) return
  const db = await dbOf(req)
  const students = [...new Set(invoices.map((invoice) => Number(invoice.student)))]
  const { rows: pupils } = await db.execute(sql`select id, full_name from students where id in (select value::int from json_array_elements_text(${JSON.stringify(students)}::json))`)
  const names = new Map((pupils as { id: number; full_name: string | null }[]).map((pupil) => [String(pupil.id), pupil.full_name ?? '']))
  const families = new Map<string, RunInvoice[]>()
  for (const invoice of invoices) for (const payer of invoice.payers) families.set(String(payer), [...(families.get(String(payer)) ?? []), invoice])
  const event = billingRunEvent(school, invoices.map((invoice) => invoice.id))
  await notify(req, { kind: 'invoiceIssued', event, school, recipients: [...families.keys()].map((guardian) => ({ guardian })) })
  const told = [...families].map(([guardian, own]) => {
    const children = new Set(own.map((invoice) => String(invoice.student)))
    return {
      guardian: Number(guardian),
      vars: { ...issuedVars(own.map((invoice) => ({ ...invoice, pupil: names.get(String(invoice.student)) ?? '' }))), pupils: pupilsVar([...children]) },
      link: children.size === 1 ? `/students/${[...children][0]}/invoices` : '/',
    }
  })
  // A guardian with an account is told on it: their row is found by their account.
  await db.execute(sql`update notifications n set vars = f.vars, link = f.link
    from json_to_recordset(${JSON.stringify(told)}::json) as f(guardian int, vars jsonb, link text) join guardians g on g.id = f.guardian
    where n.event = ${event} and (n.guardian_id = f.guardian or n.user_id = g.user_id)`)
}

/** A payment that succeeds (at the till, or when its provider says so; a replayed webhook changes nothing, so tells nothing). */
export const paymentReceived: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  if (context.skipNotify === true || !isPaymentNews(operation === 'update' ? previousDoc : null, doc)) return doc
  const invoice = await req.payload.findByID({ collection: 'invoices', id: idOf(doc.invoice)!, req, depth: 0, overrideAccess: true, select: { number: true, payers: true, student: true } })
  const student = idOf(invoice.student)!
  await notify(req, {
    kind: 'paymentReceived',
    event: paymentEvent(doc.id),
    school: idOf(doc.school)!,
    recipients: idsOf(invoice.payers).map((guardian) => ({ guardian })),
    vars: { ...paymentVars(await pupilName(req, student), { amount: doc.amount, currency: doc.currency as Currency, receiptNumber: doc.receiptNumber }, invoice), pupils: pupilsVar([student]) },
    link: `/students/${student}/invoices`,
  })
  return doc
}
