'use client'
import { useEffect, useRef, useState } from 'react'
import { isActive, type RunState } from './strings'

const step = (value: RunState) => `${value.status}:${Array.isArray(value.classesDone) ? value.classesDone.length : 0}:${value.attempts ?? 0}`

/** How often a run in progress is read again. */
export const pollEvery = 2000

/**
 * The run as last read over REST: read again every 2 s while it is queued, running or retrying,
 * then left alone once done or failed. `onChange` hears of each new step (status or classes done).
 */
export const useRun = (api: string, initial: RunState, onChange?: (run: RunState) => void) => {
  const [run, setRun] = useState(initial)
  const [failure, setFailure] = useState<string | null>(null)
  const heard = useRef(onChange)
  heard.current = onChange
  const active = isActive(run.status)
  const id = initial.id

  useEffect(() => {
    if (!active) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    let last = step(run)
    const read = async () => {
      try {
        const answer = await fetch(`${api}/report-card-runs/${id}?depth=0`, { credentials: 'include', cache: 'no-store' })
        if (!answer.ok) throw new Error(answer.statusText || String(answer.status))
        const next = (await answer.json()) as RunState
        if (stopped) return
        setFailure(null)
        setRun(next)
        if (step(next) !== last) {
          last = step(next)
          heard.current?.(next)
        }
        if (!isActive(next.status)) return
      } catch (error) {
        if (stopped) return
        setFailure((error as Error).message)
      }
      timer = setTimeout(read, pollEvery)
    }
    timer = setTimeout(read, pollEvery)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
    // One polling loop per active spell, started from the run as it then was.
  }, [active, api, id])

  return { run, failure }
}
