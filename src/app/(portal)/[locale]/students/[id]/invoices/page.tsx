import { Invoices } from '@portal/pages/Invoices'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params<{ id: string }>) {
  const { locale, id, query } = await pageOf(props)
  return <Invoices locale={locale} id={id} pending={query('pending')} paid={query('paid') === '1'} />
}
