import http from 'node:http'
import { clientAddress, clientHeader } from '../domain/rateLimits'
import { metrics } from '../metrics/registry'

/** The part of the product a path belongs to: a few label values, never the path itself (ids would explode the series). */
export const areaOf = (url = '/') => {
  const path = url.split('?')[0]
  if (path.startsWith('/_next/')) return 'assets'
  if (path === '/api/graphql') return 'graphql'
  if (path.startsWith('/api/v1/')) return 'simple-rest'
  if (path.startsWith('/api/')) return 'rest'
  if (path.startsWith('/admin')) return 'admin'
  if (path.startsWith('/console')) return 'console'
  return 'portal'
}

let observing = false

/**
 * Every request the process serves, as the Node server receives it (`next start` emits one
 * 'request' event for pages, routes and assets alike): timed from its arrival to the end of its
 * answer, and stamped with the client's address as this server saw it, over whatever the client
 * sent in that header (Next only fills X-Forwarded-For when the client did not).
 */
export const observeRequests = () => {
  if (observing) return
  observing = true
  const { requests } = metrics()
  const emit = http.Server.prototype.emit
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse]
      const hops = [request.headers['x-forwarded-for'], request.socket.remoteAddress].flat().filter(Boolean).join(',')
      request.headers[clientHeader] = clientAddress(hops, Math.max(0, Number(process.env.KELASI_PROXY_HOPS ?? 1))) ?? ''
      const end = requests.startTimer({ method: request.method ?? 'GET', area: areaOf(request.url) })
      response.once('finish', () => end({ status: `${Math.floor(response.statusCode / 100)}xx` }))
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>)
  } as typeof emit
}
