import { Home } from '@portal/pages/Home'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params) {
  const { locale } = await pageOf(props)
  return <Home locale={locale} />
}
