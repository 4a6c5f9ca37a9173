import { Resources } from '@portal/pages/Resources'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params<{ id: string }>) {
  const { locale, id } = await pageOf(props)
  return <Resources locale={locale} id={id} />
}
