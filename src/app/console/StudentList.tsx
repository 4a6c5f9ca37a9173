import { useMediaQuery, type Theme } from '@mui/material'
import { Datagrid, List, SearchInput, SelectField, SimpleList, TextField } from 'react-admin'
import { sexes } from './choices'

const filters = [<SearchInput key="q" source="q" alwaysOn />]

type Row = { id: number; fullName?: string | null; matricule: string }

/** The pupils of the teacher's classes (the API's access decides which), searchable by name or matricule. */
export const StudentList = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'))
  return (
    <List filters={filters} sort={{ field: 'fullName', order: 'ASC' }}>
      {small ? (
        <SimpleList<Row> primaryText={(record) => record.fullName ?? record.matricule} secondaryText={(record) => record.matricule} rowClick="show" />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="fullName" />
          <TextField source="matricule" />
          <SelectField source="sex" choices={sexes} />
        </Datagrid>
      )}
    </List>
  )
}
