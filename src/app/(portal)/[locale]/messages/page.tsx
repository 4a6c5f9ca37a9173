import { Messages } from '@portal/pages/Messages'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params) {
  const { locale } = await pageOf(props)
  return <Messages locale={locale} />
}
