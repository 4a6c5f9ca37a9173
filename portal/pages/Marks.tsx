import { getTranslations } from 'next-intl/server'
import { ChildPage } from '../components/ChildNav'
import { Card, Empty, Title } from '../components/ui'
import { childPageOf } from '../childPage'
import { marksOf, type Figure, type Mark } from '../data/marks'
import { formatDay, formatNumber } from '../format'
import type { Locale } from '../i18n/locales'

export const Marks = async ({ locale, id, term }: { locale: Locale; id: string; term?: string }) => {
  const { member, child, withInvoices } = await childPageOf(locale, id, 'marks')
  const t = await getTranslations({ locale, namespace: 'marks' })
  const marks = await marksOf(member, child, term)
  const figure = (f: Figure) => (f.value === null ? '—' : `${formatNumber(locale, f.value, 2)} / ${formatNumber(locale, f.outOf, 0)}`)
  const mark = (m: Mark) => (m.status === 'absent' ? t('absent') : m.status === 'exempt' ? t('exempt') : `${formatNumber(locale, m.score)} / ${formatNumber(locale, m.maximum)}`)
  return (
    <ChildPage locale={locale} child={child} section="marks" withInvoices={withInvoices}>
      <Title>{t('title')}</Title>
      {!marks || !marks.term ? (
        <Empty>{t('none')}</Empty>
      ) : (
        <>
          <nav aria-label={t('terms')} className="mb-4">
            <ul className="flex flex-wrap gap-2">
              {marks.terms.map((option) => (
                <li key={option.id}>
                  <a
                    href={`?term=${option.id}`}
                    aria-current={String(option.id) === String(marks.term!.id) ? 'page' : undefined}
                    className={`block rounded-full border px-3 py-1 text-sm ${String(option.id) === String(marks.term!.id) ? 'border-brand bg-brand text-white' : 'border-slate-500 bg-white text-slate-900'}`}
                  >
                    {option.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {marks.overall && (marks.overall.percentage !== null || marks.overall.average !== null) ? (
            <Card title={t('overall', { term: marks.term.name })} className="mb-4">
              <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
                {marks.overall.average !== null ? (
                  <div>
                    <dt className="text-sm text-slate-700">{t('average')}</dt>
                    <dd className="text-xl font-bold">{formatNumber(locale, marks.overall.average)} / 20</dd>
                  </div>
                ) : null}
                <div>
                  <dt className="text-sm text-slate-700">{t('percentage')}</dt>
                  <dd className="text-xl font-bold">{marks.overall.percentage === null ? '—' : `${formatNumber(locale, marks.overall.percentage, 1)} %`}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-700">{t('rank')}</dt>
                  <dd className="text-xl font-bold">{marks.overall.rank === null ? '—' : t('rankOf', { rank: marks.overall.rank, count: marks.overall.count })}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-700">{t('classAverage')}</dt>
                  <dd className="text-xl font-bold">
                    {marks.overall.classAverage !== null
                      ? `${formatNumber(locale, marks.overall.classAverage)} / 20`
                      : marks.overall.classPercentage !== null
                        ? `${formatNumber(locale, marks.overall.classPercentage, 1)} %`
                        : '—'}
                  </dd>
                </div>
              </dl>
            </Card>
          ) : null}
          {marks.subjects.length ? (
            <div className="space-y-3">
              {marks.subjects.map((subject) => (
                <Card key={subject.id} title={subject.name}>
                  <p className="mb-2 text-sm text-slate-700">
                    {t('subjectFigure', { figure: figure(subject.figure) })} · {t('subjectClass', { figure: figure(subject.classAverage) })}
                  </p>
                  {subject.marks.length ? (
                    <table className="w-full text-left text-sm">
                      <caption className="sr-only">{t('marksOf', { subject: subject.name })}</caption>
                      <thead>
                        <tr className="border-b border-slate-300">
                          <th scope="col" className="py-1 pr-2 font-semibold">{t('evaluation')}</th>
                          <th scope="col" className="py-1 pr-2 font-semibold">{t('date')}</th>
                          <th scope="col" className="py-1 text-right font-semibold">{t('mark')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {subject.marks.map((m) => (
                          <tr key={m.id} className="border-b border-slate-200 last:border-0">
                            <td className="py-1 pr-2">
                              {m.title}
                              {m.comment ? <span className="block text-slate-700">{m.comment}</span> : null}
                            </td>
                            <td className="py-1 pr-2 whitespace-nowrap">{formatDay(locale, m.date)}</td>
                            <td className="py-1 text-right font-medium whitespace-nowrap">{mark(m)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                </Card>
              ))}
            </div>
          ) : (
            <Empty>{t('noneInTerm', { term: marks.term.name })}</Empty>
          )}
        </>
      )}
    </ChildPage>
  )
}
