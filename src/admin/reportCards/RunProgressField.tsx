import type { UIFieldServerProps } from 'payload'
import { idOf } from '../../access/ids'
import { RunProgress } from './RunProgress'
import { runStrings } from './runStrings'
import type { RunState } from './strings'

/**
 * The progress panel on a run's edit view (a `ui` field): the run read with the viewer's own
 * access, its term and pupil named, and the strings in the viewer's language; the panel does the rest.
 */
export const RunProgressField = async ({ id, operation, payload, req, i18n }: UIFieldServerProps) => {
  if (id === undefined || operation === 'create') return null
  const as = { depth: 0, overrideAccess: false, user: req.user, req } as const
  const run = await payload.findByID({ collection: 'report-card-runs', id, ...as, disableErrors: true })
  if (!run) return null
  const termId = idOf(run.term)!
  const term = await payload.findByID({ collection: 'terms', id: termId, ...as, disableErrors: true })
  const studentId = run.scope === 'student' ? idOf(run.student) : undefined
  const student = studentId === undefined ? null : await payload.findByID({ collection: 'students', id: studentId, ...as, disableErrors: true })
  const { routes } = payload.config
  const initial: RunState = {
    id: run.id,
    status: run.status ?? 'queued',
    classesTotal: run.classesTotal,
    classesDone: run.classesDone,
    attempts: run.attempts,
    cardsCreated: run.cardsCreated,
    cardsUpdated: run.cardsUpdated,
    cardsKept: run.cardsKept,
    error: run.error,
  }
  return (
    <RunProgress
      initial={initial}
      scope={run.scope}
      term={{ id: termId, name: term?.name ?? `#${termId}` }}
      student={studentId === undefined ? undefined : { id: studentId, name: student?.fullName ?? `#${studentId}` }}
      routes={{ api: routes.api, admin: routes.admin }}
      strings={runStrings(i18n.language)}
      language={i18n.language}
    />
  )
}
