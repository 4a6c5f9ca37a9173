import type { SendEmailOptions } from 'payload'
import type { ReminderStep } from '../domain/reminders'
import { formatMoney, type Currency } from '../domain/money'
import { t, type Language } from '../i18n'
import type { Recipient } from './reportCard'
import { escape, serverURL } from './templates'

/** Where a family reads the invoice (after logging in: the invoice's own access rules apply). */
export const invoiceLink = (invoice: number | string) => `${serverURL()}/api/invoices/${invoice}/pdf`

/** "30 juin 2027" / "30 June 2027": a calendar day as a letter writes it. */
export const longDate = (day: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`))

export type RemindedInvoice = { id: number | string; number: string; pupil: string; school: string; balance: number; currency: Currency; dueDate: string }

/**
 * A payment reminder in the guardian's language: before the due date (`before`) or after it
 * (`overdueN`), naming the invoice, the pupil, what is left to pay and by when, with the link.
 */
export const invoiceReminderEmail = (recipient: Recipient, invoice: RemindedInvoice, step: ReminderStep): SendEmailOptions => {
  const lang = recipient.language
  const kind = step === 'before' ? 'before' : 'overdue'
  const vars = { number: invoice.number, pupil: invoice.pupil, school: invoice.school, balance: formatMoney(invoice.balance, invoice.currency, lang), dueDate: longDate(invoice.dueDate, lang) }
  const link = invoiceLink(invoice.id)
  const lines = [
    t(lang, 'email.greeting', { name: recipient.name || recipient.to }),
    t(lang, `email.invoiceReminder.${kind}`, vars),
    t(lang, 'email.invoiceReminder.link'),
    link,
    t(lang, 'email.invoiceReminder.paidAlready'),
    t(lang, 'email.invoiceReminder.signature', vars),
  ]
  return {
    to: recipient.to,
    subject: t(lang, `email.invoiceReminder.${kind}Subject`, vars),
    text: lines.join('\n\n'),
    html: lines.map((line) => (line === link ? `<p><a href="${escape(link)}">${escape(link)}</a></p>` : `<p>${escape(line)}</p>`)).join('\n'),
  }
}
