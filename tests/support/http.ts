import config from '@payload-config'
import { handleEndpoints } from 'payload'

/**
 * REST and GraphQL exactly as the Next routes serve them: the same handlers, fed a real
 * `Request`, without a network hop. (tests/e2e drives the built server over HTTP.)
 */
const origin = process.env.SERVER_URL || 'http://localhost:3000'

export type HttpResult = { status: number; body: any; headers: Headers }

const toResult = async (response: Response): Promise<HttpResult> => {
  const text = await response.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers }
}

const authHeaders = (token?: string, extra: Record<string, string> = {}) => ({
  ...(token ? { Authorization: `JWT ${token}` } : {}),
  ...extra,
})

/** A multipart body as Payload's REST (and the admin) sends an upload: the file and the other fields as JSON in `_payload`. */
export const uploadForm = (data: Uint8Array, name: string, type: string, fields: Record<string, unknown>) => {
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(data)], { type }), name)
  body.append('_payload', JSON.stringify(fields))
  return body
}

type RestOptions = { token?: string; body?: unknown; form?: FormData; headers?: Record<string, string> }

export const rest = async (method: string, path: string, options: RestOptions = {}) => {
  const json = options.body !== undefined
  const request = new Request(`${origin}/api${path}`, {
    method,
    headers: authHeaders(options.token, { ...(json ? { 'Content-Type': 'application/json' } : {}), ...options.headers }),
    body: options.form ?? (json ? JSON.stringify(options.body) : undefined),
  })
  const [pathname] = path.split('?')
  return toResult(await handleEndpoints({ config, path: `/api${pathname}`, request }))
}

let graphqlPost: ((request: Request) => Promise<Response>) | undefined

export const graphql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
  if (!graphqlPost) {
    const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
    graphqlPost = GRAPHQL_POST(config) as (request: Request) => Promise<Response>
  }
  const request = new Request(`${origin}/api/graphql`, {
    method: 'POST',
    headers: authHeaders(token, { 'Content-Type': 'application/json' }),
    body: JSON.stringify({ query, variables }),
  })
  return toResult(await graphqlPost(request))
}

/** The messages of a refusal, field by field, as the admin shows them. */
export const errorMessages = (body: any): string[] => body.errors.flatMap((e: any) => e.data?.errors?.map((f: any) => f.message) ?? [e.message])
