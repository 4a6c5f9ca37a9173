import { useEffect, useState } from 'react'

/**
 * The reader's unread count, live from GET /api/notifications/stream (the portal's bell and the
 * workspace's): set by each `unread` event (sent again when some are marked read, here or
 * elsewhere), one more for each `notification`. The browser reconnects by itself when the line drops.
 */
export const useUnreadCount = (locale: string, initial = 0) => {
  const [count, setCount] = useState(initial)
  useEffect(() => {
    const source = new EventSource(`/api/notifications/stream?lang=${locale}`)
    source.addEventListener('unread', (event) => setCount(JSON.parse(event.data).count))
    source.addEventListener('notification', () => setCount((current) => current + 1))
    return () => source.close()
  }, [locale])
  return count
}
