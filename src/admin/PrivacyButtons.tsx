'use client'
import { Button } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type Labels = Record<'exportButton' | 'exportFailed' | 'eraseButton' | 'explain' | 'prompt' | 'confirm' | 'cancel' | 'done' | 'failed', string>
type Props = { exportAction: string; eraseAction: string; labels: Labels }

const messageOf = async (answer: Response, fallback: string) => {
  const body = await answer.json().catch(() => ({}))
  return body.errors?.[0]?.data?.errors?.[0]?.message ?? body.errors?.[0]?.message ?? fallback
}

/** The zip is fetched, then saved under the server's name; the erasure asks for the confirmation typed again first. */
export const PrivacyButtons = ({ exportAction, eraseAction, labels }: Props) => {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [asking, setAsking] = useState(false)
  const [confirmation, setConfirmation] = useState('')
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)

  const download = async () => {
    setBusy(true)
    setMessage(null)
    const answer = await fetch(exportAction, { credentials: 'include' })
    setBusy(false)
    if (!answer.ok) return setMessage({ error: true, text: await messageOf(answer, labels.exportFailed) })
    const name = /filename="([^"]+)"/.exec(answer.headers.get('Content-Disposition') ?? '')?.[1] ?? 'export.zip'
    const link = document.createElement('a')
    link.href = URL.createObjectURL(await answer.blob())
    link.download = name
    link.click()
    URL.revokeObjectURL(link.href)
  }

  const erase = async () => {
    setBusy(true)
    setMessage(null)
    const answer = await fetch(eraseAction, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ confirmation }) })
    setBusy(false)
    if (!answer.ok) return setMessage({ error: true, text: await messageOf(answer, labels.failed) })
    setAsking(false)
    setConfirmation('')
    setMessage({ error: false, text: labels.done })
    router.refresh()
  }

  return (
    <>
      <Button buttonStyle="secondary" size="medium" margin={false} disabled={busy} onClick={download}>
        {labels.exportButton}
      </Button>
      {asking ? (
        <div role="group" style={{ display: 'flex', flexDirection: 'column', gap: 'calc(var(--base) / 2)', maxWidth: '28rem' }}>
          <p style={{ margin: 0 }}>{labels.explain}</p>
          <label>
            {labels.prompt}
            <input className="field-type text" value={confirmation} onChange={(event) => setConfirmation(event.target.value)} style={{ display: 'block', width: '100%' }} />
          </label>
          <div style={{ display: 'flex', gap: 'calc(var(--base) / 2)' }}>
            <Button buttonStyle="error" size="medium" margin={false} disabled={busy || !confirmation.trim()} onClick={erase}>
              {labels.confirm}
            </Button>
            <Button buttonStyle="secondary" size="medium" margin={false} disabled={busy} onClick={() => setAsking(false)}>
              {labels.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <Button buttonStyle="error" size="medium" margin={false} disabled={busy} onClick={() => setAsking(true)}>
          {labels.eraseButton}
        </Button>
      )}
      {message ? (
        <p role={message.error ? 'alert' : 'status'} style={{ color: message.error ? 'var(--theme-error-500)' : undefined, margin: 0 }}>
          {message.text}
        </p>
      ) : null}
    </>
  )
}
