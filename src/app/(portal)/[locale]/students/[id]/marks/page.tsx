import { Marks } from '@portal/pages/Marks'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params<{ id: string }>) {
  const { locale, id, query } = await pageOf(props)
  return <Marks locale={locale} id={id} term={query('term')} />
}
