import { Datagrid, List, ReferenceField, SearchInput, TextField } from 'react-admin'

const filters = [<SearchInput key="q" source="q" alwaysOn />]

/** The classes the API lets this person read: a teacher's own, all of them for the secretariat. */
export const ClassList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="code" />
      <ReferenceField source="schoolYear" reference="school-years" link={false} />
      <ReferenceField source="homeroomTeacher" reference="teachers" link={false} />
    </Datagrid>
  </List>
)
