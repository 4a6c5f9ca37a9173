import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { setRequestLocale } from 'next-intl/server'
import type { ReactNode } from 'react'
import { Layout } from '@portal/components/Layout'
import { isLocale } from '@portal/i18n/locales'
import '@portal/styles.css'

export default async function PortalLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  setRequestLocale(locale)
  // The proxy passes the path so the language switch lands on the same page in the other language.
  const path = (await headers()).get('x-kelasi-path') ?? '/'
  return (
    <Layout locale={locale} path={path}>
      {children}
    </Layout>
  )
}
