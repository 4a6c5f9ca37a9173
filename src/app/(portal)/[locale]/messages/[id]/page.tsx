import { Conversation } from '@portal/pages/Conversation'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params<{ id: string }>) {
  const { locale, id, query } = await pageOf(props)
  return <Conversation locale={locale} id={id} sent={query('sent')} />
}
