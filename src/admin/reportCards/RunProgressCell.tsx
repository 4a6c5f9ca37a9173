import type { DefaultServerCellComponentProps } from 'payload'
import { RunProgressBadge } from './RunProgressBadge'
import { runStrings } from './runStrings'
import type { RunState } from './strings'

/** The progress column of the runs list: « 3 / 12 » and the status, kept current while the run goes on. */
export const RunProgressCell = ({ rowData, i18n, payload }: DefaultServerCellComponentProps) => {
  const run = rowData as RunState
  if (run?.id === undefined) return null
  const s = runStrings(i18n.language)
  const initial: RunState = { id: run.id, status: run.status, classesTotal: run.classesTotal, classesDone: run.classesDone }
  return <RunProgressBadge initial={initial} api={payload.config.routes.api} strings={{ cell: s.cell, statuses: s.statuses }} language={i18n.language} />
}
