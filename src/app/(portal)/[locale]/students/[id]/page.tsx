import { redirect } from 'next/navigation'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params<{ id: string }>) {
  const { locale, id } = await pageOf(props)
  redirect(`/${locale}/students/${id}/marks`)
}
