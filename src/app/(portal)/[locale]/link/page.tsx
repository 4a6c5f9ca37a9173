import { LinkChild } from '@portal/pages/LinkChild'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params) {
  const { locale } = await pageOf(props)
  return <LinkChild locale={locale} />
}
