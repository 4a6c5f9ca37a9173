import { DateInput, maxValue, minValue, NumberInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin'
import { evaluationKinds } from './choices'
import { CourseInputs } from './CourseInputs'
import { localDay } from './week'

/** What an evaluation is: its course, its kind and day, its maximum and weight. */
export const EvaluationForm = () => (
  <SimpleForm sx={{ maxWidth: 560 }}>
    <TextInput source="title" validate={required()} fullWidth />
    <CourseInputs />
    <SelectInput source="kind" choices={evaluationKinds} validate={required()} defaultValue="test" />
    <DateInput source="date" validate={required()} defaultValue={localDay()} />
    <NumberInput source="maximum" validate={[required(), minValue(1), maxValue(1000)]} defaultValue={10} min={1} max={1000} />
    <NumberInput source="coefficient" validate={[minValue(0), maxValue(100)]} defaultValue={1} min={0} max={100} />
  </SimpleForm>
)
