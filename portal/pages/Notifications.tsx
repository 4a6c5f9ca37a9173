import { getTranslations } from 'next-intl/server'
import { t as text } from '../../src/i18n'
import { readerText } from '../../src/notifications/text'
import { markAllRead, openNotification } from '../actions/notifications'
import { Empty, linkClass, Pill, Title } from '../components/ui'
import { formatMoment } from '../format'
import type { Locale } from '../i18n/locales'
import { familyMember } from '../session'

const buttonClass = 'rounded border border-brand px-3 py-1 font-medium text-brand-dark hover:bg-slate-100'

/**
 * The reader's notifications, newest first, the unread marked: opening one marks it read and
 * follows its link; all at once with "mark all read". Forms, so it works without JavaScript.
 */
export const Notifications = async ({ locale }: { locale: Locale }) => {
  const member = await familyMember(locale, `/${locale}/notifications`)
  const t = await getTranslations({ locale, namespace: 'notifications' })
  const { docs } = await member.payload.find({
    collection: 'notifications',
    where: { user: { equals: member.user.id } },
    select: { kind: true, vars: true, link: true, readAt: true, createdAt: true },
    sort: '-createdAt',
    limit: 100,
    depth: 0,
    overrideAccess: false,
    req: member.req,
  })
  const unread = docs.filter((n) => !n.readAt).length
  return (
    <>
      <Title lead={t('lead')}>{t('title')}</Title>
      <div className="mb-4 flex flex-wrap items-center gap-4">
        {unread ? (
          <form action={markAllRead.bind(null, locale)}>
            <button type="submit" className={buttonClass}>
              {t('markAllRead')}
            </button>
          </form>
        ) : docs.length ? (
          <p>{t('allRead')}</p>
        ) : null}
        <a className={linkClass} href={`/${locale}/notifications/preferences`}>
          {t('preferences')}
        </a>
      </div>
      {docs.length ? (
        <ul className="space-y-3">
          {docs.map((n) => {
            const { title, body } = readerText(locale, n.kind, n.vars)
            return (
              <li key={n.id} data-notification={n.id} className={`rounded border bg-white p-3 ${n.readAt ? 'border-slate-300' : 'border-l-4 border-brand'}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className={n.readAt ? 'font-medium' : 'font-bold'}>{title}</h2>
                  <Pill tone={n.readAt ? 'neutral' : 'warn'}>{n.readAt ? t('read') : t('unread')}</Pill>
                </div>
                <p className="text-sm text-slate-700">
                  {text(locale, `options.notificationKind.${n.kind}`)} · {formatMoment(locale, n.createdAt)}
                </p>
                {body ? <p className="mt-1">{body}</p> : null}
                {n.link || !n.readAt ? (
                  <form action={openNotification.bind(null, locale, n.id)} className="mt-2">
                    <button type="submit" className={buttonClass}>
                      {n.link ? t('open') : t('markRead')}
                      <span className="sr-only"> : {title}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            )
          })}
        </ul>
      ) : (
        <Empty>{t('none')}</Empty>
      )}
    </>
  )
}
