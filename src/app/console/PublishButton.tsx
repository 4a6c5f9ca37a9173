import { Button, Chip } from '@mui/material'
import PublicIcon from '@mui/icons-material/Public'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Confirm, useDataProvider, useNotify, useTranslate } from 'react-admin'
import { refusalOf } from './refusal'

type Evaluation = { id: number; title: string; published?: boolean | null }

/** Publishing lets families see the marks: asked once, and only for marks already saved. */
export const PublishButton = ({ evaluation, unsaved }: { evaluation: Evaluation; unsaved: boolean }) => {
  const translate = useTranslate()
  const notify = useNotify()
  const dataProvider = useDataProvider()
  const queryClient = useQueryClient()
  const [asking, setAsking] = useState(false)
  const [publishing, setPublishing] = useState(false)
  if (evaluation.published) return <Chip color="success" icon={<PublicIcon />} label={translate('kelasi.gradebook.published')} />
  const publish = async () => {
    setPublishing(true)
    try {
      await dataProvider.update('evaluations', { id: evaluation.id, data: { published: true }, previousData: evaluation })
      notify('kelasi.gradebook.publishedOk', { type: 'success' })
      await queryClient.invalidateQueries({ queryKey: ['evaluations'] })
    } catch (error) {
      const { message } = refusalOf(error)
      notify(message, { type: 'error', messageArgs: { _: message } })
    } finally {
      setPublishing(false)
      setAsking(false)
    }
  }
  return (
    <>
      <Button variant="outlined" startIcon={<PublicIcon />} disabled={unsaved || publishing} title={unsaved ? translate('kelasi.gradebook.publishSaveFirst') : undefined} onClick={() => setAsking(true)}>
        {translate('kelasi.gradebook.publish')}
      </Button>
      <Confirm
        isOpen={asking}
        loading={publishing}
        title="kelasi.gradebook.publishTitle"
        content="kelasi.gradebook.publishContent"
        translateOptions={{ evaluation: evaluation.title }}
        onConfirm={publish}
        onClose={() => setAsking(false)}
      />
    </>
  )
}
