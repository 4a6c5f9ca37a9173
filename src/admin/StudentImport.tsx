'use client'
/**
 * The import form: a class list, its school and class, a dry run if wished. The answer streams
 * in as NDJSON (progress lines, then the result), which feeds the progress bar.
 */
import { Button } from '@payloadcms/ui'
import { useState, type FormEvent } from 'react'

export type ImportStrings = Record<
  | 'intro' | 'file' | 'school' | 'class' | 'classFromFile' | 'dryRun' | 'submit' | 'check' | 'running' | 'progress' | 'done' | 'dryRunDone' | 'failed'
  | 'counts.rows' | 'counts.created' | 'counts.updated' | 'counts.unchanged' | 'counts.rejected' | 'errorsTitle' | 'row' | 'column' | 'reason' | 'download',
  string
>
type Result = { rows: number; created: number; updated: number; unchanged: number; rejected: number; dryRun: boolean; errors: { row: number; column?: string; message: string }[] }
type Props = {
  strings: ImportStrings
  apiRoute: string
  schools: { id: number | string; code: string; name: string }[]
  classes: { school?: number | string; code: string; name: string }[]
}

const fill = (text: string, values: Record<string, number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name) => String(values[name] ?? ''))
const messageOf = async (response: Response, fallback: string) =>
  ((await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null)?.errors?.[0]?.message ?? fallback
const counts = ['rows', 'created', 'updated', 'unchanged', 'rejected'] as const
const gap = { display: 'grid', gap: 'calc(var(--base) * 0.75)', maxWidth: '40rem' } as const
const cell = { textAlign: 'left', padding: '4px 12px 4px 0', borderBottom: '1px solid var(--theme-elevation-100)' } as const

export const StudentImport = ({ strings, apiRoute, schools, classes }: Props) => {
  const [file, setFile] = useState<File | null>(null)
  const [school, setSchool] = useState(schools[0]?.code ?? '')
  const [klass, setKlass] = useState('')
  const [dryRun, setDryRun] = useState(true)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [running, setRunning] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const schoolId = schools.find((candidate) => candidate.code === school)?.id

  const form = () => {
    const body = new FormData()
    body.append('file', file!)
    body.append('school', school)
    if (klass) body.append('class', klass)
    body.append('dryRun', String(dryRun))
    return body
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!file) return
    setRunning(true)
    setResult(null)
    setFailure(null)
    setProgress(null)
    try {
      const response = await fetch(`${apiRoute}/students/import`, { method: 'POST', body: form(), credentials: 'include', headers: { Accept: 'application/x-ndjson' } })
      if (!response.ok || !response.body) return setFailure(await messageOf(response, strings.failed))
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      let pending = ''
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        const lines = (pending + chunk.value).split('\n')
        pending = lines.pop() ?? ''
        for (const line of lines.filter(Boolean)) {
          const answer = JSON.parse(line)
          if ('progress' in answer) setProgress({ done: answer.progress, total: answer.total })
          else if ('rows' in answer) setResult(answer)
          else setFailure(answer.errors?.[0]?.message ?? strings.failed)
        }
      }
    } catch {
      setFailure(strings.failed)
    } finally {
      setRunning(false)
    }
  }

  const download = async () => {
    const response = await fetch(`${apiRoute}/students/import?format=xlsx`, { method: 'POST', body: form(), credentials: 'include' })
    if (!response.ok) return setFailure(await messageOf(response, strings.failed))
    const name = response.headers.get('content-disposition')?.match(/filename="([^"]+)"/)?.[1] ?? 'rejected.xlsx'
    const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(await response.blob()), download: name })
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
  }

  return (
    <div style={{ ...gap, maxWidth: '60rem', paddingBottom: 'calc(var(--base) * 2)' }}>
      <p>{strings.intro}</p>
      <form onSubmit={submit} style={gap}>
        <label>
          {strings.file}
          <br />
          <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </label>
        {schools.length > 1 && (
          <label>
            {strings.school}
            <br />
            <select value={school} onChange={(event) => (setSchool(event.target.value), setKlass(''))}>
              {schools.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {strings.class}
          <br />
          <select value={klass} onChange={(event) => setKlass(event.target.value)}>
            <option value="">{strings.classFromFile}</option>
            {classes
              .filter((option) => String(option.school) === String(schoolId))
              .map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name} ({option.code})
                </option>
              ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} /> {strings.dryRun}
        </label>
        <div>
          <Button type="submit" buttonStyle="primary" disabled={!file || running}>
            {running ? strings.running : dryRun ? strings.check : strings.submit}
          </Button>
        </div>
      </form>

      {progress && (
        <div>
          <progress value={progress.done} max={progress.total || 1} style={{ width: '100%' }} />
          <div>{fill(strings.progress, progress)}</div>
        </div>
      )}
      {failure && <p style={{ color: 'var(--theme-error-500)' }}>{failure}</p>}
      {result && (
        <div style={gap}>
          <p>
            <strong>{result.dryRun ? strings.dryRunDone : strings.done}</strong>
          </p>
          <table>
            <tbody>
              {counts.map((count) => (
                <tr key={count}>
                  <th style={cell}>{strings[`counts.${count}`]}</th>
                  <td style={cell}>{result[count]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.errors.length > 0 && (
            <>
              <h3>{strings.errorsTitle}</h3>
              <table>
                <thead>
                  <tr>
                    <th style={cell}>{strings.row}</th>
                    <th style={cell}>{strings.column}</th>
                    <th style={cell}>{strings.reason}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((error, index) => (
                    <tr key={index}>
                      <td style={cell}>{error.row}</td>
                      <td style={cell}>{error.column ?? ''}</td>
                      <td style={cell}>{error.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div>
                <Button buttonStyle="secondary" onClick={download}>
                  {strings.download}
                </Button>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  )
}
