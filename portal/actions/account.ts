'use server'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { getCookieExpiration, logoutOperation } from 'payload'
import { getTranslations } from 'next-intl/server'
import { redeemLinkCode } from '../../collections/people/linkCodeRedeem'
import { signUp } from '../../collections/people/signup'
import { isLocale, languageCookie, type Locale } from '../i18n/locales'
import { localReq, session } from '../session'
import { kept, refusal, type FormState } from './state'

const year = 365 * 24 * 3600

/** Only a path of this portal: a `next=` that points elsewhere is ignored. */
const portalPath = (next: unknown) => (typeof next === 'string' && /^\/(fr|en)(\/[^/\\]|$)/.test(next) ? next : null)

/** The same page in the other language: `/fr/students/3/marks` → `/en/students/3/marks`. */
const inLanguage = (path: string, locale: Locale) => `/${locale}${(portalPath(path) ?? '/fr').slice(3)}`

/** Payload's session cookie, set as its own REST login sets it (HttpOnly, SameSite=Lax, Secure over https). */
const setSessionCookie = async (token: string) => {
  const { payload } = await session()
  const auth = payload.collections.users.config.auth
  ;(await cookies()).set(`${payload.config.cookiePrefix}-token`, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: Boolean(auth.cookies.secure),
    path: '/',
    expires: getCookieExpiration({ seconds: auth.tokenExpiration }),
  })
}

export async function login(locale: Locale, next: string | undefined, _state: FormState, form: FormData): Promise<FormState> {
  const { payload } = await session()
  const req = await localReq(payload, locale)
  const values = kept(form, 'email')
  let language: unknown
  try {
    const result = await payload.login({ collection: 'users', data: { email: values.email.trim(), password: String(form.get('password') ?? '') }, req })
    await setSessionCookie(result.token!)
    language = result.user?.language
  } catch (error) {
    return refusal(error, values)
  }
  // The account's language wins from now on: the portal opens in it.
  const home = isLocale(language) ? language : locale
  ;(await cookies()).set(languageCookie, home, { path: '/', maxAge: year, sameSite: 'lax' })
  redirect(portalPath(next) ? inLanguage(next!, home) : `/${home}`)
}

export async function logout(locale: Locale) {
  const { payload, user } = await session()
  if (user) await logoutOperation({ collection: payload.collections.users, req: await localReq(payload, locale, user) }).catch(() => false)
  ;(await cookies()).delete(`${payload.config.cookiePrefix}-token`)
  redirect(`/${locale}/login`)
}

/** Remembered in a cookie, and on the account (its e-mails, its next login) when someone is signed in. */
export async function switchLanguage(locale: Locale, path: string) {
  if (!isLocale(locale)) return
  const { payload, user } = await session()
  ;(await cookies()).set(languageCookie, locale, { path: '/', maxAge: year, sameSite: 'lax' })
  if (user && user.language !== locale) {
    await payload.update({ collection: 'users', id: user.id, data: { language: locale }, overrideAccess: false, req: await localReq(payload, locale, user) })
  }
  redirect(inLanguage(path, locale))
}

export async function signup(locale: Locale, _state: FormState, form: FormData): Promise<FormState> {
  const { payload } = await session()
  const values = kept(form, 'name', 'email')
  try {
    const { message } = await signUp(await localReq(payload, locale), { ...values, password: String(form.get('password') ?? ''), language: locale })
    return { notice: message }
  } catch (error) {
    return refusal(error, values)
  }
}

export async function forgotPassword(locale: Locale, _state: FormState, form: FormData): Promise<FormState> {
  const { payload } = await session()
  const t = await getTranslations({ locale, namespace: 'forgot' })
  const email = String(form.get('email') ?? '').trim().toLowerCase()
  if (!email) return { errors: [{ path: 'email', message: t('emailRequired') }] }
  // Same answer for every address: nobody learns who has an account.
  await payload.forgotPassword({ collection: 'users', data: { email }, req: await localReq(payload, locale) }).catch(() => undefined)
  return { notice: t('sent', { email }) }
}

export async function resetPassword(locale: Locale, token: string, _state: FormState, form: FormData): Promise<FormState> {
  const { payload } = await session()
  const req = await localReq(payload, locale)
  const t = await getTranslations({ locale, namespace: 'reset' })
  const password = String(form.get('password') ?? '')
  if (password !== String(form.get('confirm') ?? '')) return { errors: [{ path: 'confirm', message: t('mismatch') }] }
  try {
    const result = await payload.resetPassword({ collection: 'users', data: { token, password }, overrideAccess: true, req })
    if (result.token) await setSessionCookie(result.token)
  } catch (error) {
    return refusal(error)
  }
  redirect(`/${locale}`)
}

export async function redeem(locale: Locale, _state: FormState, form: FormData): Promise<FormState> {
  const { payload, user } = await session()
  if (!user) redirect(`/${locale}/login?next=/${locale}/link`)
  const values = kept(form, 'code')
  let student: string | number
  try {
    student = (await redeemLinkCode(await localReq(payload, locale, user), values.code)).student.id
  } catch (error) {
    return refusal(error, values)
  }
  redirect(`/${locale}/students/${student}/marks`)
}
