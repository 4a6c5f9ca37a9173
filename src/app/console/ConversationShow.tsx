import { Box, Button, Chip, Paper, TextField as Text, Typography } from '@mui/material'
import LockIcon from '@mui/icons-material/Lock'
import SendIcon from '@mui/icons-material/Send'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { DateField, RecordContextProvider, Show, SimpleShowLayout, TextField, TopToolbar, useDataProvider, useGetIdentity, useGetList, useRecordContext, useRefresh, useTranslate } from 'react-admin'
import { plainText } from '../../domain/richText'
import { readByOthers, receiptsOf, writeRefusal } from '../../domain/messaging'
import { messageOf } from './conversations'
import { httpClient } from './dataProvider'
import { refusalOf, type Refusal } from './refusal'
import { RefusalAlert } from './RefusalAlert'

type Conversation = { id: number; kind: 'direct' | 'class'; status: 'open' | 'closed'; participants: number[]; reads?: unknown; topic: string }
type Message = { id: number; author?: number | null; authorName?: string | null; body?: unknown; attachments?: number[]; createdAt: string }
type File = { id: number; filename: string; url: string }

/** The conversation's files, by id, for the links under each message (served to participants only). */
const useFiles = (conversation: number) =>
  useQuery({
    queryKey: ['message-attachments', conversation],
    queryFn: async () => {
      const query = new URLSearchParams({ 'where[conversation][equals]': String(conversation), limit: '200', depth: '0' })
      const { json } = await httpClient(`/api/message-attachments?${query}`)
      return new Map((json.docs as File[]).map((file) => [file.id, file]))
    },
  })

const Thread = () => {
  const record = useRecordContext<Conversation>()!
  const translate = useTranslate()
  const { identity } = useGetIdentity()
  const { data: messages = [] } = useGetList<Message>('messages', { filter: { conversation: record.id }, sort: { field: 'createdAt', order: 'ASC' }, pagination: { page: 1, perPage: 500 } })
  const { data: files } = useFiles(record.id)
  const reads = receiptsOf(record.reads)
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
      {messages.map((m) => {
        const mine = String(m.author) === String(identity?.id)
        return (
          <Paper component="li" key={m.id} variant="outlined" sx={{ p: 1.5, ml: mine ? 4 : 0, mr: mine ? 0 : 4 }}>
            <Typography variant="body2" color="text.secondary">
              <strong>{mine ? translate('kelasi.conversations.you') : m.authorName}</strong> ·{' '}
              <RecordContextProvider value={m}>
                <DateField source="createdAt" showTime />
              </RecordContextProvider>
              {mine && readByOthers(m, reads) ? <Chip size="small" color="success" label={translate('kelasi.conversations.read')} sx={{ ml: 1 }} /> : null}
            </Typography>
            <Typography sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>{plainText(m.body)}</Typography>
            {(m.attachments ?? []).map((id) => files?.get(id)).filter(Boolean).map((file) => (
              <a key={file!.id} href={file!.url} download={file!.filename}>
                {translate('kelasi.conversations.attachment', { name: file!.filename })}
              </a>
            ))}
          </Paper>
        )
      })}
    </Box>
  )
}

/** The reply box, while the teacher may write (open, and they take part). */
const Reply = () => {
  const record = useRecordContext<Conversation>()!
  const translate = useTranslate()
  const dataProvider = useDataProvider()
  const queryClient = useQueryClient()
  const refresh = useRefresh()
  const { identity } = useGetIdentity()
  const [text, setText] = useState('')
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const [sending, setSending] = useState(false)
  if (!identity || writeRefusal(record, identity.id, ((identity as { roles?: string[] }).roles ?? []) as never)) return null
  const send = async () => {
    setSending(true)
    setRefusal(null)
    try {
      await dataProvider.create('messages', { data: messageOf(record.id, text) })
      setText('')
      await queryClient.invalidateQueries({ queryKey: ['messages'] })
      refresh()
    } catch (error) {
      setRefusal(refusalOf(error))
    } finally {
      setSending(false)
    }
  }
  return (
    <Box sx={{ mt: 2 }}>
      <RefusalAlert title={translate('kelasi.conversations.notSent')} refusal={refusal} />
      <Text label={translate('kelasi.conversations.reply')} value={text} onChange={(e) => setText(e.target.value)} multiline minRows={3} fullWidth />
      <Button sx={{ mt: 1 }} variant="contained" startIcon={<SendIcon />} disabled={sending || !text.trim()} onClick={send}>
        {translate('kelasi.conversations.send')}
      </Button>
    </Box>
  )
}

/** Closing stops the replies; the teacher (or staff) who takes part does it. */
const CloseButton = () => {
  const record = useRecordContext<Conversation>()
  const translate = useTranslate()
  const dataProvider = useDataProvider()
  const refresh = useRefresh()
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  if (!record || record.status === 'closed') return record ? <Chip icon={<LockIcon />} label={translate('kelasi.conversations.closed')} /> : null
  const close = async () => {
    try {
      await dataProvider.update('conversations', { id: record.id, data: { status: 'closed' }, previousData: record })
      refresh()
    } catch (error) {
      setRefusal(refusalOf(error))
    }
  }
  return (
    <>
      <Button startIcon={<LockIcon />} onClick={close}>
        {translate('kelasi.conversations.close')}
      </Button>
      <RefusalAlert title={translate('kelasi.conversations.notClosed')} refusal={refusal} />
    </>
  )
}

/** Opening the conversation is the teacher's read receipt. */
const MarkRead = () => {
  const record = useRecordContext<Conversation>()
  useEffect(() => {
    if (record?.id) httpClient(`/api/conversations/${record.id}/read`, { method: 'POST' }).catch(() => undefined)
  }, [record?.id])
  return null
}

/** One conversation: its messages, "read" beside the teacher's own once read, the reply box and the close button. */
export const ConversationShow = () => (
  <Show actions={<TopToolbar><CloseButton /></TopToolbar>}>
    <SimpleShowLayout>
      <TextField source="topic" />
      <TextField source="recipientNames" />
      <MarkRead />
      <Thread />
      <Reply />
    </SimpleShowLayout>
  </Show>
)
