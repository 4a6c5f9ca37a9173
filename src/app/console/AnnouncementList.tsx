import { CreateButton, Datagrid, DateField, List, ReferenceField, SelectField, TextField, TopToolbar } from 'react-admin'
import { announcementStatuses, audiences } from './choices'

/** What reaches the teacher (the school's, their classes') and what they wrote, drafts included; newest first. */
export const AnnouncementList = () => (
  <List sort={{ field: 'publishAt', order: 'DESC' }} actions={<TopToolbar><CreateButton /></TopToolbar>}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" />
      <SelectField source="audience" choices={audiences} />
      <ReferenceField source="class" reference="classes" link={false} emptyText="—" />
      <SelectField source="status" choices={announcementStatuses} sortable={false} />
      <DateField source="publishAt" showTime />
    </Datagrid>
  </List>
)
