'use client'
import { ProgressBar } from './ProgressBar'
import { doneOf, fill, isActive, type RunState, type RunStrings } from './strings'
import { useRun } from './useRun'

type Props = { initial: RunState; api: string; strings: Pick<RunStrings, 'cell' | 'statuses'>; language: string }

/** One run's progress in the list: a small bar, « 3 / 12 » and the status; read again every 2 s while it goes on. */
export const RunProgressBadge = ({ initial, api, strings: s, language }: Props) => {
  const { run } = useRun(api, initial)
  const done = doneOf(run).length
  const total = run.classesTotal ?? 0
  const text = fill(s.cell, { done: done.toLocaleString(language), total: total.toLocaleString(language) })
  const status = s.statuses[run.status] ?? run.status
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap' }} className="kelasi-run-progress-cell">
      <ProgressBar done={done} total={total} text={text} label={status} compact />
      <span aria-live={isActive(initial.status) ? 'polite' : undefined} style={{ color: run.status === 'failed' ? 'var(--theme-error-500)' : undefined }}>
        {status}
      </span>
    </div>
  )
}
