import { Verify } from '@portal/pages/Verify'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params<{ token: string }>) {
  const { locale, token } = await pageOf(props)
  return <Verify locale={locale} token={token} />
}
