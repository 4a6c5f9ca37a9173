import { ResetPassword } from '@portal/pages/ResetPassword'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params<{ token: string }>) {
  const { locale, token } = await pageOf(props)
  return <ResetPassword locale={locale} token={token} />
}
