import { ReportCards } from '@portal/pages/ReportCards'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params<{ id: string }>) {
  const { locale, id } = await pageOf(props)
  return <ReportCards locale={locale} id={id} />
}
