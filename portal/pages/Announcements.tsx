import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { getTranslations } from 'next-intl/server'
import { idOf, type ID } from '../../src/access/ids'
import type { Announcement, AnnouncementFile, Class, Level } from '../../payload-types'
import { Empty, linkClass, Title } from '../components/ui'
import { children } from '../family'
import { formatMoment } from '../format'
import type { Locale } from '../i18n/locales'
import { familyMember } from '../session'

/**
 * What the school says to this family, newest first: the announcements Payload's read rule gives
 * this account (on show now, to an audience they belong to), each saying whom it is for (which
 * child, when it is for a class or a level), its text rendered to HTML here, and its files.
 */
export const Announcements = async ({ locale }: { locale: Locale }) => {
  const member = await familyMember(locale, `/${locale}/announcements`)
  const t = await getTranslations({ locale, namespace: 'announcements' })
  const { payload, req } = member
  const asMember = { overrideAccess: false, req } as const
  const [family, found] = await Promise.all([
    children(member),
    payload.find({
      collection: 'announcements',
      select: { title: true, body: true, audience: true, class: true, level: true, roles: true, publishAt: true },
      populate: { classes: { name: true, level: true }, levels: { name: true } },
      depth: 1,
      joins: false,
      sort: '-publishAt',
      limit: 50,
      ...asMember,
    }),
  ])
  const docs = found.docs as Partial<Announcement>[]
  const files = docs.length
    ? ((
        await payload.find({
          collection: 'announcement-files',
          where: { announcement: { in: docs.map((doc) => doc.id!) } },
          select: { announcement: true, url: true, filename: true, description: true },
          depth: 0,
          sort: 'id',
          pagination: false,
          ...asMember,
        })
      ).docs as Partial<AnnouncementFile>[])
    : []
  // Each child's class and level, to say which child a class's or a level's announcement is about.
  const classIds = family.flatMap((c) => (c.class ? [c.class.id] : []))
  const levelOf = new Map<string, ID | undefined>(
    classIds.length
      ? (await payload.find({ collection: 'classes', where: { id: { in: classIds } }, select: { level: true }, depth: 0, pagination: false, ...asMember })).docs.map((c) => [String(c.id), idOf(c.level as ID)])
      : [],
  )
  const concerned = (doc: Partial<Announcement>) => {
    const klass = idOf(doc.class as Class | null)
    const level = idOf(doc.level as Level | null)
    return family
      .filter((c) => c.class && (doc.audience === 'class' ? String(c.class.id) === String(klass) : String(levelOf.get(String(c.class.id))) === String(level)))
      .map((c) => c.fullName)
  }
  const audienceOf = (doc: Partial<Announcement>) => {
    if (doc.audience === 'class') return t('forClass', { class: (doc.class as Class | null)?.name ?? '', children: concerned(doc).join(', ') })
    if (doc.audience === 'level') return t('forLevel', { level: (doc.level as Level | null)?.name ?? '', children: concerned(doc).join(', ') })
    if (doc.audience === 'role') return t('forGroups', { groups: (doc.roles ?? []).map((role) => t(`group.${role}`)).join(', ') })
    return t('forSchool')
  }
  return (
    <>
      <Title lead={t('lead')}>{t('title')}</Title>
      {docs.length ? (
        <ul className="space-y-4">
          {docs.map((doc) => {
            const attached = files.filter((file) => String(idOf(file.announcement as ID)) === String(doc.id))
            return (
              <li key={doc.id}>
                <article className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
                  <h2 className="text-lg font-semibold">{doc.title}</h2>
                  <p className="text-sm text-slate-700">{[audienceOf(doc), formatMoment(locale, doc.publishAt)].join(' · ')}</p>
                  <div className="announcement-body mt-2 space-y-2" dangerouslySetInnerHTML={{ __html: doc.body ? convertLexicalToHTML({ data: doc.body as unknown as SerializedEditorState }) : '' }} />
                  {attached.length ? (
                    <ul className="mt-3 space-y-1">
                      {attached.map((file) => (
                        <li key={file.id}>
                          <a href={file.url ?? '#'} download={file.filename ?? undefined} className={linkClass}>
                            {t('download', { name: file.description || file.filename || '' })}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </article>
              </li>
            )
          })}
        </ul>
      ) : (
        <Empty>{t('none')}</Empty>
      )}
    </>
  )
}
