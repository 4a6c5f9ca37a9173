import { getTranslations } from 'next-intl/server'
import { defaultPreferences, notificationKinds } from '../../src/domain/notifications'
import { t as text } from '../../src/i18n'
import { savePreferences } from '../actions/notifications'
import { ActionForm, Checkbox, Field, Submit } from '../components/ActionForm'
import { linkClass, Title } from '../components/ui'
import type { Locale } from '../i18n/locales'
import { preferenceFields as names } from '../preferences'
import { familyMember } from '../session'

/** How the reader wants to be told: each kind by e-mail and by SMS, one daily e-mail, quiet hours. */
export const NotificationPreferences = async ({ locale }: { locale: Locale }) => {
  const member = await familyMember(locale, `/${locale}/notifications/preferences`)
  const t = await getTranslations({ locale, namespace: 'preferences' })
  const f = await getTranslations({ locale, namespace: 'form' })
  const saved = { ...defaultPreferences, ...Object.fromEntries(Object.entries(member.user.notificationPreferences ?? {}).filter(([, value]) => value != null)) }
  return (
    <>
      <Title lead={t('lead')}>{t('title')}</Title>
      <ActionForm action={savePreferences.bind(null, locale)} errorTitle={f('errorTitle')} className="max-w-2xl space-y-6">
        <table className="w-full border-collapse rounded bg-white text-left">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                {t('kind')}
              </th>
              <th scope="col" className="p-2 text-center">
                {t('email')}
              </th>
              <th scope="col" className="p-2 text-center">
                {t('sms')}
              </th>
            </tr>
          </thead>
          <tbody>
            {notificationKinds.map((kind) => {
              const name = text(locale, `options.notificationKind.${kind}`)
              return (
                <tr key={kind} className="border-b border-slate-200">
                  <th scope="row" className="p-2 font-normal">
                    {name}
                  </th>
                  <td className="p-2 text-center">
                    <Checkbox name={names.email} value={kind} label={t('byEmail', { kind: name })} defaultChecked={saved.email.includes(kind)} hideLabel />
                  </td>
                  <td className="p-2 text-center">
                    <Checkbox name={names.sms} value={kind} label={t('bySms', { kind: name })} defaultChecked={saved.sms.includes(kind)} hideLabel />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <Checkbox name={names.digest} label={t('digest')} defaultChecked={Boolean(saved.digest)} />
        <fieldset className="space-y-3">
          <legend className="font-semibold">{t('quiet')}</legend>
          <p className="text-sm text-slate-700">{t('quietLead')}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name={names.quietFrom} label={t('quietFrom')} hint={t('quietHint')} defaultValue={saved.quietFrom ?? ''} inputMode="numeric" autoComplete="off" />
            <Field name={names.quietUntil} label={t('quietUntil')} hint={t('quietHint')} defaultValue={saved.quietUntil ?? ''} inputMode="numeric" autoComplete="off" />
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <Submit>{t('save')}</Submit>
          <a className={linkClass} href={`/${locale}/notifications`}>
            {t('back')}
          </a>
        </div>
      </ActionForm>
    </>
  )
}
