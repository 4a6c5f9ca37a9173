/** A log entry's `changes` on its document view: one row per field, before and after, instead of raw JSON. */
import type { JSONFieldServerProps } from 'payload'
import { changeRows } from '../../domain/auditFilter'
import { t } from '../../i18n'

export const AuditChanges = ({ data, i18n }: JSONFieldServerProps) => {
  const s = (key: string) => t(i18n.language, `reports.auditLog.${key}`)
  const rows = changeRows((data as { changes?: unknown } | undefined)?.changes)
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <span className="field-label">{s('changes')}</span>
      {rows.length ? (
        <div className="table">
          <table>
            <thead><tr><th scope="col">{s('field')}</th><th scope="col">{s('before')}</th><th scope="col">{s('after')}</th></tr></thead>
            <tbody>{rows.map((row, i) => <tr key={i}><th scope="row">{row.field}</th><td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{row.before}</td><td style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{row.after}</td></tr>)}</tbody>
          </table>
        </div>
      ) : (
        <p>{s('noChanges')}</p>
      )}
    </div>
  )
}
