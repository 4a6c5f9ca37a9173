import { useEffect, type ReactNode } from 'react'
import { Layout, Menu, useLocaleState } from 'react-admin'
import HomeIcon from '@mui/icons-material/Home'

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

export const ConsoleLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={ConsoleMenu}>
    <DocumentLanguage />
    {children}
  </Layout>
)
