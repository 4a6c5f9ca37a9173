import type { Endpoint } from 'payload'
import { idOf } from '../../src/access/ids'
import { bodyOf, needUser } from '../../src/api/request'
import { decimal } from '../../src/domain/financeReports'
import { t } from '../../src/i18n'
import { confirmLines, type Confirmation } from '../../src/reconcile/run'

/** `POST /api/reconciliations/:id/confirm {lines: [{row, payment?}]}`: confirms lines with their match or a chosen candidate → `{ doc }`. */
export const reconciliationConfirmEndpoint: Endpoint = {
  path: '/:id/confirm',
  method: 'post',
  handler: async (req) => {
    needUser(req)
    const body = await bodyOf<{ lines?: Confirmation[] }>(req)
    return Response.json({ doc: await confirmLines(req, String(req.routeParams?.id), body.lines as Confirmation[]) })
  },
}

/** A text cell that a spreadsheet would take for a formula is written as text. */
const safe = (value: unknown) => {
  const text = String(value ?? '')
  const neutral = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  // Quoted when it holds either separator, so the cell reads the same in the French and the English file.
  return /[",;\n\r]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral
}

/**
 * `GET /api/reconciliations/:id/export.csv`: every line with its status and the receipt it is
 * matched (or confirmed) to, in the reader's language (French: semicolons and decimal commas).
 */
export const reconciliationExportEndpoint: Endpoint = {
  path: '/:id/export.csv',
  method: 'get',
  handler: async (req) => {
    needUser(req)
    const language = req.i18n?.language
    const doc = await req.payload.findByID({ collection: 'reconciliations', id: String(req.routeParams?.id), depth: 0, overrideAccess: false, req })
    const ids = [...new Set((doc.lines ?? []).flatMap((line) => [line.payment, line.confirmedPayment, ...(line.candidates ?? [])]).filter((p) => p != null).map((p) => idOf(p as never)!))]
    const payments = ids.length ? (await req.payload.find({ collection: 'payments', where: { id: { in: ids } }, pagination: false, depth: 0, overrideAccess: false, select: { receiptNumber: true }, req })).docs : []
    const receipt = new Map(payments.map((p) => [String(p.id), p.receiptNumber ?? '']))
    const receiptOf = (p: unknown) => (p == null ? '' : (receipt.get(String(idOf(p as never))) ?? ''))
    const [sep, point] = language === 'en' ? [',', '.'] : [';', ',']
    const column = (key: string) => t(language, `reconciliation.columns.${key}`)
    const header = ['row', 'date', 'amount', 'currency', 'reference', 'phone', 'description', 'status', 'receipt', 'candidates', 'confirmedAt'].map(column)
    const rows = (doc.lines ?? []).map((line) => [
      String(line.row ?? ''),
      String(line.date ?? '').slice(0, 10),
      decimal(line.amount ?? 0, point),
      line.currency ?? '',
      safe(line.reference),
      safe(line.phone),
      safe(line.description),
      t(language, `options.matchStatus.${line.confirmedAt ? 'confirmed' : line.status}`),
      receiptOf(line.confirmedPayment ?? line.payment),
      (line.candidates ?? []).map(receiptOf).join(' '),
      line.confirmedAt ? String(line.confirmedAt) : '',
    ])
    const csv = `\ufeff${[header.map(safe), ...rows].map((cells) => cells.join(sep)).join('\r\n')}\r\n`
    const name = `rapprochement-${doc.id}.csv`
    return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store' } })
  },
}
