import { Announcements } from '@portal/pages/Announcements'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params) {
  const { locale } = await pageOf(props)
  return <Announcements locale={locale} />
}
