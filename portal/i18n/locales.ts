import { languages, type Language } from '../../src/i18n'

/** The portal speaks the product's languages, French first; the URL's first segment says which. */
export const locales = languages
export type Locale = Language
export const defaultLocale: Locale = 'fr'
export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale)

/** The cookie that remembers a visitor's language before (and besides) their account does. */
export const languageCookie = 'kelasi-language'
