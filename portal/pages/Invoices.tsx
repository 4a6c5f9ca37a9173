import { randomUUID } from 'node:crypto'
import { getTranslations } from 'next-intl/server'
import type { Invoice, Payment } from '../../payload-types'
import { operators } from '../../src/payments/provider'
import { stripeSettings } from '../../src/payments/registry'
import { payInvoice } from '../actions/pay'
import { ActionForm, Field, SelectField, Submit } from '../components/ActionForm'
import { ChildPage } from '../components/ChildNav'
import { Card, Empty, Notice, Pill, Title, linkClass } from '../components/ui'
import { childPageOf } from '../childPage'
import { formatDay, formatMoment, formatMoney } from '../format'
import type { Locale } from '../i18n/locales'

const tones = { paid: 'good', partial: 'warn', unpaid: 'warn', overdue: 'bad', void: 'neutral' } as const
const paymentTones = { succeeded: 'good', pending: 'warn', failed: 'bad', cancelled: 'neutral', expired: 'neutral' } as const

/** The child's invoices, what was paid and the receipts, and a way to pay what is owed. */
export const Invoices = async ({ locale, id, pending, paid }: { locale: Locale; id: string; pending?: string; paid?: boolean }) => {
  const { member, child, withInvoices } = await childPageOf(locale, id, 'invoices')
  const t = await getTranslations({ locale, namespace: 'invoices' })
  const f = await getTranslations({ locale, namespace: 'form' })
  const as = { overrideAccess: false, req: member.req, pagination: false, depth: 0 } as const
  const invoices = await member.payload.find({ collection: 'invoices', where: { student: { equals: child.id }, status: { not_equals: 'void' } }, sort: '-issueDate', ...as })
  const payments = invoices.docs.length
    ? await member.payload.find({ collection: 'payments', where: { invoice: { in: invoices.docs.map((i) => i.id) } }, sort: '-createdAt', ...as })
    : { docs: [] as Payment[] }
  const card = Boolean(stripeSettings())
  const owed = (invoice: Invoice) => (invoice.balance ?? 0) > 0
  return (
    <ChildPage locale={locale} child={child} section="invoices" withInvoices={withInvoices}>
      <Title lead={t('lead')}>{t('title')}</Title>
      {paid ? (
        <Notice>{t('cardDone')}</Notice>
      ) : null}
      {invoices.docs.length ? (
        <ul className="space-y-4">
          {invoices.docs.map((invoice) => {
            const own = payments.docs.filter((p) => String(p.invoice) === String(invoice.id))
            return (
              <li key={invoice.id} id={`invoice-${invoice.id}`}>
                <Card title={t('invoice', { number: invoice.number ?? '' })}>
                  <p className="flex flex-wrap items-center gap-2">
                    <Pill tone={tones[invoice.status ?? 'unpaid']}>{t(`status.${invoice.status ?? 'unpaid'}`)}</Pill>
                    <span className="text-sm text-slate-700">{t('dates', { issued: formatDay(locale, invoice.issueDate), due: formatDay(locale, invoice.dueDate) })}</span>
                  </p>
                  <table className="mt-3 w-full text-left text-sm">
                    <caption className="sr-only">{t('linesOf', { number: invoice.number ?? '' })}</caption>
                    <tbody>
                      {(invoice.lines ?? []).map((line) => (
                        <tr key={line.id} className="border-b border-slate-200">
                          <th scope="row" className="py-1 pr-2 font-normal">{line.label}</th>
                          <td className="py-1 text-right whitespace-nowrap">{formatMoney(locale, line.amount, invoice.currency)}</td>
                        </tr>
                      ))}
                      <tr>
                        <th scope="row" className="py-1 pr-2">{t('total')}</th>
                        <td className="py-1 text-right font-semibold whitespace-nowrap">{formatMoney(locale, invoice.total, invoice.currency)}</td>
                      </tr>
                      <tr>
                        <th scope="row" className="py-1 pr-2">{t('paid')}</th>
                        <td className="py-1 text-right whitespace-nowrap">{formatMoney(locale, invoice.paid, invoice.currency)}</td>
                      </tr>
                      <tr>
                        <th scope="row" className="py-1 pr-2">{t('balance')}</th>
                        <td className="py-1 text-right text-base font-bold whitespace-nowrap">{formatMoney(locale, invoice.balance, invoice.currency)}</td>
                      </tr>
                    </tbody>
                  </table>
                  <p className="mt-2">
                    <a className={linkClass} href={`/api/invoices/${invoice.id}/pdf?lang=${locale}`}>
                      {t('pdf', { number: invoice.number ?? '' })}
                    </a>
                  </p>
                  {own.length ? (
                    <>
                      <h3 className="mt-4 font-semibold">{t('payments')}</h3>
                      <ul className="mt-1 space-y-1 text-sm">
                        {own.map((payment) => (
                          <li key={payment.id} className="flex flex-wrap items-center gap-2">
                            <span>{formatMoment(locale, payment.paidAt ?? payment.createdAt)}</span>
                            <span className="font-medium">{formatMoney(locale, payment.amount, payment.currency ?? invoice.currency)}</span>
                            <span>{t(`method.${payment.method ?? 'cash'}`)}</span>
                            <Pill tone={paymentTones[payment.status ?? 'succeeded']}>{t(`paymentStatus.${payment.status ?? 'succeeded'}`)}</Pill>
                            {payment.status === 'succeeded' && payment.receiptNumber ? (
                              <a className={linkClass} href={`/api/payments/${payment.id}/receipt?lang=${locale}`}>
                                {t('receipt', { number: payment.receiptNumber })}
                              </a>
                            ) : null}
                            {String(payment.id) === pending && payment.status === 'pending' ? (
                              <span role="status" className="basis-full font-medium text-amber-900">
                                {t('confirmOnPhone')}
                              </span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {owed(invoice) ? (
                    <div className="mt-4 grid gap-4 border-t border-slate-300 pt-4 md:grid-cols-2">
                      <ActionForm action={payInvoice.bind(null, locale, String(child.id), String(invoice.id), 'mobileMoney')} errorTitle={f('errorTitle')} prefix={`mm${invoice.id}-`} className="space-y-3">
                        <h3 className="font-semibold">{t('payMobile', { amount: formatMoney(locale, invoice.balance, invoice.currency) })}</h3>
                        <input type="hidden" name="attempt" value={randomUUID()} />
                        <Field name="phone" type="tel" label={t('phone')} hint={t('phoneHint')} autoComplete="tel" inputMode="tel" required />
                        <SelectField name="operator" label={t('operator')} choices={[{ value: '', label: t('operatorFromPhone') }, ...operators.map((o) => ({ value: o, label: t(`operators.${o}`) }))]} />
                        <Submit>{t('payMobileSubmit')}</Submit>
                      </ActionForm>
                      {card ? (
                        <ActionForm action={payInvoice.bind(null, locale, String(child.id), String(invoice.id), 'card')} errorTitle={f('errorTitle')} prefix={`card${invoice.id}-`} className="space-y-3">
                          <h3 className="font-semibold">{t('payCard')}</h3>
                          <p className="text-sm text-slate-700">{t('payCardHint')}</p>
                          <input type="hidden" name="attempt" value={randomUUID()} />
                          <Submit>{t('payCardSubmit')}</Submit>
                        </ActionForm>
                      ) : null}
                    </div>
                  ) : null}
                </Card>
              </li>
            )
          })}
        </ul>
      ) : (
        <Empty>{t('none')}</Empty>
      )}
    </ChildPage>
  )
}
