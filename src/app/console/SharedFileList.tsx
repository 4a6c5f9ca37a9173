import { CreateButton, Datagrid, DateField, DeleteButton, List, ReferenceField, ReferenceInput, TextField, TopToolbar, UrlField, useRecordContext, useTranslate } from 'react-admin'

const filters = [<ReferenceInput key="class" source="class" reference="classes" alwaysOn sort={{ field: 'name', order: 'ASC' }} />]

type Shared = { url?: string | null; filename?: string | null; link?: string | null }

/** The file's own address (served by Payload to the class only) or the shared link. */
const Target = () => {
  const record = useRecordContext<Shared>()
  const translate = useTranslate()
  if (!record) return null
  if (record.link) return <UrlField source="link" target="_blank" rel="noopener" />
  return record.url ? <a href={record.url} download={record.filename ?? undefined}>{translate('kelasi.sharedFiles.download', { name: record.filename ?? '' })}</a> : null
}

/** What the teacher shared with their classes: files and links, newest first. */
export const SharedFileList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} actions={<TopToolbar><CreateButton /></TopToolbar>}>
    <Datagrid rowClick={false} bulkActionButtons={false}>
      <TextField source="title" />
      <ReferenceField source="class" reference="classes" link={false} />
      <ReferenceField source="subject" reference="subjects" link={false} emptyText="—" />
      <Target />
      <DateField source="createdAt" />
      <DeleteButton mutationMode="pessimistic" />
    </Datagrid>
  </List>
)
