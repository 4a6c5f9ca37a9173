import simpleRestProvider from 'ra-data-simple-rest'
import { fetchUtils } from 'react-admin'
import { i18nProvider } from './i18n'

/**
 * Same-origin JSON carrying Payload's `payload-token` cookie, in the workspace's language so
 * that refusals and field errors come back in the words the teacher reads.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' })
  headers.set('Accept-Language', i18nProvider.getLocale())
  return fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' })
}

export const dataProvider = simpleRestProvider('/api/v1', httpClient)
