import { useMediaQuery, type Theme } from '@mui/material'
import {
  BooleanField,
  BooleanInput,
  CreateButton,
  Datagrid,
  DateField,
  FilterButton,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SimpleList,
  TextField,
  TopToolbar,
  useLocaleState,
  useTranslate,
} from 'react-admin'
import { evaluationKinds } from './choices'
import { shortDay } from './dates'
import { gradebookPath } from './links'
import { MarksButton } from './MarksButton'

const filters = [
  <ReferenceInput key="class" source="class" reference="classes" alwaysOn sort={{ field: 'name', order: 'ASC' }} />,
  <ReferenceInput key="subject" source="subject" reference="subjects" sort={{ field: 'name', order: 'ASC' }} />,
  <ReferenceInput key="term" source="term" reference="terms" />,
  <BooleanInput key="published" source="published" />,
]

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
)

type Row = { id: number; title: string; date: string; maximum: number; published?: boolean | null }

/** The evaluations of the teacher's classes (the API's access keeps the list to their courses), newest first. */
export const EvaluationList = () => {
  const translate = useTranslate()
  const [locale] = useLocaleState()
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'))
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'date', order: 'DESC' }}>
      {small ? (
        <SimpleList<Row>
          primaryText={(record) => record.title}
          secondaryText={(record) => `${shortDay(record.date, locale)} · /${record.maximum}`}
          tertiaryText={(record) => translate(record.published ? 'kelasi.gradebook.published' : 'kelasi.gradebook.notPublished')}
          // On a phone, an evaluation opens on its marks; its edit form is one link away from there.
          rowClick={(id) => gradebookPath(Number(id))}
        />
      ) : (
        <Datagrid rowClick="edit" bulkActionButtons={false}>
          <TextField source="title" />
          <ReferenceField source="class" reference="classes" link={false} />
          <ReferenceField source="subject" reference="subjects" link={false} />
          <ReferenceField source="term" reference="terms" link={false} />
          <SelectField source="kind" choices={evaluationKinds} />
          <DateField source="date" options={{ timeZone: 'UTC' }} />
          <NumberField source="maximum" />
          <BooleanField source="published" />
          <MarksButton />
        </Datagrid>
      )}
    </List>
  )
}
