import { useEffect, useState } from 'react'
import { Badge, IconButton, Tooltip } from '@mui/material'
import NotificationsIcon from '@mui/icons-material/Notifications'
import { Link, useLocaleState, useTranslate } from 'react-admin'

/**
 * The app bar's bell: the unread count from the notification stream (server-sent events), sent
 * again whenever some are marked read, and one more for each new notification.
 */
export const NotificationBell = () => {
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const [count, setCount] = useState(0)
  useEffect(() => {
    const source = new EventSource(`/api/notifications/stream?lang=${locale}`)
    source.addEventListener('unread', (event) => setCount(JSON.parse(event.data).count))
    source.addEventListener('notification', () => setCount((current) => current + 1))
    return () => source.close()
  }, [locale])
  const label = translate('kelasi.notifications.bell', { smart_count: count })
  return (
    <Tooltip title={label}>
      <IconButton component={Link} to="/notifications" color="inherit" aria-label={label} data-unread={count}>
        <Badge badgeContent={count} color="error" max={99}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  )
}
