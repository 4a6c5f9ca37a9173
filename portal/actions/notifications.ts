'use server'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { notificationKinds } from '../../src/domain/notifications'
import { notificationHref } from '../format'
import type { Locale } from '../i18n/locales'
import { preferenceFields } from '../preferences'
import { localReq, session } from '../session'
import { refusal, type FormState } from './state'

/** The signed-in reader and a request as them, or the login page. */
const reader = async (locale: Locale) => {
  const { payload, user } = await session()
  if (!user) redirect(`/${locale}/login?next=/${locale}/notifications`)
  return { payload, user, req: await localReq(payload, locale, user) }
}

/** Opening a notification marks it read, then follows its link (or comes back to the list). */
export async function openNotification(locale: Locale, id: number) {
  const { payload, user, req } = await reader(locale)
  // Only one's own (the collection's access): another's is not found, and nothing is changed.
  const { docs } = await payload.update({ collection: 'notifications', where: { and: [{ id: { equals: id } }, { user: { equals: user.id } }] }, data: { readAt: new Date().toISOString() }, select: { link: true }, overrideAccess: false, req })
  redirect((docs[0] && notificationHref(locale, docs[0].link)) || `/${locale}/notifications`)
}

export async function markAllRead(locale: Locale) {
  const { payload, user, req } = await reader(locale)
  await payload.update({ collection: 'notifications', where: { and: [{ user: { equals: user.id } }, { readAt: { exists: false } }] }, data: { readAt: new Date().toISOString() }, select: {}, overrideAccess: false, req })
  redirect(`/${locale}/notifications`)
}

/** The reader's own choices; Payload checks the quiet hours (HH:MM) and says which is wrong. Both empty: no quiet hours (null would mean the defaults). */
export async function savePreferences(locale: Locale, _state: FormState, form: FormData): Promise<FormState> {
  const { payload, user, req } = await reader(locale)
  const t = await getTranslations({ locale, namespace: 'preferences' })
  const checked = (name: string) => form.getAll(name).map(String).filter((kind) => (notificationKinds as readonly string[]).includes(kind))
  const clock = (name: string) => String(form.get(name) ?? '').trim()
  const chosen = { email: checked(preferenceFields.email), sms: checked(preferenceFields.sms), digest: form.has(preferenceFields.digest), quietFrom: clock(preferenceFields.quietFrom), quietUntil: clock(preferenceFields.quietUntil) }
  const values = {
    [preferenceFields.email]: chosen.email.join(','),
    [preferenceFields.sms]: chosen.sms.join(','),
    [preferenceFields.digest]: chosen.digest ? 'on' : '',
    [preferenceFields.quietFrom]: chosen.quietFrom,
    [preferenceFields.quietUntil]: chosen.quietUntil,
  }
  try {
    await payload.update({
      collection: 'users',
      id: user.id,
      data: { notificationPreferences: { ...chosen, quietFrom: chosen.quietFrom, quietUntil: chosen.quietUntil } as never },
      select: {},
      overrideAccess: false,
      req,
    })
  } catch (error) {
    return refusal(error, values)
  }
  return { notice: t('saved'), values }
}
