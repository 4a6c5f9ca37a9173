/**
 * A server-sent events reader over a fetch answer, as a browser's EventSource parses the stream
 * (Node has no EventSource): events by name, with their data parsed, and when each arrived.
 */
export type ServerEvent = { event: string; data: any; id?: string; at: number }

export const eventReader = (response: Response) => {
  const events: ServerEvent[] = []
  const waiters = new Set<() => void>()
  const decoder = new TextDecoder()
  const reader = response.body!.getReader()
  let buffer = ''
  let comments = 0
  const parse = (block: string) => {
    const event: Partial<ServerEvent> = { event: 'message' }
    let data: string | undefined
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) comments++
      else if (line.startsWith('event: ')) event.event = line.slice(7)
      else if (line.startsWith('data: ')) data = (data === undefined ? '' : `${data}\n`) + line.slice(6)
      else if (line.startsWith('id: ')) event.id = line.slice(4)
    }
    if (data !== undefined) events.push({ ...event, data: JSON.parse(data), at: performance.now() } as ServerEvent)
  }
  const done = (async () => {
    try {
      for (;;) {
        const { value, done: ended } = await reader.read()
        if (ended) break
        buffer += decoder.decode(value, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          parse(buffer.slice(0, end))
          buffer = buffer.slice(end + 2)
        }
        waiters.forEach((wake) => wake())
      }
    } catch {
      // cancelled: the reader closed the stream
    }
  })()
  /** The first event matching `test`, waiting at most `ms` for it. */
  const next = (test: (event: ServerEvent) => boolean, ms = 5_000) =>
    new Promise<ServerEvent>((resolve, reject) => {
      const check = () => {
        const found = events.find(test)
        if (!found) return
        cleanup()
        resolve(found)
      }
      const timer = setTimeout(() => {
        cleanup()
        reject(new Error(`no such event within ${ms} ms; got ${JSON.stringify(events.map((e) => e.event))}`))
      }, ms)
      const cleanup = () => {
        clearTimeout(timer)
        waiters.delete(check)
      }
      waiters.add(check)
      check()
    })
  return {
    events,
    next,
    comments: () => comments,
    close: async () => {
      await reader.cancel().catch(() => undefined)
      await done
    },
  }
}
