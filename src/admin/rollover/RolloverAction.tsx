import type { BeforeDocumentControlsServerProps } from 'payload'
import { idOf } from '../../access/ids'
import { hasAnyRole } from '../../domain/roles'
import { t } from '../../i18n'
import { nextYearName } from '../../rollover/rollover'
import { RolloverDrawer } from './RolloverDrawer'
import { stringKeys, type RolloverStrings } from './strings'

/**
 * "Passage de classe" on a school year's edit view, for the direction and IT: the later years
 * of the school to pick from and the strings in the user's language; the drawer does the rest.
 */
export const RolloverAction = async ({ id, i18n, payload, user }: BeforeDocumentControlsServerProps) => {
  if (id === undefined || !hasAnyRole(user, ['it', 'admin'])) return null
  const as = { depth: 0, overrideAccess: false, user } as const
  const year = await payload.findByID({ collection: 'school-years', id, ...as, disableErrors: true })
  if (!year) return null
  const later = await payload.find({
    collection: 'school-years',
    where: { school: { equals: idOf(year.school) }, startDate: { greater_than: year.startDate } },
    sort: 'startDate',
    pagination: false,
    ...as,
  })
  const language = i18n.language
  const strings = Object.fromEntries(stringKeys.map((key) => [key, t(language, `rollover.${key}`)])) as RolloverStrings
  return (
    <RolloverDrawer
      yearId={year.id}
      yearName={year.name}
      suggestedName={nextYearName(year.name)}
      nextYears={later.docs.map((next) => ({ id: next.id, name: next.name }))}
      strings={strings}
      language={language}
    />
  )
}
