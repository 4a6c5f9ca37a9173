/**
 * `/admin/finance-reports`: the finance reports with their parameters (a plain GET form, so
 * the page is drawn by the server), the chosen one as a table, and a download link per format.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { idsOf } from '../../access/ids'
import { schoolToday } from '../../api/request'
import { hasAnyRole } from '../../domain/roles'
import { t } from '../../i18n'
import { financeReport, financeReports } from '../../reports/financeReports'
import { reportText } from '../../reports/render'

const formats = ['json', 'csv', 'xlsx', 'pdf'] as const
const param = (value: unknown, fallback: string) => (typeof value === 'string' && value ? value : fallback)

export const FinanceReportsView = async ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const { payload, user, i18n } = req
  const admin = payload.config.routes.admin
  if (!user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}/finance-reports`)}`)
  const language = i18n.language
  const s = (key: string, vars?: Record<string, string>) => t(language, `reports.${key}`, vars)
  const allowed = hasAnyRole(user, ['it', 'admin', 'finance'])
  const schools = allowed
    ? (await payload.find({ collection: 'schools', user, overrideAccess: false, depth: 0, pagination: false, sort: 'name', ...(hasAnyRole(user, ['it']) ? {} : { where: { id: { in: idsOf(user.schools) } } }) })).docs
    : []
  const today = schoolToday()
  const school = param(searchParams?.school, String(schools[0]?.id ?? ''))
  const from = param(searchParams?.from, `${today.slice(0, 7)}-01`)
  const to = param(searchParams?.to, today)
  const by = param(searchParams?.by, 'month')
  const shown = param(searchParams?.report, 'collections')
  const link = (report: string, format: string) => `${payload.config.routes.api}/finance-reports/${report}?${new URLSearchParams({ school, from, to, format, ...(report === 'collections' ? { by } : {}) })}`
  // The chosen report, read with the caller's rights as the API reads it; a refusal is shown as its message.
  const table = allowed
    ? await financeReport(req, shown, new URLSearchParams({ school, from, to, by }))
        .then(({ table, meta }) => reportText(table, meta))
        .catch((error: { data?: { errors?: { message: string }[] }; message: string }) => error.data?.errors?.[0]?.message ?? error.message)
    : undefined

  return (
    <DefaultTemplate i18n={i18n} locale={locale} params={params} payload={payload} permissions={permissions} searchParams={searchParams} user={user} visibleEntities={visibleEntities}>
      <SetStepNav nav={[{ label: s('title') }]} />
      <Gutter>
        <h1>{s('title')}</h1>
        {!allowed ? (
          <p>{t(language, 'errors.reports.forbidden')}</p>
        ) : (
          <>
            <p>{s('intro')}</p>
            <form method="get" style={{ display: 'flex', gap: 'var(--base)', flexWrap: 'wrap', alignItems: 'end', marginBottom: 'var(--base)' }}>
              <select name="school" defaultValue={school}>{schools.map((x) => <option key={x.id} value={String(x.id)}>{x.name}</option>)}</select>
              <label>{s('from')} <input type="date" name="from" defaultValue={from} /></label>
              <label>{s('to')} <input type="date" name="to" defaultValue={to} /></label>
              <label>{s('report')} <select name="report" defaultValue={shown}>{financeReports.map((r) => <option key={r} value={r}>{s(`names.${r}`)}</option>)}</select></label>
              <label>{s('by')} <select name="by" defaultValue={by}>{['month', 'day', 'class'].map((b) => <option key={b} value={b}>{s(`byOptions.${b}`)}</option>)}</select></label>
              <button type="submit" className="btn btn--style-secondary btn--size-small">{s('show')}</button>
            </form>
            <ul>
              {financeReports.map((report) => (
                <li key={report} style={{ marginBottom: 'calc(var(--base) / 2)' }}>
                  <strong>{s(`names.${report}`)}</strong>
                  {report === 'aging' ? ` (${s('asOf')} ${to})` : ''}{' — '}
                  {formats.map((format, i) => <span key={format}>{i ? ' · ' : ''}<a href={link(report, format)}>{format.toUpperCase()}</a></span>)}
                </li>
              ))}
            </ul>
            {typeof table === 'string' ? (
              <p role="alert">{table}</p>
            ) : table ? (
              <section aria-labelledby="report-title">
                <h2 id="report-title">{table.title}</h2>
                {table.rows.length ? (
                  <div className="table">
                    <table>
                      <thead><tr>{table.headers.map((h, i) => <th key={i} scope="col" style={{ textAlign: table.numeric[i] ? 'right' : 'left' }}>{h}</th>)}</tr></thead>
                      <tbody>{table.rows.map((row, r) => <tr key={r}>{row.map((cell, i) => <td key={i} style={{ textAlign: table.numeric[i] ? 'right' : 'left' }}>{cell}</td>)}</tr>)}</tbody>
                      <tfoot>{table.totals.map((row, r) => <tr key={r}>{row.map((cell, i) => <th key={i} scope={i ? undefined : 'row'} style={{ textAlign: table.numeric[i] ? 'right' : 'left' }}>{cell}</th>)}</tr>)}</tfoot>
                    </table>
                  </div>
                ) : (
                  <p>{s('empty')}</p>
                )}
              </section>
            ) : null}
          </>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
