import { useEffect, useState } from 'react'
import { Badge, IconButton, Tooltip } from '@mui/material'
import NotificationsIcon from '@mui/icons-material/Notifications'
import { Link, useLocaleState, useTranslate } from 'react-admin'
import { readEvent } from './notificationEvents'

/**
 * The app bar's bell: the unread count from the notification stream (server-sent events), one
 * more for each new notification; opened again after the list marks some read, for a fresh count.
 */
export const NotificationBell = () => {
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const [count, setCount] = useState(0)
  const [opened, setOpened] = useState(0)
  useEffect(() => {
    const source = new EventSource(`/api/notifications/stream?lang=${locale}`)
    source.addEventListener('unread', (event) => setCount(JSON.parse(event.data).count))
    source.addEventListener('notification', () => setCount((current) => current + 1))
    return () => source.close()
  }, [locale, opened])
  useEffect(() => {
    const reopen = () => setOpened((n) => n + 1)
    window.addEventListener(readEvent, reopen)
    return () => window.removeEventListener(readEvent, reopen)
  }, [])
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
