import { ForgotPassword } from '@portal/pages/ForgotPassword'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params) {
  const { locale } = await pageOf(props)
  return <ForgotPassword locale={locale} />
}
