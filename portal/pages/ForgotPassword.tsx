import { getTranslations } from 'next-intl/server'
import { forgotPassword } from '../actions/account'
import { ActionForm, Field, Submit } from '../components/ActionForm'
import { Narrow, Title } from '../components/ui'
import type { Locale } from '../i18n/locales'

export const ForgotPassword = async ({ locale }: { locale: Locale }) => {
  const t = await getTranslations({ locale, namespace: 'forgot' })
  const f = await getTranslations({ locale, namespace: 'form' })
  return (
    <Narrow>
      <Title lead={t('lead')}>{t('title')}</Title>
      <ActionForm action={forgotPassword.bind(null, locale)} errorTitle={f('errorTitle')}>
        <Field name="email" type="email" label={t('email')} autoComplete="email" required />
        <Submit>{t('submit')}</Submit>
      </ActionForm>
    </Narrow>
  )
}
