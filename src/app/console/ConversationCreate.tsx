import { useQuery } from '@tanstack/react-query'
import { Create, FormDataConsumer, RadioButtonGroupInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required, useTranslate } from 'react-admin'
import { httpClient } from './dataProvider'

type Correspondent = { id: number; name: string; group: string }

/** Whom the teacher may write to: the pupils of their classes and those pupils' guardians (the server's list). */
const useCorrespondents = () =>
  useQuery({ queryKey: ['correspondents'], queryFn: async () => (await httpClient('/api/conversations/correspondents')).json.docs as Correspondent[] })

/** A conversation with a family or a pupil, or a message to a whole class; the first message is written on the next screen. */
export const ConversationCreate = () => {
  const translate = useTranslate()
  const { data: people = [] } = useCorrespondents()
  const kinds = ['direct', 'class'].map((id) => ({ id, name: `kelasi.conversations.kind.${id}` }))
  const audiences = ['guardians', 'students', 'both'].map((id) => ({ id, name: `kelasi.conversations.audience.${id}` }))
  const oneRecipient = (data: Record<string, unknown>) => (data.kind === 'class' ? data : { ...data, participants: [data.participants].flat() })
  return (
    <Create transform={oneRecipient} redirect="show">
      <SimpleForm defaultValues={{ kind: 'direct', audience: 'guardians' }}>
        <TextInput source="topic" validate={required()} fullWidth />
        <RadioButtonGroupInput source="kind" choices={kinds} />
        <FormDataConsumer>
          {({ formData }) =>
            formData.kind === 'class' ? (
              <>
                <ReferenceInput source="class" reference="classes" sort={{ field: 'name', order: 'ASC' }}>
                  <SelectInput optionText="name" validate={required()} />
                </ReferenceInput>
                <SelectInput source="audience" choices={audiences} validate={required()} />
              </>
            ) : (
              <SelectInput source="participants" choices={people.map((p) => ({ id: p.id, name: p.name }))} validate={required()} helperText={translate('kelasi.conversations.recipientsHelp')} />
            )
          }
        </FormDataConsumer>
      </SimpleForm>
    </Create>
  )
}
