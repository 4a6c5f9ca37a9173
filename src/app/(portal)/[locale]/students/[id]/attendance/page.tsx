import { Attendance } from '@portal/pages/Attendance'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params<{ id: string }>) {
  const { locale, id, query } = await pageOf(props)
  return <Attendance locale={locale} id={id} justified={query('justified')} />
}
