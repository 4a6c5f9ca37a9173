import config from '@payload-config'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleEndpoints } from 'payload'

const bodyOf = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject)
  })

/** An HTTP server on a free local port; `close` stops it. */
export const listen = async (handle: (request: IncomingMessage, body: Buffer, response: ServerResponse) => Promise<void>) => {
  const server: Server = createServer((request, response) => {
    bodyOf(request)
      .then((body) => handle(request, body, response))
      .catch((error) => response.writeHead(500).end(String(error)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/**
 * The app's REST API on a real port, as a provider's callback reaches it: the same handlers as
 * the Next route (tests/support/http.ts), behind an HTTP hop.
 */
export const listenForCallbacks = () =>
  listen(async (request, body, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const headers = new Headers(Object.entries(request.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)] as [string, string]])))
    const forwarded = new Request(url, { method: request.method, headers, body: body.length ? new Uint8Array(body) : undefined })
    const answer = await handleEndpoints({ config, path: url.pathname, request: forwarded })
    response.writeHead(answer.status, Object.fromEntries(answer.headers.entries())).end(Buffer.from(await answer.arrayBuffer()))
  })
