import { notFound } from 'next/navigation'
import { setRequestLocale } from 'next-intl/server'
import { isLocale, type Locale } from './i18n/locales'

export type Params<T = object> = { params: Promise<{ locale: string } & T>; searchParams: Promise<Record<string, string | string[] | undefined>> }

/** The page's language from its URL (anything but fr or en is not a page), its parameters and query. */
export const pageOf = async <T extends object>({ params, searchParams }: Params<T>) => {
  const all = await params
  if (!isLocale(all.locale)) notFound()
  setRequestLocale(all.locale)
  const query = await searchParams
  const one = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined)
  return { ...all, locale: all.locale as Locale, query: one }
}
