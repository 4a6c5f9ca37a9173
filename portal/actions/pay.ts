'use server'
import { redirect } from 'next/navigation'
import { payByCard, payByMobileMoney } from '../../src/finance/pay'
import type { Locale } from '../i18n/locales'
import { localReq, session } from '../session'
import { kept, refusal, type FormState } from './state'

/**
 * The family pays an invoice it may read (Payload's rule: a parent, their children's): by mobile
 * money, the prompt goes to the phone and the page shows the payment pending; by card, off to
 * Stripe Checkout, which brings the parent back to the same page.
 */
export async function payInvoice(locale: Locale, student: string, invoiceId: string, method: 'mobileMoney' | 'card', _state: FormState, form: FormData): Promise<FormState> {
  const { payload, user } = await session()
  const back = `/${locale}/students/${student}/invoices`
  if (!user) redirect(`/${locale}/login?next=${back}`)
  const req = await localReq(payload, locale, user)
  const values = kept(form, 'phone', 'operator')
  // The form's own attempt key: the same form sent twice on a slow line prompts the phone once;
  // another number or operator is another attempt.
  const attempt = String(form.get('attempt') ?? '')
  if (/^[\w-]{8,64}$/.test(attempt)) req.headers.set('idempotency-key', `${attempt}:${values.phone.replace(/\D/g, '')}:${values.operator}`)
  let next: string
  try {
    const invoice = await payload.findByID({ collection: 'invoices', id: invoiceId, depth: 0, overrideAccess: false, req })
    if (method === 'card') {
      next = (await payByCard(req, invoice, {}, back)).url!
    } else {
      const paid = await payByMobileMoney(req, invoice, { phone: values.phone, operator: values.operator || undefined })
      next = `${back}?pending=${paid.payment}#invoice-${invoice.id}`
    }
  } catch (error) {
    return refusal(error, values)
  }
  redirect(next)
}
