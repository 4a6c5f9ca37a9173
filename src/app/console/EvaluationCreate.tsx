import { Create, useDataProvider } from 'react-admin'
import { EvaluationForm } from './EvaluationForm'
import { gradebookPath } from './links'

/** A new evaluation belongs to its class's school, and opens on its mark sheet once created. */
export const EvaluationCreate = () => {
  const dataProvider = useDataProvider()
  const withSchool = async (data: { class: number }) => ({ ...data, school: (await dataProvider.getOne('classes', { id: data.class })).data.school })
  return (
    <Create transform={withSchool} redirect={(_resource, id) => gradebookPath(Number(id))}>
      <EvaluationForm />
    </Create>
  )
}
