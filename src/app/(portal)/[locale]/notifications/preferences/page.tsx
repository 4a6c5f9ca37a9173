import { NotificationPreferences } from '@portal/pages/NotificationPreferences'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params) {
  const { locale } = await pageOf(props)
  return <NotificationPreferences locale={locale} />
}
