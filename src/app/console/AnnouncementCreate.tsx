import { Create, useDataProvider } from 'react-admin'
import { AnnouncementForm } from './AnnouncementForm'

/** A new announcement to one of the teacher's classes; its school is the class's. */
export const AnnouncementCreate = () => {
  const dataProvider = useDataProvider()
  const toClass = async (data: { class: number }) => ({ ...data, audience: 'class', school: (await dataProvider.getOne('classes', { id: data.class })).data.school })
  return (
    <Create transform={toClass} redirect="show">
      <AnnouncementForm />
    </Create>
  )
}
