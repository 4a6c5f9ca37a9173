import { DateTimeInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin'
import { plainText, paragraphs } from '../../domain/richText'
import { announcementStates } from './choices'

/**
 * What a teacher writes to a class they teach: the text a line a paragraph (the admin's editor
 * does more), ready now or at a date, until an expiry. The class list holds only their classes.
 */
export const AnnouncementForm = () => (
  <SimpleForm sx={{ maxWidth: 640 }}>
    <ReferenceInput source="class" reference="classes" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="body" multiline minRows={5} fullWidth validate={required()} format={plainText} parse={paragraphs} />
    <SelectInput source="state" choices={announcementStates} defaultValue="draft" validate={required()} />
    <DateTimeInput source="publishAt" helperText="kelasi.announcements.publishAtHelp" />
    <DateTimeInput source="expiresAt" helperText="kelasi.announcements.expiresAtHelp" />
  </SimpleForm>
)
