import { ReferenceInput, SelectInput, required, useGetIdentity, useGetList, useGetOne } from 'react-admin'
import { useWatch } from 'react-hook-form'
import type { Identity } from './authProvider'

const everything = { page: 1, perPage: 500 }

/**
 * Class, subject and term of an evaluation, each narrowed by the one before: a teacher is offered
 * only the subjects they teach in that class, anyone else the subjects of the class's level; the
 * terms are those of the class's school year.
 */
export const CourseInputs = () => {
  const klass = useWatch({ name: 'class' }) as number | undefined
  const teacher = (useGetIdentity().identity as Identity | undefined)?.teacher ?? null
  const classRecord = useGetOne<{ id: number; level: number; schoolYear: number }>('classes', { id: klass! }, { enabled: klass != null })
  const courses = useGetList<{ id: number; subject: number }>('course-assignments', { filter: { teacher, class: klass }, pagination: everything }, { enabled: teacher != null && klass != null })
  const subjects = teacher != null ? { id: (courses.data ?? []).map((course) => course.subject) } : { level: classRecord.data?.level }
  return (
    <>
      <ReferenceInput source="class" reference="classes" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
        <SelectInput optionText="name" validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="subject" reference="subjects" filter={subjects} sort={{ field: 'name', order: 'ASC' }} perPage={500}>
        <SelectInput optionText="name" validate={required()} disabled={klass == null} />
      </ReferenceInput>
      <ReferenceInput source="term" reference="terms" filter={{ schoolYear: classRecord.data?.schoolYear }} sort={{ field: 'startDate', order: 'ASC' }}>
        <SelectInput optionText="name" validate={required()} disabled={klass == null} />
      </ReferenceInput>
    </>
  )
}
