import {
  DateField,
  FunctionField,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  Datagrid,
  BooleanField,
} from 'react-admin'
import { attendanceStatuses, gradeStatuses, halfDays, sexes } from './choices'

type Grade = { status: string; score?: number | null }

/** A pupil, with their attendance and their marks, newest first. */
export const StudentShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="kelasi.students.identity">
        <TextField source="fullName" />
        <TextField source="matricule" />
        <SelectField source="sex" choices={sexes} />
        <DateField source="birthDate" options={{ timeZone: 'UTC' }} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="kelasi.students.attendance" path="attendance">
        <ReferenceManyField reference="attendance" target="student" sort={{ field: 'date', order: 'DESC' }} perPage={25} pagination={<Pagination />}>
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <DateField source="date" options={{ timeZone: 'UTC' }} />
            <SelectField source="halfDay" choices={halfDays} />
            <ReferenceField source="slot" reference="timetable-slots" link={false} />
            <SelectField source="status" choices={attendanceStatuses} />
            <NumberField source="minutesLate" />
            <TextField source="justification" />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="kelasi.students.marks" path="marks">
        <ReferenceManyField reference="grades" target="student" sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} pagination={<Pagination />}>
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <ReferenceField source="evaluation" reference="evaluations" link={false} />
            <ReferenceField source="subject" reference="subjects" link={false} />
            <ReferenceField source="term" reference="terms" link={false} />
            <SelectField source="status" choices={gradeStatuses} />
            <FunctionField<Grade>
              source="score"
              render={(grade) => (
                <>
                  {grade.status === 'scored' ? grade.score : ''}
                  {grade.status === 'scored' && (
                    <ReferenceField source="evaluation" reference="evaluations" link={false}>
                      <FunctionField<{ maximum: number }> render={(evaluation) => ` / ${evaluation.maximum}`} />
                    </ReferenceField>
                  )}
                </>
              )}
            />
            <TextField source="comment" />
            <BooleanField source="published" />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
)
