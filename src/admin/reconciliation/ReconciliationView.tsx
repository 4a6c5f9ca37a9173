/**
 * `/admin/reconciliation`: upload a statement; `?id=` shows its lines grouped as matched,
 * ambiguous and unmatched, to tick and confirm, and the CSV export. Read as the logged-in user.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { idOf, idsOf } from '../../access/ids'
import { formatMoney, type Currency } from '../../domain/money'
import { hasAnyRole } from '../../domain/roles'
import { t } from '../../i18n'
import { ConfirmLines, LinePick, UploadStatement, type LineChoice } from './ReconcileForms'

const cell = { textAlign: 'left', padding: '4px 12px 4px 0', borderBottom: '1px solid var(--theme-elevation-100)' } as const
const statuses = ['matched', 'ambiguous', 'unmatched'] as const

export const ReconciliationView = async ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const { payload, user, i18n } = req
  const admin = payload.config.routes.admin
  const api = payload.config.routes.api
  if (!user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}/reconciliation`)}`)
  const language = i18n.language
  const s = (key: string) => t(language, `reconciliation.${key}`)
  const strings = { file: s('file'), label: s('label'), currency: s('currency'), submit: s('submit'), confirm: s('confirm'), done: s('done'), choose: s('choose') }
  const allowed = Boolean(permissions.collections?.reconciliations?.create)
  const as = { user, overrideAccess: false, depth: 0 } as const
  const schools = allowed
    ? (await payload.find({ collection: 'schools', ...as, pagination: false, sort: 'name', ...(hasAnyRole(user, ['it']) ? {} : { where: { id: { in: idsOf(user.schools) } } }) })).docs
    : []
  const id = typeof searchParams?.id === 'string' ? searchParams.id : undefined
  const doc = allowed && id ? await payload.findByID({ collection: 'reconciliations', id, ...as, disableErrors: true }) : null
  const recent = allowed && !doc ? (await payload.find({ collection: 'reconciliations', ...as, limit: 10, sort: '-createdAt', select: { label: true, matched: true, ambiguous: true, unmatched: true, confirmed: true } })).docs : []

  const paymentIds = [...new Set((doc?.lines ?? []).flatMap((l) => [l.payment, l.confirmedPayment, ...(l.candidates ?? [])]).filter((p) => p != null).map((p) => idOf(p as never)!))]
  const payments = paymentIds.length ? (await payload.find({ collection: 'payments', ...as, pagination: false, where: { id: { in: paymentIds } }, select: { receiptNumber: true, amount: true, currency: true } })).docs : []
  const receipt = (p: unknown) => {
    const found = payments.find((x) => String(x.id) === String(idOf(p as never)))
    return found ? { id: found.id, receipt: `${found.receiptNumber ?? found.id} (${formatMoney(found.amount, found.currency as Currency, language === 'en' ? 'en' : 'fr')})` } : undefined
  }
  const lines: (LineChoice & { line: NonNullable<typeof doc>['lines'] extends (infer L)[] | null | undefined ? L : never })[] = (doc?.lines ?? []).map((line) => ({
    line,
    row: line.row ?? 0,
    status: line.status ?? 'unmatched',
    matched: receipt(line.confirmedPayment ?? line.payment),
    candidates: (line.candidates ?? []).map(receipt).filter((c) => c !== undefined),
    confirmed: Boolean(line.confirmedAt),
  }))
  const columns = ['row', 'date', 'amount', 'reference', 'phone', 'description', 'receipt'] as const

  return (
    <DefaultTemplate i18n={i18n} locale={locale} params={params} payload={payload} permissions={permissions} searchParams={searchParams} user={user} visibleEntities={visibleEntities}>
      <SetStepNav nav={[{ label: t(language, 'collections.reconciliations.plural'), url: `${admin}/collections/reconciliations` }, { label: s('title') }]} />
      <Gutter>
        <h1>{doc ? doc.label : s('title')}</h1>
        {!allowed ? (
          <p>{t(language, 'errors.reconciliation.forbidden')}</p>
        ) : !doc ? (
          <>
            <p>{s('intro')}</p>
            <UploadStatement strings={strings} apiRoute={api} adminRoute={admin} schools={schools.map((x) => ({ id: x.id, name: x.name }))} />
            <h2>{s('recent')}</h2>
            <ul>{recent.map((r) => <li key={r.id}><a href={`${admin}/reconciliation?id=${r.id}`}>{r.label}</a> — {statuses.map((k) => `${t(language, `options.matchStatus.${k}`)} ${r[k] ?? 0}`).join(', ')}, {t(language, 'options.matchStatus.confirmed')} {r.confirmed ?? 0}</li>)}</ul>
          </>
        ) : (
          <>
            <p><a href={`${api}/reconciliations/${doc.id}/export.csv`}>{s('export')}</a></p>
            <ConfirmLines strings={strings} apiRoute={api} id={doc.id} lines={lines.map(({ line: _line, ...choice }) => choice)}>
              {statuses.map((status) => {
                const group = lines.filter((l) => l.status === status)
                return (
                  <section key={status}>
                    <h2>{t(language, `options.matchStatus.${status}`)} ({group.length})</h2>
                    {group.length ? (
                      <table style={{ borderCollapse: 'collapse', marginBottom: 'var(--base)' }}>
                        <thead><tr><th style={cell} />{columns.map((c) => <th key={c} style={cell}>{s(`columns.${c}`)}</th>)}<th style={cell}>{s('columns.confirmedAt')}</th></tr></thead>
                        <tbody>
                          {group.map(({ line, ...choice }) => (
                            <tr key={choice.row}>
                              <td style={cell}><LinePick line={choice} choose={strings.choose} /></td>
                              <td style={cell}>{line.row}</td>
                              <td style={cell}>{String(line.date ?? '').slice(0, 10)}</td>
                              <td style={cell}>{formatMoney(line.amount ?? 0, (line.currency ?? 'USD') as Currency, language === 'en' ? 'en' : 'fr')}</td>
                              <td style={cell}>{line.reference}</td>
                              <td style={cell}>{line.phone}</td>
                              <td style={cell}>{line.description}</td>
                              <td style={cell}>{choice.matched?.receipt ?? choice.candidates.map((c) => c.receipt).join(' / ')}</td>
                              <td style={cell}>{line.confirmedAt ? String(line.confirmedAt).slice(0, 16).replace('T', ' ') : ''}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    ) : <p>{s('none')}</p>}
                  </section>
                )
              })}
            </ConfirmLines>
          </>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
