import { Button, Chip } from '@mui/material'
import DoneAllIcon from '@mui/icons-material/DoneAll'
import { useQueryClient } from '@tanstack/react-query'
import { Datagrid, DateField, List, TextField, TopToolbar, useDataProvider, useGetIdentity, useNotify, useRecordContext, useTranslate } from 'react-admin'
import { httpClient } from './dataProvider'
import { refusalOf } from './refusal'

type Shown = { id: number; title?: string | null; link?: string | null; readAt?: string | null }

/** Read or not, in words (the colour never carries it alone). */
const ReadState = () => {
  const record = useRecordContext<Shown>()
  const translate = useTranslate()
  if (!record) return null
  return record.readAt ? <Chip size="small" label={translate('kelasi.notifications.read')} /> : <Chip size="small" color="warning" label={translate('kelasi.notifications.unread')} />
}

const useRead = () => {
  const queryClient = useQueryClient()
  const notify = useNotify()
  return async (mark: () => Promise<unknown>) => {
    try {
      await mark()
      await queryClient.invalidateQueries({ queryKey: ['notifications'] })
    } catch (error) {
      const { message } = refusalOf(error)
      notify(message, { type: 'error', messageArgs: { _: message } })
    }
  }
}

/** Opening one marks it read, then follows its link when it leads into the workspace. */
const OpenButton = () => {
  const record = useRecordContext<Shown>()
  const translate = useTranslate()
  const dataProvider = useDataProvider()
  const read = useRead()
  if (!record) return null
  const inWorkspace = record.link?.startsWith('/console#') ? record.link.slice('/console'.length) : null
  if (record.readAt && !inWorkspace) return null
  const open = () =>
    read(async () => {
      if (!record.readAt) await dataProvider.update('notifications', { id: record.id, data: { readAt: new Date().toISOString() }, previousData: record })
      if (inWorkspace) window.location.hash = inWorkspace.slice(1)
    })
  return (
    <Button size="small" onClick={open}>
      {translate(inWorkspace ? 'kelasi.notifications.open' : 'kelasi.notifications.markRead')}
    </Button>
  )
}

const MarkAllRead = () => {
  const translate = useTranslate()
  const read = useRead()
  return (
    <Button startIcon={<DoneAllIcon />} onClick={() => read(() => httpClient('/api/notifications/read-all', { method: 'POST' }))}>
      {translate('kelasi.notifications.markAllRead')}
    </Button>
  )
}

/** The signed-in person's own notifications, newest first (IT may read everyone's: this list is theirs alone). */
export const NotificationList = () => {
  const { identity } = useGetIdentity()
  if (!identity) return null
  return (
    <List filter={{ user: identity.id }} sort={{ field: 'createdAt', order: 'DESC' }} actions={<TopToolbar><MarkAllRead /></TopToolbar>} exporter={false}>
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <TextField source="title" />
        <TextField source="body" />
        <DateField source="createdAt" showTime />
        <ReadState />
        <OpenButton />
      </Datagrid>
    </List>
  )
}
