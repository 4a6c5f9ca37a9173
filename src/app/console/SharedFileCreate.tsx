import { Create, FileField, FileInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required, useDataProvider, useTranslate } from 'react-admin'

// What the server takes (Resources.ts checks the content itself); the picker only narrows the choice.
const accept = {
  'application/pdf': ['.pdf'],
  'image/*': [],
  'video/mp4': ['.mp4'],
  'video/webm': ['.webm'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
}

/** A file or a link for one of the teacher's classes (the API lists only theirs); its school is the class's. */
export const SharedFileCreate = () => {
  const dataProvider = useDataProvider()
  const translate = useTranslate()
  const withSchool = async (data: { class: number }) => ({ ...data, school: (await dataProvider.getOne('classes', { id: data.class })).data.school })
  return (
    <Create transform={withSchool} redirect="list">
      <SimpleForm>
        <ReferenceInput source="class" reference="classes" sort={{ field: 'name', order: 'ASC' }}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <ReferenceInput source="subject" reference="subjects" sort={{ field: 'name', order: 'ASC' }}>
          <SelectInput optionText="name" />
        </ReferenceInput>
        <TextInput source="title" validate={required()} fullWidth />
        <TextInput source="description" multiline fullWidth />
        <TextInput source="link" type="url" fullWidth helperText={translate('kelasi.sharedFiles.fileOrLink')} />
        <FileInput source="file" accept={accept} multiple={false}>
          <FileField source="src" title="title" />
        </FileInput>
      </SimpleForm>
    </Create>
  )
}
