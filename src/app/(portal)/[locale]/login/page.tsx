import { Login } from '@portal/pages/Login'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params) {
  const { locale, query } = await pageOf(props)
  return <Login locale={locale} next={query('next')} verified={query('verified') === '1'} />
}
