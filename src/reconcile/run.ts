/**
 * Importing a statement and confirming its matches, as the caller: the payments matched are
 * those the caller may read, the reconciliation is written under the caller's access rules.
 */
import { sql } from '@payloadcms/db-postgres'
import { APIError, type PayloadRequest } from 'payload'
import { idOf, type ID } from '../access/ids'
import { matchStatement, summarise, type PaymentForMatch } from '../domain/reconciliation'
import { parseStatementRows, type StatementError } from '../domain/statement'
import type { Currency } from '../domain/money'
import { tReq } from '../i18n'
import { SheetError } from '../sheets/errors'
import { sheetErrorMessage } from '../sheets/messages'
import { invalid, type FieldError } from '../../hooks/invalid'
import { dbOf } from '../db/session'
import { inTransaction } from '../db/transaction'
import { reconciling } from './context'
import { readStatementFile } from './statementFile'

/** Matches by reference look this far around the statement's dates; by amount, `windowDays`. */
const referenceSpanDays = 62
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString()

/** Writes the system-only fields of a reconciliation (lines, counts, stamps) on the caller's behalf. */
const asReconciler = async <T>(req: PayloadRequest, write: () => Promise<T>) => {
  req.context[reconciling] = true
  try {
    return await write()
  } finally {
    delete req.context[reconciling]
  }
}

const rowError = (req: PayloadRequest, error: StatementError): FieldError => ({
  path: `statement.${error.row}${error.column ? `.${error.column}` : ''}`,
  message: tReq(req, error.column ? 'errors.reconciliation.cell' : 'errors.reconciliation.rowOnly', {
    row: error.row,
    column: error.column,
    reason: tReq(req, `errors.reconciliation.${error.code}`, { value: error.value }),
  }),
})

/** Payments of the school already confirmed on a statement line, so a second statement cannot take them again. */
const confirmedPayments = async (req: PayloadRequest, school: ID) => {
  const found = await req.payload.find({
    collection: 'reconciliations',
    where: { and: [{ school: { equals: school } }, { 'lines.confirmedAt': { exists: true } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { label: true, lines: true },
    req,
  })
  const taken = new Map<string, { label: string; row: number }>()
  for (const doc of found.docs) for (const line of doc.lines ?? []) if (line.confirmedPayment != null) taken.set(String(idOf(line.confirmedPayment)), { label: doc.label, row: line.row ?? 0 })
  return taken
}

export type ImportInput = { school: ID; file: Buffer; fileName?: string; label?: string; source?: string; currency?: Currency; windowDays?: number }

export const importStatement = async (req: PayloadRequest, input: ImportInput) => {
  let read
  try {
    read = await readStatementFile(input.file)
  } catch (error) {
    if (error instanceof SheetError) throw new APIError(sheetErrorMessage(req, error), 400)
    throw error
  }
  const { lines, errors } = parseStatementRows(read.rows, input.currency)
  if (errors.length) throw invalid(req, errors.slice(0, 50).map((error) => rowError(req, error)))
  const days = lines.map((line) => line.date).sort()
  const payments = await req.payload.find({
    collection: 'payments',
    where: {
      and: [
        { school: { equals: input.school } },
        { status: { equals: 'succeeded' } },
        { paidAt: { greater_than_equal: shift(days[0], -referenceSpanDays) } },
        { paidAt: { less_than_equal: shift(days[days.length - 1], referenceSpanDays + 1) } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: false,
    select: { receiptNumber: true, providerReference: true, amount: true, currency: true, paidAt: true, phone: true, method: true, kind: true },
    req,
  })
  const taken = await confirmedPayments(req, input.school)
  const open = payments.docs.filter((payment) => !taken.has(String(payment.id))) as unknown as PaymentForMatch[]
  const matches = matchStatement(lines, open, { windowDays: input.windowDays })
  const counts = summarise(matches)
  return asReconciler(req, () =>
    req.payload.create({
      collection: 'reconciliations',
      data: {
        school: input.school as number,
        label: input.label || input.fileName || tReq(req, 'reconciliation.untitled'),
        source: (input.source === 'mobileMoney' ? 'mobileMoney' : 'bank') as 'bank',
        fileName: input.fileName,
        statement: read.text,
        importedBy: req.user?.id,
        ...counts,
        confirmed: 0,
        lines: lines.map((line, i) => ({ ...line, status: matches[i].status, rule: matches[i].rule, payment: matches[i].payment as number, candidates: matches[i].candidates as number[] })),
      },
      depth: 0,
      overrideAccess: false,
      req,
    }),
  )
}

export type Confirmation = { row?: unknown; payment?: unknown }

/**
 * Confirms the chosen lines: each with its match, or with one of its candidates. Every refusal
 * names the line; nothing is confirmed unless all are valid.
 */
export const confirmLines = (req: PayloadRequest, id: ID, choices: Confirmation[]) =>
  inTransaction(req, async () => {
    const school = idOf((await req.payload.findByID({ collection: 'reconciliations', id, depth: 0, overrideAccess: false, req, select: { school: true } })).school)
    if (!Array.isArray(choices) || !choices.length) throw invalid(req, [{ path: 'lines', message: tReq(req, 'errors.reconciliation.nothingChosen') }])
    // One confirmation per school at a time: two people confirming one payment on two statements cannot both win.
    await (await dbOf(req)).execute(sql`select pg_advisory_xact_lock(hashtext(${`kelasi:reconcile:${school}`}))`)
    return confirmLocked(req, id, choices)
  })

const confirmLocked = async (req: PayloadRequest, id: ID, choices: Confirmation[]) => {
  const doc = await req.payload.findByID({ collection: 'reconciliations', id, depth: 0, overrideAccess: false, req })
  const taken = await confirmedPayments(req, idOf(doc.school)!)
  const lines = [...(doc.lines ?? [])]
  const errors: FieldError[] = []
  const chosen = new Map<string, number>()
  const now = new Date().toISOString()
  choices.forEach((choice, i) => {
    const fail = (field: string, key: string, vars: Record<string, string | number> = {}) => errors.push({ path: `lines.${i}.${field}`, message: tReq(req, `errors.reconciliation.${key}`, { row: String(choice?.row ?? ''), ...vars }) })
    const at = lines.findIndex((line) => String(line.row) === String(choice?.row))
    if (at < 0) return fail('row', 'noSuchLine')
    const line = lines[at]
    if (line.confirmedAt) return fail('row', 'alreadyConfirmed')
    const payment = idOf((choice.payment ?? line.payment ?? null) as never)
    if (payment == null) return fail('payment', 'choosePayment')
    const allowed = [line.payment, ...(line.candidates ?? [])].filter((p) => p != null).map((p) => String(idOf(p as never)))
    if (!allowed.includes(String(payment))) return fail('payment', 'notACandidate')
    const elsewhere = taken.get(String(payment))
    if (elsewhere) return fail('payment', 'paymentTaken', { label: elsewhere.label, other: elsewhere.row })
    const twice = chosen.get(String(payment))
    if (twice !== undefined) return fail('payment', 'paymentTaken', { label: doc.label, other: twice })
    chosen.set(String(payment), line.row ?? 0)
    lines[at] = { ...line, confirmedPayment: Number(payment), confirmedAt: now, confirmedBy: req.user?.id ?? null }
  })
  if (errors.length) throw invalid(req, errors)
  return asReconciler(req, () =>
    req.payload.update({
      collection: 'reconciliations',
      id: doc.id,
      data: { lines, confirmed: lines.filter((line) => line.confirmedAt).length },
      depth: 0,
      overrideAccess: false,
      req,
    }),
  )
}
