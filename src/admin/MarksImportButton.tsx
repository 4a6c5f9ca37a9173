'use client'
import { Button } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'

export type MarksImportLabels = Record<'button' | 'importing' | 'imported' | 'refused' | 'failed' | 'file' | 'line' | 'lineColumn', string>
type RowError = { row: number; column?: string; message: string }

const panel = {
  position: 'absolute',
  top: 'calc(100% + 6px)',
  right: 0,
  zIndex: 10,
  width: 460,
  maxHeight: 320,
  overflowY: 'auto',
  padding: 12,
  background: 'var(--theme-elevation-0)',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  boxShadow: '0 4px 12px rgba(0, 0, 0, 0.12)',
  cursor: 'pointer',
} as const

const fill = (template: string, vars: Record<string, unknown>) => template.replace(/\{\{(\w+)\}\}/g, (_, name) => String(vars[name] ?? ''))

/** Picks an .xlsx and sends it to the evaluation's import; shows the counts, or every refused row. */
export const MarksImportButton = ({ action, labels }: { action: string; labels: MarksImportLabels }) => {
  const input = useRef<HTMLInputElement>(null)
  const router = useRouter()
  const [state, setState] = useState<{ busy?: boolean; message?: string; errors?: string[] }>({})
  const describe = (error: RowError) => fill(error.row === 0 ? labels.file : error.column ? labels.lineColumn : labels.line, error)

  const upload = async (file: File) => {
    setState({ busy: true, message: labels.importing })
    const form = new FormData()
    form.append('file', file)
    try {
      const response = await fetch(action, { method: 'POST', body: form, credentials: 'include' })
      const body = await response.json()
      if (response.ok) {
        setState({ message: fill(labels.imported, body) })
        router.refresh()
      } else if ('rejected' in body) setState({ message: labels.refused, errors: (body.errors as RowError[]).map(describe) })
      else setState({ message: fill(labels.failed, { reason: body.errors?.[0]?.message ?? response.statusText }) })
    } catch (error) {
      setState({ message: fill(labels.failed, { reason: (error as Error).message }) })
    }
  }

  return (
    <div style={{ position: 'relative' }}>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) void upload(file)
        }}
      />
      <Button buttonStyle="secondary" size="medium" margin={false} disabled={state.busy} onClick={() => input.current?.click()}>
        {labels.button}
      </Button>
      {state.message && (
        // Over the form rather than in the controls bar, which has no room for a list of rows.
        <div role="status" style={panel} onClick={() => !state.busy && setState({})}>
          <p style={{ margin: 0 }}>{state.message}</p>
          {state.errors && (
            <ul style={{ margin: '8px 0 0', paddingLeft: 18 }}>
              {state.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
