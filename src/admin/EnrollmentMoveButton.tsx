'use client'
import { Button } from '@payloadcms/ui'
import { useState } from 'react'

type Props = {
  action: string
  adminRoute: string
  classes: { id: number; name: string }[]
  labels: Record<'button' | 'class' | 'date' | 'confirm' | 'cancel' | 'failed', string>
}

const messagesOf = (body: { errors?: { message: string; data?: { errors?: { message: string }[] } }[] }) =>
  (body.errors ?? []).flatMap((error) => error.data?.errors?.map((field) => field.message) ?? [error.message])

export const EnrollmentMoveButton = ({ action, adminRoute, classes, labels }: Props) => {
  const [open, setOpen] = useState(false)
  const [target, setTarget] = useState('')
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10))
  const [errors, setErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  if (!open)
    return (
      <Button buttonStyle="secondary" size="medium" margin={false} onClick={() => setOpen(true)}>
        {labels.button}
      </Button>
    )
  const move = async () => {
    setBusy(true)
    setErrors([])
    const answer = await fetch(action, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ class: Number(target), date }) })
    const body = await answer.json().catch(() => ({}))
    setBusy(false)
    if (answer.ok) window.location.assign(`${adminRoute}/${body.opened.id}`)
    else setErrors(messagesOf(body).length ? messagesOf(body) : [labels.failed])
  }
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
      <label>
        {labels.class}{' '}
        <select value={target} onChange={(event) => setTarget(event.target.value)}>
          <option value="" />
          {classes.map((klass) => (
            <option key={klass.id} value={klass.id}>
              {klass.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {labels.date} <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
      </label>
      <Button size="medium" margin={false} disabled={!target || busy} onClick={move}>
        {labels.confirm}
      </Button>
      <Button buttonStyle="secondary" size="medium" margin={false} onClick={() => setOpen(false)}>
        {labels.cancel}
      </Button>
      {errors.length > 0 && (
        <ul role="alert" style={{ color: 'var(--theme-error-500)', margin: 0 }}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
