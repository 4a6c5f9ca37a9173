'use client'
import { Button } from '@payloadcms/ui'
import { useState } from 'react'

type Props = { action: string; student: string | number; labels: Record<'button' | 'failed', string> }

/** Issues the code and opens its letter (a PDF) in a new tab, to print or send; the code is shown nowhere else. */
export const LinkCodeLetterButton = ({ action, student, labels }: Props) => {
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const issue = async () => {
    setBusy(true)
    setError('')
    // Opened before the request so the browser does not block it as a pop-up.
    const tab = window.open('', '_blank')
    const answer = await fetch(action, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ student }) })
    setBusy(false)
    if (answer.ok) {
      const url = URL.createObjectURL(await answer.blob())
      if (tab) tab.location.href = url
      else window.location.assign(url)
      return
    }
    tab?.close()
    const body = await answer.json().catch(() => ({}))
    setError(body.errors?.[0]?.data?.errors?.[0]?.message ?? body.errors?.[0]?.message ?? labels.failed)
  }
  return (
    <>
      <Button buttonStyle="secondary" size="medium" margin={false} disabled={busy} onClick={issue}>
        {labels.button}
      </Button>
      {error ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)', margin: 0 }}>
          {error}
        </p>
      ) : null}
    </>
  )
}
