'use client'
/**
 * The two forms of the reconciliation page: upload a statement (then show it), and confirm the
 * ticked lines with their match or the chosen candidate (then reload the page from the server).
 */
import { Button } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'

type Strings = Record<'file' | 'label' | 'currency' | 'submit' | 'confirm' | 'done' | 'choose', string>
const messagesOf = async (response: Response) => {
  const body = (await response.json().catch(() => null)) as { errors?: { message?: string; data?: { errors?: { message: string }[] } }[] } | null
  return (body?.errors ?? []).flatMap((e) => e.data?.errors?.map((f) => f.message) ?? [e.message ?? '']).filter(Boolean)
}
const gap = { display: 'grid', gap: 'calc(var(--base) * 0.5)', maxWidth: '40rem' } as const

const Errors = ({ list }: { list: string[] }) => (list.length ? <ul style={{ color: 'var(--theme-error-500)' }}>{list.map((m, i) => <li key={i}>{m}</li>)}</ul> : null)

export const UploadStatement = ({ strings, apiRoute, adminRoute, schools }: { strings: Strings; apiRoute: string; adminRoute: string; schools: { id: number | string; name: string }[] }) => {
  const router = useRouter()
  const [errors, setErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setBusy(true)
    setErrors([])
    const response = await fetch(`${apiRoute}/reconciliations/import`, { method: 'POST', body: new FormData(event.currentTarget), credentials: 'include' })
    setBusy(false)
    if (!response.ok) return setErrors(await messagesOf(response))
    const { doc } = await response.json()
    router.push(`${adminRoute}/reconciliation?id=${doc.id}`)
  }
  return (
    <form onSubmit={submit} style={gap}>
      <label>{strings.file} <input type="file" name="file" accept=".csv,.xlsx,text/csv" required /></label>
      {schools.length > 1 ? (
        <select name="school">{schools.map((s) => <option key={s.id} value={String(s.id)}>{s.name}</option>)}</select>
      ) : (
        <input type="hidden" name="school" value={String(schools[0]?.id ?? '')} />
      )}
      <label>{strings.label} <input type="text" name="label" /></label>
      <label>{strings.currency} <select name="currency"><option value="">—</option><option>USD</option><option>CDF</option></select></label>
      <Button type="submit" disabled={busy}>{strings.submit}</Button>
      <Errors list={errors} />
    </form>
  )
}

export type LineChoice = { row: number; status: string; matched?: { id: number | string; receipt: string }; candidates: { id: number | string; receipt: string }[]; confirmed: boolean }

export const ConfirmLines = ({ strings, apiRoute, id, lines, children }: { strings: Strings; apiRoute: string; id: number | string; lines: LineChoice[]; children?: React.ReactNode }) => {
  const router = useRouter()
  const [errors, setErrors] = useState<string[]>([])
  const [done, setDone] = useState(false)
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const chosen = lines
      .filter((line) => form.get(`pick-${line.row}`) === 'on')
      .map((line) => ({ row: line.row, payment: (form.get(`payment-${line.row}`) as string) || line.matched?.id }))
    setErrors([])
    const response = await fetch(`${apiRoute}/reconciliations/${id}/confirm`, { method: 'POST', body: JSON.stringify({ lines: chosen }), headers: { 'Content-Type': 'application/json' }, credentials: 'include' })
    if (!response.ok) return setErrors(await messagesOf(response))
    setDone(true)
    router.refresh()
  }
  return (
    <form onSubmit={submit}>
      {children}
      <Button type="submit">{strings.confirm}</Button>
      {done ? <p>{strings.done}</p> : null}
      <Errors list={errors} />
    </form>
  )
}

/** The tick box and, for an ambiguous line, the choice among its candidates. */
export const LinePick = ({ line, choose }: { line: LineChoice; choose: string }) =>
  line.confirmed || (!line.matched && !line.candidates.length) ? null : (
    <>
      <input type="checkbox" name={`pick-${line.row}`} defaultChecked={line.status === 'matched'} />{' '}
      {line.status === 'ambiguous' ? (
        <select name={`payment-${line.row}`} defaultValue="">
          <option value="">{choose}</option>
          {line.candidates.map((c) => <option key={c.id} value={String(c.id)}>{c.receipt}</option>)}
        </select>
      ) : null}
    </>
  )
