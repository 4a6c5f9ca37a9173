'use client'
import { useUnreadCount } from '../../src/notifications/useUnreadCount'

/** The unread count, kept live by the notification stream; the server renders the first value, so the page says it without JavaScript. */
export function LiveCount({ initial, locale, labels }: { initial: number; locale: string; labels: { zero: string; one: string; other: string } }) {
  const count = useUnreadCount(locale, initial)
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
