import type { Locale } from './i18n/locales'

/** Schools keep Kinshasa time; the portal shows every date and time in it. */
export const timeZone = 'Africa/Kinshasa'

const tags: Record<Locale, string> = { fr: 'fr-CD', en: 'en-GB' }

/** A calendar day ("12 nov. 2026"); registers and due dates are days stored as UTC midnight. */
export const formatDay = (locale: Locale, value: string | null | undefined) =>
  value ? new Intl.DateTimeFormat(tags[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(value)) : ''

/** A moment (a payment, a publication) in the school's time. */
export const formatMoment = (locale: Locale, value: string | null | undefined) =>
  value ? new Intl.DateTimeFormat(tags[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value)) : ''

/** Integer minor units of an ISO currency, as the locale writes money. */
export const formatMoney = (locale: Locale, minor: number | null | undefined, currency: string | null | undefined) =>
  new Intl.NumberFormat(tags[locale], { style: 'currency', currency: currency || 'USD' }).format((minor ?? 0) / 100)

/** A mark or an average with the locale's decimal sign ("12,5"). */
export const formatNumber = (locale: Locale, value: number | null | undefined, digits = 2) =>
  value == null ? '—' : new Intl.NumberFormat(tags[locale], { maximumFractionDigits: digits }).format(value)
