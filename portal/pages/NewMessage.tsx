import { getTranslations } from 'next-intl/server'
import { correspondentsOf } from '../../collections/communication/correspondents'
import { startConversation } from '../actions/messages'
import { ActionForm, Field, SelectField, Submit } from '../components/ActionForm'
import { Empty, linkClass, Title } from '../components/ui'
import { children } from '../family'
import type { Locale } from '../i18n/locales'
import { familyMember } from '../session'

/** A new message to one of the teachers of one's children (or one's own) or to the school's desk: no one else is offered. */
export const NewMessage = async ({ locale }: { locale: Locale }) => {
  const member = await familyMember(locale, `/${locale}/messages/new`)
  const t = await getTranslations({ locale, namespace: 'messages' })
  const f = await getTranslations({ locale, namespace: 'form' })
  const [people, family] = await Promise.all([correspondentsOf(member.req), member.isParent ? children(member) : Promise.resolve([])])
  const choices = people.map((p) => ({ value: String(p.id), label: `${p.name} — ${t(`group.${p.group}`)}` }))
  return (
    <>
      <Title lead={<a className={linkClass} href={`/${locale}/messages`}>{t('back')}</a>}>{t('new')}</Title>
      {choices.length ? (
        <ActionForm action={startConversation.bind(null, locale)} errorTitle={f('errorTitle')}>
          <SelectField name="participants" label={t('to')} hint={t('toHint')} choices={[{ value: '', label: t('choose') }, ...choices]} />
          {family.length ? <SelectField name="student" label={t('about')} choices={[{ value: '', label: t('aboutNobody') }, ...family.map((c) => ({ value: String(c.id), label: c.fullName }))]} /> : null}
          <Field name="topic" label={t('topic')} maxLength={200} required />
          <Field name="body" label={t('body')} multiline required />
          <Field name="file" type="file" label={t('attach')} hint={t('attachHint')} />
          <Submit>{t('send')}</Submit>
        </ActionForm>
      ) : (
        <Empty>{t('nobody')}</Empty>
      )}
    </>
  )
}
