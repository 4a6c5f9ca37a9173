import { Timetable } from '@portal/pages/Timetable'
import { pageOf, type Params } from '@portal/page'

export default async function Page(props: Params<{ id: string }>) {
  const { locale, id } = await pageOf(props)
  return <Timetable locale={locale} id={id} />
}
