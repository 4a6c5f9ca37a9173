import { getTranslations } from 'next-intl/server'
import type { Attendance as AttendanceRecord, TimetableSlot, Subject } from '../../payload-types'
import { justifyAbsence } from '../actions/justify'
import { ActionForm, Field, Submit } from '../components/ActionForm'
import { ChildPage } from '../components/ChildNav'
import { Card, Empty, Pill, Title } from '../components/ui'
import { childPageOf } from '../childPage'
import { formatDay } from '../format'
import type { Locale } from '../i18n/locales'

/** The year's absences and latenesses, each with its justification or, for a parent, the form to give one. */
export const Attendance = async ({ locale, id, justified }: { locale: Locale; id: string; justified?: string }) => {
  const { member, child, withInvoices } = await childPageOf(locale, id, 'attendance')
  const t = await getTranslations({ locale, namespace: 'attendance' })
  const f = await getTranslations({ locale, namespace: 'form' })
  const records = await member.payload.find({
    collection: 'attendance',
    where: { student: { equals: child.id }, status: { in: ['absent', 'late', 'excused'] }, ...(child.class ? { class: { equals: child.class.id } } : {}) },
    select: { date: true, status: true, halfDay: true, minutesLate: true, slot: true, justification: true, justificationDocument: true, justifiedAt: true },
    populate: { 'timetable-slots': { subject: true, start: true }, media: { filename: true, url: true } },
    depth: 2,
    sort: '-date',
    limit: 200,
    overrideAccess: false,
    req: member.req,
  })
  const docs = records.docs as Partial<AttendanceRecord>[]
  const count = (status: string) => docs.filter((r) => r.status === status).length
  const when = (r: Partial<AttendanceRecord>) => {
    const slot = r.slot as TimetableSlot | null | undefined
    const subject = (slot?.subject as Subject | undefined)?.name
    return [formatDay(locale, r.date), r.halfDay ? t(`halfDay.${r.halfDay}`) : null, slot ? `${slot.start}${subject ? ` · ${subject}` : ''}` : null].filter(Boolean).join(' · ')
  }
  return (
    <ChildPage locale={locale} child={child} section="attendance" withInvoices={withInvoices}>
      <Title lead={t('lead')}>{t('title')}</Title>
      <dl className="mb-4 grid grid-cols-3 gap-3">
        {(['absent', 'late', 'excused'] as const).map((status) => (
          <div key={status} className="rounded border border-slate-300 bg-white p-3">
            <dt className="text-sm text-slate-700">{t(`count.${status}`)}</dt>
            <dd className="text-xl font-bold">{count(status)}</dd>
          </div>
        ))}
      </dl>
      {docs.length ? (
        <ul className="space-y-3">
          {docs.map((r) => {
            const document = r.justificationDocument as { url?: string; filename?: string } | null | undefined
            return (
              <li key={r.id} id={`record-${r.id}`}>
                <Card title={when(r)}>
                  <p className="flex flex-wrap items-center gap-2">
                    <Pill tone={r.status === 'excused' ? 'neutral' : r.status === 'late' ? 'warn' : 'bad'}>
                      {t(`status.${r.status}`)}
                      {r.status === 'late' && r.minutesLate ? ` (${t('minutes', { minutes: r.minutesLate })})` : ''}
                    </Pill>
                    {r.justification ? <Pill tone="good">{t('isJustified')}</Pill> : null}
                  </p>
                  {String(r.id) === justified ? (
                    <p role="status" className="mt-2 font-medium text-emerald-900">
                      {t('thanks')}
                    </p>
                  ) : null}
                  {r.justification ? (
                    <div className="mt-2">
                      <p>{t('justification', { text: r.justification })}</p>
                      {document?.url ? (
                        <a className="font-medium text-brand-dark underline" href={document.url}>
                          {t('document', { name: document.filename ?? '' })}
                        </a>
                      ) : null}
                    </div>
                  ) : member.isParent && r.status !== 'excused' ? (
                    <details className="mt-3">
                      <summary className="cursor-pointer font-medium text-brand-dark underline">{t('justify')}</summary>
                      <ActionForm action={justifyAbsence.bind(null, locale, String(child.id), String(r.id))} errorTitle={f('errorTitle')} className="mt-3 space-y-3" prefix={`r${r.id}-`}>
                        <Field name="justification" label={t('reason')} multiline required />
                        <Field name="document" type="file" label={t('attach')} hint={t('attachHint')} accept="application/pdf,image/jpeg,image/png,image/webp" />
                        <Submit>{t('send')}</Submit>
                      </ActionForm>
                    </details>
                  ) : null}
                </Card>
              </li>
            )
          })}
        </ul>
      ) : (
        <Empty>{t('none')}</Empty>
      )}
    </ChildPage>
  )
}
