import { Badge, IconButton, Tooltip } from '@mui/material'
import NotificationsIcon from '@mui/icons-material/Notifications'
import { Link, useLocaleState, useTranslate } from 'react-admin'
import { useUnreadCount } from '../../notifications/useUnreadCount'

/** The app bar's bell: the unread count, live from the notification stream. */
export const NotificationBell = () => {
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const count = useUnreadCount(locale)
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
