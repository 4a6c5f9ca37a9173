import { getTranslations } from 'next-intl/server'
import type { Resource, Subject } from '../../payload-types'
import { ChildPage } from '../components/ChildNav'
import { Empty, linkClass, Title } from '../components/ui'
import { childPageOf } from '../childPage'
import { formatDay, formatNumber } from '../format'
import type { Locale } from '../i18n/locales'

/** What a file is, in a family's words, from its type. */
const kindOf = (mimeType: string | null | undefined) => {
  if (!mimeType) return 'file'
  if (mimeType === 'application/pdf') return 'pdf'
  if (mimeType.startsWith('image/')) return 'image'
  if (mimeType.startsWith('video/')) return 'video'
  return 'document'
}

/** The files and links the class's teachers shared, newest first: each with its subject, a word about it, and where to get it. */
export const Resources = async ({ locale, id }: { locale: Locale; id: string }) => {
  const { member, child, withInvoices } = await childPageOf(locale, id, 'resources')
  const t = await getTranslations({ locale, namespace: 'resources' })
  const found = child.class
    ? await member.payload.find({
        collection: 'resources',
        where: { class: { equals: child.class.id } },
        select: { title: true, description: true, subject: true, group: true, link: true, url: true, filename: true, mimeType: true, filesize: true, createdAt: true },
        populate: { subjects: { name: true } },
        depth: 1,
        sort: '-createdAt',
        limit: 200,
        overrideAccess: false,
        req: member.req,
      })
    : { docs: [] }
  const docs = found.docs as Partial<Resource>[]
  // A worksheet is a few kilobytes, a video several megabytes: each in the unit that says it.
  const sizeOf = (bytes: number) =>
    bytes < 1_048_576 ? t('sizeKb', { size: formatNumber(locale, Math.max(1, Math.round(bytes / 1024)), 0) }) : t('size', { size: formatNumber(locale, bytes / 1_048_576, 1) })
  return (
    <ChildPage locale={locale} child={child} section="resources" withInvoices={withInvoices}>
      <Title lead={t('lead')}>{t('title')}</Title>
      {docs.length ? (
        <ul className="space-y-3">
          {docs.map((r) => {
            const subject = (r.subject as Subject | null | undefined)?.name
            const size = r.filesize ? sizeOf(r.filesize) : null
            return (
              <li key={r.id} className="rounded border border-slate-300 bg-white p-3">
                <h2 className="font-semibold">{r.title}</h2>
                <p className="text-sm text-slate-700">{[subject, r.group ? t('group', { group: r.group }) : null, formatDay(locale, r.createdAt)].filter(Boolean).join(' · ')}</p>
                {r.description ? <p className="mt-1 whitespace-pre-line">{r.description}</p> : null}
                <p className="mt-2">
                  {r.link ? (
                    <a href={r.link} rel="noopener noreferrer nofollow" target="_blank" className={linkClass}>
                      {t('open', { title: r.title ?? '' })}
                    </a>
                  ) : r.url ? (
                    <a href={r.url} download={r.filename ?? undefined} className={linkClass}>
                      {t('download', { title: r.title ?? '' })}
                    </a>
                  ) : null}
                  {r.url && !r.link ? <span className="text-sm text-slate-700"> ({[t(`kind.${kindOf(r.mimeType)}`), size].filter(Boolean).join(', ')})</span> : null}
                </p>
              </li>
            )
          })}
        </ul>
      ) : (
        <Empty>{t(child.class ? 'none' : 'noClass')}</Empty>
      )}
    </ChildPage>
  )
}
