import { Notifications } from '@portal/pages/Notifications'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params) {
  const { locale } = await pageOf(props)
  return <Notifications locale={locale} />
}
