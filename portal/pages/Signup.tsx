import { getTranslations } from 'next-intl/server'
import { signup } from '../actions/account'
import { ActionForm, Field, Submit } from '../components/ActionForm'
import { linkClass, Narrow, Title } from '../components/ui'
import type { Locale } from '../i18n/locales'

export const Signup = async ({ locale }: { locale: Locale }) => {
  const t = await getTranslations({ locale, namespace: 'signup' })
  const f = await getTranslations({ locale, namespace: 'form' })
  return (
    <Narrow>
      <Title lead={t('lead')}>{t('title')}</Title>
      <ActionForm action={signup.bind(null, locale)} errorTitle={f('errorTitle')}>
        <Field name="name" label={t('name')} autoComplete="name" required />
        <Field name="email" type="email" label={t('email')} autoComplete="email" required />
        <Field name="password" type="password" label={t('password')} hint={t('passwordHint')} autoComplete="new-password" required />
        <Submit>{t('submit')}</Submit>
      </ActionForm>
      <p className="mt-6">
        <a className={linkClass} href={`/${locale}/login`}>
          {t('haveAccount')}
        </a>
      </p>
    </Narrow>
  )
}
