import { getTranslations } from 'next-intl/server'
import { redirect } from 'next/navigation'
import { Card, Empty, linkClass, Title } from '../components/ui'
import { children } from '../family'
import type { Locale } from '../i18n/locales'
import { familyMember } from '../session'

/** A parent's children; a student goes straight to their marks. */
export const Home = async ({ locale }: { locale: Locale }) => {
  const member = await familyMember(locale, `/${locale}`)
  const t = await getTranslations({ locale, namespace: 'home' })
  const family = await children(member)
  if (!member.isParent && member.isStudent && family.length === 1) redirect(`/${locale}/students/${family[0].id}/marks`)
  return (
    <>
      <Title lead={t('lead', { name: member.user.name })}>{member.isParent ? t('titleParent') : t('title')}</Title>
      {family.length ? (
        <ul className="grid gap-4 sm:grid-cols-2">
          {family.map((c) => (
            <li key={c.id}>
              <Card title={c.fullName}>
                <p className="text-slate-700">
                  {c.class?.name ?? t('noClass')} · {c.school.name}
                </p>
                <p className="text-sm text-slate-700">{t('matricule', { matricule: c.matricule })}</p>
                <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
                  <li>
                    <a className={linkClass} href={`/${locale}/students/${c.id}/marks`}>
                      {t('marks')}
                    </a>
                  </li>
                  <li>
                    <a className={linkClass} href={`/${locale}/students/${c.id}/attendance`}>
                      {t('attendance')}
                    </a>
                  </li>
                  <li>
                    <a className={linkClass} href={`/${locale}/students/${c.id}/resources`}>
                      {t('resources')}
                    </a>
                  </li>
                  {member.isParent ? (
                    <li>
                      <a className={linkClass} href={`/${locale}/students/${c.id}/invoices`}>
                        {t('invoices')}
                      </a>
                    </li>
                  ) : null}
                </ul>
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>
          {member.isParent ? (
            <>
              {t('noChildren')}{' '}
              <a className={linkClass} href={`/${locale}/link`}>
                {t('linkFirst')}
              </a>
            </>
          ) : (
            <>
              {t('notFamily')}{' '}
              <a className={linkClass} href="/admin">
                {t('admin')}
              </a>
            </>
          )}
        </Empty>
      )}
    </>
  )
}
