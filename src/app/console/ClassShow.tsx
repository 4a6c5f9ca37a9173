import { Box } from '@mui/material'
import { Datagrid, Labeled, Pagination, ReferenceField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin'
import { ClassCard } from './ClassCard'
import { enrollmentStatuses } from './choices'

const Shortcuts = () => {
  const record = useRecordContext<{ id: number; name: string }>()
  return record ? (
    <Box component="ul" sx={{ p: 0, m: 0, width: '100%' }}>
      <ClassCard klass={record} />
    </Box>
  ) : null
}

/** A class: the roll and its evaluations one tap away, then its roster, each pupil opening on their record. */
export const ClassShow = () => (
  <Show>
    <SimpleShowLayout>
      <Shortcuts />
      <Labeled label="kelasi.students.roster" fullWidth>
        <ReferenceManyField reference="enrollments" target="class" filter={{ status: 'active' }} perPage={100} pagination={<Pagination />}>
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <ReferenceField source="student" reference="students" link="show" />
            <SelectField source="status" choices={enrollmentStatuses} />
          </Datagrid>
        </ReferenceManyField>
      </Labeled>
    </SimpleShowLayout>
  </Show>
)
