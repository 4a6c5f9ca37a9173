import { getLocale, getTranslations } from 'next-intl/server'
import { linkClass, Title } from '../components/ui'
import { isLocale } from '../i18n/locales'

/** Someone else's child, a page that does not exist: the same answer, which says nothing of which. */
export const NotFound = async () => {
  const asked = await getLocale()
  const locale = isLocale(asked) ? asked : 'fr'
  const t = await getTranslations({ locale, namespace: 'notFound' })
  return (
    <>
      <Title lead={t('lead')}>{t('title')}</Title>
      <a className={linkClass} href={`/${locale}`}>
        {t('home')}
      </a>
    </>
  )
}
