import type { Endpoint } from 'payload'
import { bodyOf, needUser } from '../../src/api/request'
import { payByCard, payByMobileMoney, type PayRequest } from '../../src/finance/pay'
import { tReq } from '../../src/i18n'
import { invalid } from '../../hooks/invalid'

/**
 * `POST /api/invoices/:id/pay {method: 'mobileMoney', phone, operator?, amount?}` pushes the prompt
 * to the phone and answers the pending payment; `{method: 'card', amount?, returnTo?}` answers the
 * Stripe Checkout address. Whoever may read the invoice may pay it (a parent, their children's):
 * another family's id answers 404. The amount defaults to the balance.
 */
export const payEndpoint: Endpoint = {
  path: '/:id/pay',
  method: 'post',
  handler: async (req) => {
    needUser(req)
    const body = await bodyOf<PayRequest & { returnTo?: unknown }>(req)
    const invoice = await req.payload.findByID({ collection: 'invoices', id: String(req.routeParams?.id), depth: 0, overrideAccess: false, req })
    const typed = invoice as unknown as Parameters<typeof payByCard>[1]
    if (body.method === 'mobileMoney') return Response.json(await payByMobileMoney(req, typed, body), { status: 201 })
    if (body.method === 'card') return Response.json(await payByCard(req, typed, body, typeof body.returnTo === 'string' ? body.returnTo : undefined), { status: 201 })
    throw invalid(req, [{ path: 'method', message: tReq(req, 'errors.pay.method') }])
  },
}
