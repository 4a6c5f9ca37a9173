import type { Locale } from './i18n/locales'

/** Schools keep Kinshasa time; the portal shows every date and time in it. */
export const timeZone = 'Africa/Kinshasa'

const tags: Record<Locale, string> = { fr: 'fr-CD', en: 'en-GB' }

/** Building an Intl formatter costs more than using it: one per language and shape, kept. */
const kept = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
const dates = (locale: Locale, options: Intl.DateTimeFormatOptions) => {
  const key = `d:${locale}:${JSON.stringify(options)}`
  if (!kept.has(key)) kept.set(key, new Intl.DateTimeFormat(tags[locale], options))
  return kept.get(key) as Intl.DateTimeFormat
}
const numbers = (locale: Locale, options: Intl.NumberFormatOptions) => {
  const key = `n:${locale}:${JSON.stringify(options)}`
  if (!kept.has(key)) kept.set(key, new Intl.NumberFormat(tags[locale], options))
  return kept.get(key) as Intl.NumberFormat
}

/** A calendar day ("12 nov. 2026"); registers and due dates are days stored as UTC midnight. */
export const formatDay = (locale: Locale, value: string | null | undefined) =>
  value ? dates(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(value)) : ''

/** A moment (a payment, a publication) in the school's time. */
export const formatMoment = (locale: Locale, value: string | null | undefined) =>
  value ? dates(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value)) : ''

/** Integer minor units of an ISO currency, as the locale writes money. */
export const formatMoney = (locale: Locale, minor: number | null | undefined, currency: string | null | undefined) =>
  numbers(locale, { style: 'currency', currency: currency || 'USD' }).format((minor ?? 0) / 100)

/** A mark or an average with the locale's decimal sign ("12,5"). */
export const formatNumber = (locale: Locale, value: number | null | undefined, digits = 2) =>
  value == null ? '—' : numbers(locale, { maximumFractionDigits: digits }).format(value)

/**
 * Where a notification leads, in the reader's language: a portal path gets the language prefix
 * (`/students/12/attendance` → `/fr/students/12/attendance`), the workspace stays as it is, and
 * anything that is not a path of this site (`//elsewhere`, `https:`) leads nowhere.
 */
export const notificationHref = (locale: Locale, link: string | null | undefined) => {
  if (!link || !/^\/(?![/\\])/.test(link)) return null
  return link === '/console' || link.startsWith('/console#') || link.startsWith('/console/') ? link : `/${locale}${link === '/' ? '' : link}`
}
