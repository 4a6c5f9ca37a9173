import { Signup } from '@portal/pages/Signup'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params) {
  const { locale } = await pageOf(props)
  return <Signup locale={locale} />
}
