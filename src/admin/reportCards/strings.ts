import type { runStatuses } from '../../reportCards/runs'

/** The `reportCardRun.*` strings the progress panel and cell show, sent to them already in the user's language. */
export const stringKeys = [
  'title',
  'classes',
  'status',
  'live',
  'loadFailed',
  'resultsTitle',
  'classPdf',
  'pupilPdf',
  'publish',
  'publishing',
  'confirmTitle',
  'confirmClass',
  'confirmPupil',
  'confirm',
  'cancel',
  'publishedNone',
  'publishedOne',
  'publishedMany',
  'publishFailed',
  'termCards',
  'classCards',
  'noClasses',
  'cell',
] as const

/** Counts shown as they are labelled on the run's own fields. */
export const fieldKeys = ['cardsCreated', 'cardsUpdated', 'cardsKept', 'attempts', 'error'] as const

export type RunStatus = (typeof runStatuses)[number]
export type RunStrings = Record<(typeof stringKeys)[number] | (typeof fieldKeys)[number], string> & { statuses: Record<RunStatus, string> }

/** The run's figures as the REST API returns them (depth 0). */
export type RunState = {
  id: number | string
  status: RunStatus
  classesTotal?: number | null
  classesDone?: unknown
  attempts?: number | null
  cardsCreated?: number | null
  cardsUpdated?: number | null
  cardsKept?: number | null
  error?: string | null
}

/** Still to be carried out, or being carried out: worth watching. */
export const isActive = (status: string | undefined) => status === 'queued' || status === 'running' || status === 'retrying'

/** The class ids a run has done, as its JSON field holds them. */
export const doneOf = (run: Pick<RunState, 'classesDone'>) => (Array.isArray(run.classesDone) ? (run.classesDone as (number | string)[]) : [])

/** Fills `{{name}}` placeholders, as src/i18n does on the server. */
export const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name) => String(vars[name] ?? ''))
