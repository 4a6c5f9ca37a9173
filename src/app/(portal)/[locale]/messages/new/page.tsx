import { NewMessage } from '@portal/pages/NewMessage'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params) {
  const { locale } = await pageOf(props)
  return <NewMessage locale={locale} />
}
