import { getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { locales, type Locale } from '../i18n/locales'
import { logout, switchLanguage } from '../actions/account'
import { session } from '../session'
import { hasAnyRole } from '../../src/domain/roles'
import { Bell } from './Bell'

/** Every portal page: a skip link, the header (notifications, language, sign out), the page. */
export const Layout = async ({ locale, path, children }: { locale: Locale; path: string; children: ReactNode }) => {
  const t = await getTranslations({ locale, namespace: 'layout' })
  const { user } = await session()
  const other = locales.find((candidate) => candidate !== locale)!
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          {t('skip')}
        </a>
        <header className="bg-brand text-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            <a href={`/${locale}`} className="text-lg font-bold tracking-tight">
              Kelasi
            </a>
            <nav aria-label={t('accountNav')} className="ml-auto flex flex-wrap items-center gap-3 text-sm">
              {user && hasAnyRole(user, ['parent', 'student']) ? (
                <>
                  <a href={`/${locale}/messages`} aria-current={path.startsWith(`/${locale}/messages`) ? 'page' : undefined} className="underline underline-offset-2">
                    {t('messages')}
                  </a>
                  <a href={`/${locale}/announcements`} aria-current={path === `/${locale}/announcements` ? 'page' : undefined} className="underline underline-offset-2">
                    {t('announcements')}
                  </a>
                </>
              ) : null}
              {user ? <Bell locale={locale} user={user} /> : null}
              {user && hasAnyRole(user, ['parent']) ? (
                <a href={`/${locale}/link`} className="underline underline-offset-2">
                  {t('linkChild')}
                </a>
              ) : null}
              <form action={switchLanguage.bind(null, other, path)}>
                <button type="submit" lang={other} className="rounded border border-white/70 px-2 py-1 hover:bg-white/10">
                  {t('otherLanguage')}
                </button>
              </form>
              {user ? (
                <form action={logout.bind(null, locale)}>
                  <button type="submit" className="rounded bg-white px-2 py-1 font-medium text-brand-dark hover:bg-slate-100">
                    {t('logout')}
                  </button>
                </form>
              ) : null}
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 pb-24 pt-6 md:pb-10">
          {children}
        </main>
      </body>
    </html>
  )
}
