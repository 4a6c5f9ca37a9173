import { getTranslations } from 'next-intl/server'
import { Empty, linkClass, Pill, Title } from '../components/ui'
import { conversationsOf } from '../data/messages'
import { formatMoment } from '../format'
import type { Locale } from '../i18n/locales'
import { familyMember } from '../session'

/** The person's conversations, latest first, the unread ones marked; and the way to write a new message. */
export const Messages = async ({ locale }: { locale: Locale }) => {
  const member = await familyMember(locale, `/${locale}/messages`)
  const t = await getTranslations({ locale, namespace: 'messages' })
  const conversations = await conversationsOf(member)
  return (
    <>
      <Title lead={t('lead')}>{t('title')}</Title>
      <p className="mb-4">
        <a className="inline-block rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark" href={`/${locale}/messages/new`}>
          {t('new')}
        </a>
      </p>
      {conversations.length ? (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
          {conversations.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
              <a className={`${linkClass} ${c.unread ? 'font-bold' : ''}`} href={`/${locale}/messages/${c.id}`}>
                {c.topic}
              </a>
              {c.unread ? <Pill tone="warn">{t('unread')}</Pill> : null}
              {c.status === 'closed' ? <Pill tone="neutral">{t('closed')}</Pill> : null}
              <span className="w-full text-sm text-slate-700">
                {t('with', { names: c.with ?? '' })}
                {c.lastMessageAt ? ` · ${formatMoment(locale, c.lastMessageAt)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t('none')}</Empty>
      )}
    </>
  )
}
