import { t } from '../../i18n'
import { runStatuses } from '../../reportCards/runs'
import { fieldKeys, stringKeys, type RunStatus, type RunStrings } from './strings'

/** Every string of the panel and the cell in one language (server side: the dictionaries stay off the client). */
export const runStrings = (language: string): RunStrings => ({
  ...(Object.fromEntries(stringKeys.map((key) => [key, t(language, `reportCardRun.${key}`)])) as Record<(typeof stringKeys)[number], string>),
  ...(Object.fromEntries(fieldKeys.map((key) => [key, t(language, `fields.${key}`)])) as Record<(typeof fieldKeys)[number], string>),
  statuses: Object.fromEntries(runStatuses.map((status) => [status, t(language, `options.reportCardRunStatus.${status}`)])) as Record<RunStatus, string>,
})

