import { APIError, type Endpoint } from 'payload'
import { pdfResponse, readerLanguage } from '../../src/api/pdf'
import { needUser } from '../../src/api/request'
import { invoiceDocument, receiptDocument } from '../../src/finance/documents'
import { tReq } from '../../src/i18n'
import { renderInvoice } from '../../src/pdf/invoice'
import { renderReceipt } from '../../src/pdf/receipt'
import { schoolLogo } from '../../src/reportCards/assets'

/** A route id as the database keys it; anything else is a record that does not exist. */
const routeId = (value: unknown) => (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null)

/**
 * `GET /api/invoices/:id/pdf`: the invoice as a PDF (lines, payers, payments received, the
 * void stamp), in the reader's language, for whoever may read the invoice itself: read with the
 * caller's access, so another family's id (or a guessed one) answers 404.
 */
export const invoicePdfEndpoint: Endpoint = {
  path: '/:id/pdf',
  method: 'get',
  handler: async (req) => {
    needUser(req)
    const id = routeId(req.routeParams?.id)
    const invoice = id == null ? null : await req.payload.findByID({ collection: 'invoices', id, depth: 0, overrideAccess: false, req, disableErrors: true })
    if (!invoice) throw new APIError(tReq(req, 'errors.invoices.notFound'), 404)
    const document = await invoiceDocument(req, invoice, readerLanguage(req))
    const logo = await schoolLogo(req.payload, invoice.school)
    return pdfResponse(await renderInvoice(document, { logo }), `${document.number || `facture-${invoice.id}`}.pdf`)
  },
}

/**
 * `GET /api/payments/:id/receipt`: the receipt of a payment, a refund or a reversal, in the
 * reader's language, for whoever may read the payment; 404 for one they may not, and for a
 * payment that has not succeeded (pending, failed…): it has no receipt.
 */
export const receiptPdfEndpoint: Endpoint = {
  path: '/:id/receipt',
  method: 'get',
  handler: async (req) => {
    needUser(req)
    const id = routeId(req.routeParams?.id)
    const payment = id == null ? null : await req.payload.findByID({ collection: 'payments', id, depth: 0, overrideAccess: false, req, disableErrors: true })
    if (!payment) throw new APIError(tReq(req, 'errors.payments.notFound'), 404)
    const document = await receiptDocument(req, payment, readerLanguage(req))
    if (!document) throw new APIError(tReq(req, 'errors.payments.noReceipt', { status: tReq(req, `options.paymentStatus.${payment.status ?? 'pending'}`) }), 404)
    const logo = await schoolLogo(req.payload, payment.school)
    return pdfResponse(await renderReceipt(document, { logo }), `${document.receiptNumber}.pdf`)
  },
}

export const invoiceEndpoints: Endpoint[] = [invoicePdfEndpoint]
export const paymentEndpoints: Endpoint[] = [receiptPdfEndpoint]
