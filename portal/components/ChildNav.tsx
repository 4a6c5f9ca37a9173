import { getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import type { Child } from '../family'
import type { Locale } from '../i18n/locales'

export const sections = ['marks', 'report-cards', 'attendance', 'timetable', 'resources', 'invoices'] as const
export type Section = (typeof sections)[number]

/** A child's pages: the name and class on top, the sections as a bottom bar on a phone, a side list on a screen. */
export const ChildPage = async ({ locale, child, section, withInvoices, children }: { locale: Locale; child: Child; section: Section; withInvoices: boolean; children: ReactNode }) => {
  const t = await getTranslations({ locale, namespace: 'child' })
  const shown = sections.filter((s) => s !== 'invoices' || withInvoices)
  return (
    <div className="md:flex md:gap-8">
      <nav aria-label={t('sections')} className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-300 bg-white md:static md:w-48 md:shrink-0 md:border-0 md:bg-transparent">
        <ul className="flex justify-around md:flex-col md:gap-1">
          {shown.map((s) => (
            <li key={s} className="flex-1 md:flex-none">
              <a
                href={`/${locale}/students/${child.id}/${s}`}
                aria-current={s === section ? 'page' : undefined}
                className={`block px-1 py-3 text-center text-xs font-medium md:rounded md:px-3 md:py-2 md:text-left md:text-base ${s === section ? 'bg-brand text-white' : 'text-slate-800 hover:bg-slate-200'}`}
              >
                {t(`nav.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 flex-1">
        <p className="text-sm text-slate-700">
          {child.fullName} · {child.class?.name ?? t('noClass')} · {child.school.name}
        </p>
        {children}
      </div>
    </div>
  )
}
