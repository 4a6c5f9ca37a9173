import { DateField, EditButton, Labeled, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useGetIdentity, useRecordContext } from 'react-admin'
import { AnnouncementBody } from './AnnouncementBody'
import { announcementStatuses, audiences } from './choices'

/** Only what the teacher wrote can be edited (the server says so too). */
const Actions = () => {
  const record = useRecordContext<{ author?: number }>()
  const { identity } = useGetIdentity()
  return <TopToolbar>{record && identity && record.author === identity.id ? <EditButton /> : null}</TopToolbar>
}

/** One announcement as its audience reads it, with its status. */
export const AnnouncementShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="title" />
      <SelectField source="audience" choices={audiences} />
      <ReferenceField source="class" reference="classes" link={false} emptyText="—" />
      <SelectField source="status" choices={announcementStatuses} />
      <DateField source="publishAt" showTime />
      <DateField source="expiresAt" showTime emptyText="—" />
      <Labeled label="resources.announcements.fields.body">
        <AnnouncementBody />
      </Labeled>
    </SimpleShowLayout>
  </Show>
)
