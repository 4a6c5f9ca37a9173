import { getTranslations } from 'next-intl/server'
import type { ReportCard, Term } from '../../payload-types'
import { ChildPage } from '../components/ChildNav'
import { Card, Empty, linkClass, Title } from '../components/ui'
import { childPageOf } from '../childPage'
import { formatMoment } from '../format'
import type { Locale } from '../i18n/locales'

/** The child's published report cards, newest term first: read in the browser or downloaded as the PDF the school prints. */
export const ReportCards = async ({ locale, id }: { locale: Locale; id: string }) => {
  const { member, child, withInvoices } = await childPageOf(locale, id, 'report-cards')
  const t = await getTranslations({ locale, namespace: 'reportCards' })
  const cards = await member.payload.find({
    collection: 'report-cards',
    where: { student: { equals: child.id }, status: { equals: 'published' } },
    select: { term: true, publishedAt: true, conduct: true, teacherAppreciation: true, headAppreciation: true },
    populate: { terms: { name: true, order: true, startDate: true } },
    depth: 1,
    pagination: false,
    overrideAccess: false,
    req: member.req,
  })
  const docs = (cards.docs as Partial<ReportCard>[]).sort((a, b) => String((b.term as Term)?.startDate ?? '').localeCompare(String((a.term as Term)?.startDate ?? '')))
  return (
    <ChildPage locale={locale} child={child} section="report-cards" withInvoices={withInvoices}>
      <Title>{t('title')}</Title>
      {docs.length ? (
        <ul className="space-y-3">
          {docs.map((card) => {
            const pdf = `/api/report-cards/${card.id}/pdf?lang=${locale}`
            const term = (card.term as Term)?.name ?? ''
            return (
              <li key={card.id}>
                <Card title={t('of', { term })}>
                  <p className="text-sm text-slate-700">{t('published', { date: formatMoment(locale, card.publishedAt) })}</p>
                  {card.teacherAppreciation ? <p className="mt-2">{t('teacher', { text: card.teacherAppreciation })}</p> : null}
                  {card.headAppreciation ? <p className="mt-1">{t('head', { text: card.headAppreciation })}</p> : null}
                  {card.conduct ? <p className="mt-1">{t('conduct', { text: card.conduct })}</p> : null}
                  <p className="mt-3 flex flex-wrap gap-4">
                    <a className={linkClass} href={pdf} target="_blank" rel="noopener">
                      {t('view', { term })}
                    </a>
                    <a className={linkClass} href={pdf} download>
                      {t('download', { term })}
                    </a>
                  </p>
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
