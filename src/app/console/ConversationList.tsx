import { Chip } from '@mui/material'
import { CreateButton, Datagrid, DateField, FunctionField, List, TextField, TopToolbar, useGetIdentity, useTranslate } from 'react-admin'
import { isUnread, receiptsOf } from '../../domain/messaging'

type Row = { id: number; openedBy?: number | null; openerName?: string | null; recipientNames?: string | null; lastMessageAt?: string | null; reads?: unknown; status?: string }

/** With whom: the recipients for what the teacher opened, the opener for what others opened. */
const Counterpart = () => {
  const { identity } = useGetIdentity()
  return <FunctionField<Row> label="resources.conversations.fields.with" render={(r) => (String(r.openedBy) === String(identity?.id) ? r.recipientNames : r.openerName)} />
}

const Marks = () => {
  const translate = useTranslate()
  const { identity } = useGetIdentity()
  return (
    <FunctionField<Row>
      label="resources.conversations.fields.status"
      render={(r) => (
        <>
          {identity && isUnread(r, receiptsOf(r.reads), identity.id) ? <Chip size="small" color="warning" label={translate('kelasi.conversations.unread')} sx={{ mr: 1 }} /> : null}
          {r.status === 'closed' ? <Chip size="small" label={translate('kelasi.conversations.closed')} /> : null}
        </>
      )}
    />
  )
}

/** The teacher's conversations, latest first, the unread ones marked. */
export const ConversationList = () => (
  <List sort={{ field: 'lastMessageAt', order: 'DESC' }} actions={<TopToolbar><CreateButton /></TopToolbar>}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="topic" />
      <Counterpart />
      <Marks />
      <DateField source="lastMessageAt" showTime emptyText="—" />
    </Datagrid>
  </List>
)
