'use client'
import { useEffect, useState } from 'react'

/**
 * The unread count, kept live by the notification stream (server-sent events): set by each
 * `unread` event (sent again when some are marked read, here or elsewhere), one more for each
 * `notification`. The server renders the first value, so the
 * page says it without JavaScript; the browser reconnects by itself when the line drops.
 */
export function LiveCount({ initial, locale, labels }: { initial: number; locale: string; labels: { zero: string; one: string; other: string } }) {
  const [count, setCount] = useState(initial)
  useEffect(() => {
    const source = new EventSource(`/api/notifications/stream?lang=${locale}`)
    source.addEventListener('unread', (event) => setCount(JSON.parse(event.data).count))
    source.addEventListener('notification', () => setCount((current) => current + 1))
    return () => source.close()
  }, [locale])
  const label = (count === 0 ? labels.zero : count === 1 ? labels.one : labels.other).replace('{count}', String(count))
  return (
    <span data-unread={count} aria-live="polite">
      <span aria-hidden="true" className={count ? 'rounded-full bg-amber-300 px-1.5 text-sm font-bold text-slate-900' : 'sr-only'}>
        {count}
      </span>
      <span className="sr-only">{label}</span>
    </span>
  )
}
