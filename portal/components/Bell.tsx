import { getTranslations } from 'next-intl/server'
import type { User } from '../../payload-types'
import type { Locale } from '../i18n/locales'
import { localReq, session } from '../session'
import { LiveCount } from './LiveCount'

/** The header's bell: the visitor's unread notifications, counted here and then kept live by LiveCount. */
export const Bell = async ({ locale, user }: { locale: Locale; user: User }) => {
  const t = await getTranslations({ locale, namespace: 'layout' })
  const { payload } = await session()
  const { totalDocs } = await payload.count({
    collection: 'notifications',
    where: { and: [{ user: { equals: user.id } }, { readAt: { exists: false } }] },
    overrideAccess: false,
    req: await localReq(payload, locale, user),
  })
  // Raw: the count is filled in by LiveCount, which changes it.
  const labels = { zero: t.raw('unread.zero'), one: t.raw('unread.one'), other: t.raw('unread.other') }
  return (
    <a href={`/${locale}/notifications`} className="flex items-center gap-1 underline underline-offset-2">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 fill-current">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {t('notifications')}
      <LiveCount initial={totalDocs} locale={locale} labels={labels} />
    </a>
  )
}
