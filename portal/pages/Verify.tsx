import { getTranslations } from 'next-intl/server'
import { redirect } from 'next/navigation'
import { linkClass, Narrow, Title } from '../components/ui'
import type { Locale } from '../i18n/locales'
import { localReq, session } from '../session'

/** The link of the verification e-mail: the address is confirmed, then the parent signs in. */
export const Verify = async ({ locale, token }: { locale: Locale; token: string }) => {
  const { payload } = await session()
  const verified = await payload
    .verifyEmail({ collection: 'users', token, req: await localReq(payload, locale) })
    .then(() => true)
    .catch(() => false)
  if (verified) redirect(`/${locale}/login?verified=1`)
  const t = await getTranslations({ locale, namespace: 'verify' })
  return (
    <Narrow>
      <Title lead={t('failed')}>{t('title')}</Title>
      <a className={linkClass} href={`/${locale}/login`}>
        {t('login')}
      </a>
    </Narrow>
  )
}
