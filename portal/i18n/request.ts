import { getRequestConfig } from 'next-intl/server'
import { defaultLocale, isLocale } from './locales'

export default getRequestConfig(async ({ requestLocale }) => {
  const asked = await requestLocale
  const locale = isLocale(asked) ? asked : defaultLocale
  return { locale, messages: (await import(`../messages/${locale}.json`)).default, timeZone: 'Africa/Kinshasa' }
})
