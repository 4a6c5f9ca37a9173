import simpleRestProvider from 'ra-data-simple-rest'
import { fetchUtils, type DataProvider } from 'react-admin'
import { i18nProvider } from './i18n'

const apiUrl = '/api/v1'

/**
 * Same-origin JSON carrying Payload's `payload-token` cookie, in the workspace's language so
 * that refusals and field errors come back in the words the teacher reads.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' })
  headers.set('Accept-Language', i18nProvider.getLocale())
  return fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' })
}

const simpleRest = simpleRestProvider(apiUrl, httpClient)

type Upload = { rawFile?: File }

/**
 * A file shared with a class goes as Payload's REST takes one, multipart: the file and the
 * other fields as `_payload`; everything else is ra-data-simple-rest's JSON.
 */
export const dataProvider: DataProvider = {
  ...simpleRest,
  create: async (resource, params) => {
    const { file, ...fields } = params.data as { file?: Upload } & Record<string, unknown>
    if (resource !== 'resources' || !file?.rawFile) return simpleRest.create(resource, params)
    const form = new FormData()
    form.append('file', file.rawFile, file.rawFile.name)
    form.append('_payload', JSON.stringify(fields))
    const { json } = await httpClient(`${apiUrl}/${resource}`, { method: 'POST', body: form })
    return { data: json }
  },
}
