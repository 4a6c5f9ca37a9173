import { notFound } from 'next/navigation'
import type { Section } from './components/ChildNav'
import { child } from './family'
import type { Locale } from './i18n/locales'
import { familyMember } from './session'

/** A page about one of the family's students: signed in, theirs, and (invoices) for parents only. */
export const childPageOf = async (locale: Locale, id: string, section: Section) => {
  const member = await familyMember(locale, `/${locale}/students/${id}/${section}`)
  if (section === 'invoices' && !member.isParent) notFound()
  return { member, child: await child(member, id), withInvoices: member.isParent }
}
