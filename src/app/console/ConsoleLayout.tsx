import { useEffect, type ReactNode } from 'react'
import { AppBar, Layout, LinearProgress, LoadingIndicator, LocalesMenuButton, Menu, TitlePortal, useLocaleState, usePermissions, useTranslate } from 'react-admin'
import HomeIcon from '@mui/icons-material/Home'
import { isStaff } from './authProvider'
import { NotificationBell } from './NotificationBell'
import { StaffOnly } from './StaffOnly'

/** The page's language follows the workspace's, for screen readers and the browser's spelling. */
const DocumentLanguage = () => {
  const [locale] = useLocaleState()
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  return null
}

const ConsoleMenu = () => (
  <Menu>
    <Menu.DashboardItem primaryText="kelasi.menu.home" leftIcon={<HomeIcon />} />
    <Menu.ResourceItems />
  </Menu>
)

/** react-admin's spinner with a name screen readers say (its props reach the progress bar itself). */
const Loading = () => {
  const translate = useTranslate()
  const named = { 'aria-label': translate('ra.page.loading') } as Parameters<typeof LoadingIndicator>[0]
  return <LoadingIndicator {...named} />
}

/** react-admin's bar with the notifications' bell before the language menu. */
const ConsoleAppBar = () => (
  <AppBar
    toolbar={
      <>
        <NotificationBell />
        <LocalesMenuButton />
        <Loading />
      </>
    }
  >
    <TitlePortal />
  </AppBar>
)

/**
 * Every signed-in page goes through here: a parent, a student or finance signed in (on the
 * portal, say) is told where their space is instead of meeting refusals on every screen.
 */
export const ConsoleLayout = ({ children }: { children: ReactNode }) => {
  const { permissions, isPending } = usePermissions()
  if (isPending) return <LinearProgress />
  if (!isStaff(permissions)) return <StaffOnly />
  return (
    <Layout menu={ConsoleMenu} appBar={ConsoleAppBar}>
      <DocumentLanguage />
      {children}
    </Layout>
  )
}
