import { Button } from '@payloadcms/ui'
import type { BeforeDocumentControlsServerProps } from 'payload'
import { t } from '../i18n'
import { MarksImportButton } from './MarksImportButton'

const wrap = { display: 'flex', gap: 8, alignItems: 'center' } as const

const Download = ({ url, label }: { url: string; label: string }) => (
  <Button el="anchor" url={url} buttonStyle="secondary" size="medium" margin={false}>
    {label}
  </Button>
)

/** On a saved evaluation: download its marks sheet and, for whoever enters marks, import one. */
export const EvaluationSheetControls = ({ id, i18n, payload, permissions }: BeforeDocumentControlsServerProps) => {
  if (id === undefined) return null
  const text = (key: string) => t(i18n.language, key)
  const base = `${payload.config.routes.api}/evaluations/${id}`
  const labels = {
    button: text('export.admin.importMarks'),
    importing: text('export.admin.importing'),
    imported: text('export.admin.imported'),
    refused: text('export.admin.refused'),
    failed: text('export.admin.failed'),
    file: text('errors.marksImport.file'),
    line: text('errors.marksImport.line'),
    lineColumn: text('errors.marksImport.lineColumn'),
  }
  return (
    <div style={wrap}>
      <Download url={`${base}/export`} label={text('export.admin.downloadMarks')} />
      {permissions?.collections?.grades?.create && <MarksImportButton action={`${base}/import`} labels={labels} />}
    </div>
  )
}

/** On a saved class: download its class list. */
export const ClassSheetControls = ({ id, i18n, payload }: BeforeDocumentControlsServerProps) =>
  id === undefined ? null : <Download url={`${payload.config.routes.api}/classes/${id}/export`} label={t(i18n.language, 'export.admin.downloadClassList')} />
