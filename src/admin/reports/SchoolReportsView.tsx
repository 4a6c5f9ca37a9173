/**
 * `/admin/school-reports`: a class's list, attendance and results with their parameters (a
 * plain GET form, so the page is drawn by the server), the chosen report as tables, and a
 * download link per report and format. Everything is read with the caller's rights.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { idOf } from '../../access/ids'
import { schoolToday } from '../../api/request'
import { hasAnyRole } from '../../domain/roles'
import { t } from '../../i18n'
import { reportTexts } from '../../reports/render'
import { schoolReport, schoolReportFormats, schoolReports } from '../../reports/schoolReports'

const param = (value: unknown, fallback: string) => (typeof value === 'string' && value ? value : fallback)
const right = (numeric: boolean) => ({ textAlign: numeric ? ('right' as const) : ('left' as const) })

export const SchoolReportsView = async ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const { payload, user, i18n } = req
  const admin = payload.config.routes.admin
  if (!user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}/school-reports`)}`)
  const language = i18n.language
  const s = (key: string, vars?: Record<string, string>) => t(language, `reports.${key}`, vars)
  const allowed = hasAnyRole(user, ['it', 'admin', 'secretariat', 'teacher', 'finance'])
  const classes = allowed ? (await payload.find({ collection: 'classes', user, overrideAccess: false, depth: 0, pagination: false, sort: 'name', select: { name: true, code: true, schoolYear: true } })).docs : []
  const today = schoolToday()
  const klass = param(searchParams?.class, String(classes[0]?.id ?? ''))
  const year = idOf(classes.find((c) => String(c.id) === klass)?.schoolYear)
  const terms = year ? (await payload.find({ collection: 'terms', user, overrideAccess: false, depth: 0, pagination: false, sort: 'order', where: { schoolYear: { equals: year } }, select: { name: true } })).docs : []
  const shown = param(searchParams?.report, 'class-list')
  const term = param(searchParams?.term, '')
  const from = param(searchParams?.from, term ? '' : `${today.slice(0, 7)}-01`)
  const to = param(searchParams?.to, term ? '' : today)
  const queryOf = (report: string) => ({ class: klass, ...(report === 'results' ? (term ? { term } : {}) : report === 'attendance' ? (from || to ? { from, to } : { term }) : {}) })
  const link = (report: string, format: string) => `${payload.config.routes.api}/school-reports/${report}?${new URLSearchParams({ ...queryOf(report), format })}`
  // The chosen report, read as the API reads it; a refusal is shown as its message.
  const report =
    allowed && klass
      ? await schoolReport(req, shown, new URLSearchParams(queryOf(shown)))
          .then(({ tables, meta }) => reportTexts(tables, meta))
          .catch((error: { data?: { errors?: { message: string }[] }; message: string }) => error.data?.errors?.[0]?.message ?? error.message)
      : undefined

  return (
    <DefaultTemplate i18n={i18n} locale={locale} params={params} payload={payload} permissions={permissions} searchParams={searchParams} user={user} visibleEntities={visibleEntities}>
      <SetStepNav nav={[{ label: s('school.title') }]} />
      <Gutter>
        <h1>{s('school.title')}</h1>
        {!allowed ? (
          <p>{t(language, 'errors.schoolReports.forbidden')}</p>
        ) : !classes.length ? (
          <p>{s('school.noClass')}</p>
        ) : (
          <>
            <p>{s('school.intro')}</p>
            <form method="get" style={{ display: 'flex', gap: 'var(--base)', flexWrap: 'wrap', alignItems: 'end', marginBottom: 'var(--base)' }}>
              <label>{s('report')} <select name="report" defaultValue={shown}>{schoolReports.map((r) => <option key={r} value={r}>{s(`names.${r}`)}</option>)}</select></label>
              <label>{s('school.class')} <select name="class" defaultValue={klass}>{classes.map((c) => <option key={c.id} value={String(c.id)}>{`${c.name} (${c.code})`}</option>)}</select></label>
              <label>{s('school.term')} <select name="term" defaultValue={term}><option value="">{s('school.wholeYear')}</option>{terms.map((x) => <option key={x.id} value={String(x.id)}>{x.name}</option>)}</select></label>
              <label>{s('from')} <input type="date" name="from" defaultValue={from} /></label>
              <label>{s('to')} <input type="date" name="to" defaultValue={to} /></label>
              <button type="submit" className="btn btn--style-secondary btn--size-small">{s('show')}</button>
            </form>
            <p>{s('school.termOrRange')}</p>
            <ul>
              {schoolReports.map((r) => (
                <li key={r} style={{ marginBottom: 'calc(var(--base) / 2)' }}>
                  <strong>{s(`names.${r}`)}</strong>{' — '}
                  {schoolReportFormats.map((format, i) => <span key={format}>{i ? ' · ' : ''}<a href={link(r, format)}>{format.toUpperCase()}</a></span>)}
                </li>
              ))}
            </ul>
            {typeof report === 'string' ? (
              <p role="alert">{report}</p>
            ) : report ? (
              <section aria-labelledby="report-title">
                <h2 id="report-title">{report.title}</h2>
                {report.sections.map((table, n) => (
                  <div key={n}>
                    {table.title ? <h3>{table.title}</h3> : null}
                    {table.rows.length ? (
                      <div className="table">
                        <table>
                          <thead><tr>{table.headers.map((h, i) => <th key={i} scope="col" style={right(table.numeric[i])}>{h}</th>)}</tr></thead>
                          <tbody>{table.rows.map((row, r) => <tr key={r}>{row.map((cell, i) => <td key={i} style={right(table.numeric[i])}>{cell}</td>)}</tr>)}</tbody>
                          <tfoot>{table.totals.map((row, r) => <tr key={r}>{row.map((cell, i) => <th key={i} scope={i ? undefined : 'row'} style={right(table.numeric[i])}>{cell}</th>)}</tr>)}</tfoot>
                        </table>
                      </div>
                    ) : (
                      <p>{s('empty')}</p>
                    )}
                  </div>
                ))}
              </section>
            ) : null}
          </>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
