import type { Endpoint, PayloadRequest, Where } from 'payload'
import { sseEvent } from '../../src/domain/notificationFanout'
import { asLanguage } from '../../src/i18n'
import { needUser } from '../../src/api/request'
import { hubOf, type Delivered } from '../../src/notifications/hub'
import { readerText } from '../../src/notifications/text'

/** Proxies close a connection silent for a minute or so: a comment line well before. */
const heartbeatMs = 25_000
/** A stream lives this long, then the browser opens another: a session ended or a role taken away stops here too. */
const lifetimeMs = 30 * 60_000
/** How soon the browser comes back after a stream ends or drops. */
const retryMs = 5_000

const asCaller = (req: PayloadRequest) => ({ req, overrideAccess: false, depth: 0 }) as const
const unread = (user: number | string): Where => ({ and: [{ user: { equals: user } }, { readAt: { exists: false } }] })

/** A notification as the reader sees it: its title and text in their language, where it leads. */
const shown = (language: string, n: Delivered) => ({
  id: n.id,
  kind: n.kind,
  ...readerText(language, n.kind, n.vars),
  link: n.link ?? null,
  createdAt: n.createdAt,
})

/**
 * `GET /api/notifications/stream`: the caller's notifications as server-sent events. First the
 * unread count (`unread`, again whenever they mark some read, wherever), then each new
 * notification (`notification`) as it is made, in the
 * page's language (`?lang=fr|en`, else the account's). Neither buffered nor compressed on the
 * way (no-transform; X-Accel-Buffering for nginx), so an event arrives when it is sent.
 */
const stream: Endpoint = {
  path: '/stream',
  method: 'get',
  handler: async (req) => {
    const user = needUser(req)
    const language = asLanguage(req.searchParams.get('lang') ?? (user as { language?: string }).language ?? req.i18n?.language)
    const hub = hubOf(req.payload)
    // Listening before reading where the reader is: whatever commits after that read reaches them.
    await hub.listening()
    const latest = await req.payload.find({ collection: 'notifications', where: { user: { equals: user.id } }, sort: '-id', limit: 1, select: {}, pagination: false, ...asCaller(req) })
    const encoder = new TextEncoder()
    let stop = () => {}
    const body = new ReadableStream<Uint8Array>({
      start: async (controller) => {
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text))
          } catch {
            stop()
          }
        }
        const close = hub.open(
          Number(user.id),
          Number(latest.docs[0]?.id ?? 0),
          (fresh) => fresh.forEach((n) => send(sseEvent('notification', shown(language, n), n.id))),
          (count) => send(sseEvent('unread', { count })),
        )
        const heartbeat = setInterval(() => send(': ping\n\n'), heartbeatMs)
        const lifetime = setTimeout(() => stop(), lifetimeMs)
        stop = () => {
          close()
          clearInterval(heartbeat)
          clearTimeout(lifetime)
          req.signal?.removeEventListener('abort', stop)
          try {
            controller.close()
          } catch {
            // already closed by the reader
          }
        }
        req.signal?.addEventListener('abort', stop)
        // Counted once the stream is open: one made in between is in the count, if not among the events.
        const { totalDocs } = await req.payload.count({ collection: 'notifications', where: unread(user.id), overrideAccess: false, req })
        send(`retry: ${retryMs}\n\n${sseEvent('unread', { count: totalDocs })}`)
      },
      cancel: () => stop(),
    })
    return new Response(body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no',
      },
    })
  },
}

/** `POST /api/notifications/read-all`: every unread notification of the caller's, read now; answers how many. */
const readAll: Endpoint = {
  path: '/read-all',
  method: 'post',
  handler: async (req) => {
    const user = needUser(req)
    const { docs } = await req.payload.update({ collection: 'notifications', where: unread(user.id), data: { readAt: new Date().toISOString() }, select: {}, ...asCaller(req) })
    return Response.json({ read: docs.length })
  },
}

export const notificationEndpoints: Endpoint[] = [stream, readAll]
