/** `/admin/import`: the class-list import page, inside the admin's own frame and navigation. */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { idsOf } from '../access/ids'
import { hasAnyRole } from '../domain/roles'
import { t } from '../i18n'
import { StudentImport, type ImportStrings } from './StudentImport'

const keys = [
  'intro', 'file', 'school', 'class', 'classFromFile', 'dryRun', 'submit', 'check', 'running', 'progress', 'done', 'dryRunDone', 'failed',
  'counts.rows', 'counts.created', 'counts.updated', 'counts.unchanged', 'counts.rejected', 'errorsTitle', 'row', 'column', 'reason', 'download',
] as const

export const StudentImportView = async ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const { payload, user, i18n } = req
  const admin = payload.config.routes.admin
  if (!user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}/import`)}`)
  const language = i18n.language
  const strings = Object.fromEntries(keys.map((key) => [key, t(language, `import.${key}`)])) as ImportStrings
  const allowed = Boolean(permissions.collections?.students?.create)

  const as = { user, overrideAccess: false, depth: 0, pagination: false } as const
  const schools = allowed
    ? (await payload.find({ collection: 'schools', ...as, sort: 'name', ...(hasAnyRole(user, ['it']) ? {} : { where: { id: { in: idsOf(user.schools) } } }) })).docs
    : []
  const years = await payload.find({ collection: 'school-years', ...as, where: { school: { in: schools.map((school) => school.id) }, current: { equals: true } } })
  const classes = await payload.find({ collection: 'classes', ...as, sort: 'name', where: { schoolYear: { in: years.docs.map((year) => year.id) } } })

  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user}
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: t(language, 'collections.students.plural'), url: `${admin}/collections/students` }, { label: t(language, 'import.title') }]} />
      <Gutter>
        <h1>{t(language, 'import.title')}</h1>
        {allowed ? (
          <StudentImport
            strings={strings}
            apiRoute={payload.config.routes.api}
            schools={schools.map((school) => ({ id: school.id, code: school.code, name: school.name }))}
            classes={classes.docs.map((klass) => ({ school: idsOf([klass.school])[0], code: klass.code, name: klass.name }))}
          />
        ) : (
          <p>{t(language, 'errors.import.forbidden')}</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
