import { getTranslations } from 'next-intl/server'
import { redeem } from '../actions/account'
import { ActionForm, Field, Submit } from '../components/ActionForm'
import { Narrow, Title } from '../components/ui'
import type { Locale } from '../i18n/locales'
import { familyMember } from '../session'

export const LinkChild = async ({ locale }: { locale: Locale }) => {
  await familyMember(locale, `/${locale}/link`)
  const t = await getTranslations({ locale, namespace: 'link' })
  const f = await getTranslations({ locale, namespace: 'form' })
  return (
    <Narrow>
      <Title lead={t('lead')}>{t('title')}</Title>
      <ActionForm action={redeem.bind(null, locale)} errorTitle={f('errorTitle')}>
        <Field name="code" label={t('code')} hint={t('codeHint')} autoComplete="off" autoCapitalize="characters" spellCheck={false} required />
        <Submit>{t('submit')}</Submit>
      </ActionForm>
    </Narrow>
  )
}
