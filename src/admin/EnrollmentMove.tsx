import type { BeforeDocumentControlsServerProps } from 'payload'
import { idOf } from '../access/ids'
import { t } from '../i18n'
import { EnrollmentMoveButton } from './EnrollmentMoveButton'

/** On an active enrollment: move the pupil to another class of the same year (the history is kept). */
export const EnrollmentMove = async ({ id, i18n, payload, permissions, user }: BeforeDocumentControlsServerProps) => {
  if (id === undefined || !permissions?.collections?.enrollments?.update) return null
  const enrollment = await payload.findByID({ collection: 'enrollments', id, depth: 0, user, overrideAccess: false, disableErrors: true })
  if (!enrollment || enrollment.status !== 'active') return null
  const classes = await payload.find({
    collection: 'classes',
    where: { schoolYear: { equals: idOf(enrollment.schoolYear) }, id: { not_equals: idOf(enrollment.class) } },
    sort: 'name',
    pagination: false,
    depth: 0,
    select: { name: true },
    user,
    overrideAccess: false,
  })
  const text = (key: string) => t(i18n.language, `enrollmentMove.${key}`)
  return (
    <EnrollmentMoveButton
      action={`${payload.config.routes.api}/enrollments/${id}/move`}
      adminRoute={`${payload.config.routes.admin}/collections/enrollments`}
      classes={classes.docs.map((klass) => ({ id: klass.id, name: klass.name }))}
      labels={{ button: text('button'), class: text('class'), date: text('date'), confirm: text('confirm'), cancel: text('cancel'), failed: text('failed') }}
    />
  )
}
