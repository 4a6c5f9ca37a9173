import { getTranslations } from 'next-intl/server'
import { resetPassword } from '../actions/account'
import { ActionForm, Field, Submit } from '../components/ActionForm'
import { Narrow, Title } from '../components/ui'
import type { Locale } from '../i18n/locales'

export const ResetPassword = async ({ locale, token }: { locale: Locale; token: string }) => {
  const t = await getTranslations({ locale, namespace: 'reset' })
  const f = await getTranslations({ locale, namespace: 'form' })
  return (
    <Narrow>
      <Title>{t('title')}</Title>
      <ActionForm action={resetPassword.bind(null, locale, token)} errorTitle={f('errorTitle')}>
        <Field name="password" type="password" label={t('password')} hint={t('passwordHint')} autoComplete="new-password" required />
        <Field name="confirm" type="password" label={t('confirm')} autoComplete="new-password" required />
        <Submit>{t('submit')}</Submit>
      </ActionForm>
    </Narrow>
  )
}
