import { getTranslations } from 'next-intl/server'
import { login } from '../actions/account'
import { ActionForm, Field, Submit } from '../components/ActionForm'
import { Narrow, Notice, Title, linkClass } from '../components/ui'
import type { Locale } from '../i18n/locales'

export const Login = async ({ locale, next, verified }: { locale: Locale; next?: string; verified?: boolean }) => {
  const t = await getTranslations({ locale, namespace: 'login' })
  const f = await getTranslations({ locale, namespace: 'form' })
  return (
    <Narrow>
      <Title lead={t('lead')}>{t('title')}</Title>
      {verified ? (
        <Notice>{t('verified')}</Notice>
      ) : null}
      <ActionForm action={login.bind(null, locale, next)} errorTitle={f('errorTitle')}>
        <Field name="email" type="email" label={t('email')} autoComplete="username" required />
        <Field name="password" type="password" label={t('password')} autoComplete="current-password" required />
        <Submit>{t('submit')}</Submit>
      </ActionForm>
      <p className="mt-6 flex flex-col gap-2">
        <a className={linkClass} href={`/${locale}/forgot-password`}>
          {t('forgot')}
        </a>
        <a className={linkClass} href={`/${locale}/signup`}>
          {t('signup')}
        </a>
      </p>
    </Narrow>
  )
}
