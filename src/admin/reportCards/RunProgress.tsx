'use client'
import { Button, ConfirmationModal, useModal } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'
import { ProgressBar } from './ProgressBar'
import { doneOf, fill, isActive, type RunState, type RunStrings } from './strings'
import { useRun } from './useRun'

type Named = { id: number | string; name: string }
type Props = {
  initial: RunState
  scope: 'school' | 'level' | 'class' | 'student'
  term: Named
  student?: Named
  routes: { api: string; admin: string }
  strings: RunStrings
  language: string
}

/** The answer's error messages, as Payload's REST API words them. */
const problemOf = (body: { errors?: { message?: string; data?: { errors?: { message: string }[] } }[] } | null, fallback: string) =>
  body?.errors?.flatMap((error) => error.data?.errors?.map((e) => e.message) ?? [error.message ?? '']).join(' ') || fallback

const section = { margin: '0 0 calc(var(--base) * 1.5)', padding: 'var(--base)', border: '1px solid var(--theme-elevation-150)', borderRadius: 'var(--style-radius-m, 4px)' } as const
const row = { display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' as const, padding: '8px 0', borderTop: '1px solid var(--theme-elevation-100)' }

/**
 * The run's progress on its edit view: a bar (classes done out of the total), the status in words
 * in a polite live region, the counts and the error; read again every 2 s until done or failed.
 * Once done: each class's merged PDF and a « Publier les bulletins » button (the pupil's card for a
 * pupil's run), and the report-cards list of the term.
 */
export const RunProgress = ({ initial, scope, term, student, routes, strings: s, language }: Props) => {
  const router = useRouter()
  // Each step the job takes is also shown in the run's own (read-only) fields below.
  const { run, failure } = useRun(routes.api, initial, () => router.refresh())
  const done = doneOf(run)
  const total = run.classesTotal ?? 0
  const number = (value: number | null | undefined) => (value ?? 0).toLocaleString(language)
  const counts = [
    [s.cardsCreated, run.cardsCreated],
    [s.cardsUpdated, run.cardsUpdated],
    [s.cardsKept, run.cardsKept],
    [s.attempts, run.attempts],
  ] as const

  return (
    <section style={section} aria-labelledby="kelasi-run-progress-title" className="kelasi-run-progress">
      <h3 id="kelasi-run-progress-title" style={{ margin: '0 0 12px' }}>
        {s.title}
      </h3>
      <ProgressBar done={done.length} total={total} text={fill(s.classes, { done: number(done.length), total: number(total) })} labelledBy="kelasi-run-progress-title" />
      <p role="status" aria-live="polite" style={{ margin: '8px 0' }}>
        <strong>{fill(s.status, { status: s.statuses[run.status] ?? run.status })}</strong>
        {isActive(run.status) ? ` · ${s.live}` : ''}
      </p>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content max-content', columnGap: 16, rowGap: 2, margin: '0 0 8px' }}>
        {counts.map(([name, value]) => (
          <div key={name} style={{ display: 'contents' }}>
            <dt>{name}</dt>
            <dd style={{ margin: 0, fontVariantNumeric: 'tabular-nums' }}>{number(value)}</dd>
          </div>
        ))}
      </dl>
      {run.error && (
        <div role="alert" style={{ color: 'var(--theme-error-500)', whiteSpace: 'pre-wrap' }}>
          <strong>{s.error}</strong> : {run.error}
        </div>
      )}
      {failure && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {fill(s.loadFailed, { reason: failure })}
        </p>
      )}
      {run.status === 'done' && <Results runId={run.id} classIds={done} scope={scope} term={term} student={student} routes={routes} strings={s} language={language} />}
    </section>
  )
}

type ResultsProps = Omit<Props, 'initial'> & { runId: number | string; classIds: (number | string)[] }

/** What to do with the cards once generated: print them, publish them, review them. */
const Results = ({ runId, classIds, scope, term, student, routes, strings: s, language }: ResultsProps) => {
  const [classes, setClasses] = useState<Named[] | null>(null)
  const [card, setCard] = useState<{ id: number | string } | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const key = classIds.join(',')

  useEffect(() => {
    let stopped = false
    const read = async () => {
      try {
        if (scope === 'student' && student) {
          const query = `where[student][equals]=${student.id}&where[term][equals]=${term.id}&depth=0&limit=1`
          const answer = await fetch(`${routes.api}/report-cards?${query}`, { credentials: 'include' })
          const body = await answer.json()
          if (!answer.ok) throw new Error(problemOf(body, answer.statusText))
          if (!stopped) setCard(body.docs[0] ?? null)
        }
        if (!key) return setClasses([])
        const answer = await fetch(`${routes.api}/classes?where[id][in]=${key}&depth=0&pagination=false&select[name]=true`, { credentials: 'include' })
        const body = await answer.json()
        if (!answer.ok) throw new Error(problemOf(body, answer.statusText))
        const names = new Map((body.docs as Named[]).map((klass) => [String(klass.id), klass.name]))
        // In the order the run did them (level order, then name).
        if (!stopped) setClasses(key.split(',').map((id) => ({ id, name: names.get(id) ?? `#${id}` })))
      } catch (error) {
        if (!stopped) setFailure((error as Error).message)
      }
    }
    read()
    return () => {
      stopped = true
    }
  }, [key, scope, student?.id, term.id, routes.api])

  const listOf = (klass?: Named) => {
    const filters = [['term', term.id], ...(klass ? [['class', klass.id]] : [])]
    const where = filters.map(([field, id], index) => `where[or][0][and][${index}][${field}][equals]=${id}`).join('&')
    return `${routes.admin}/collections/report-cards?${where}`
  }

  return (
    <div style={{ marginTop: 16 }}>
      <h4 style={{ margin: '0 0 8px' }}>{s.resultsTitle}</h4>
      {failure && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {fill(s.loadFailed, { reason: failure })}
        </p>
      )}
      {scope === 'student' && student ? (
        <div style={row}>
          <strong style={{ minWidth: 160 }}>{student.name}</strong>
          {card && (
            <a href={`${routes.api}/report-cards/${card.id}/pdf`} target="_blank" rel="noopener">
              {s.pupilPdf}
            </a>
          )}
          <Publish slug={`kelasi-publish-${runId}-student`} body={{ term: term.id, student: student.id }} question={fill(s.confirmPupil, { student: student.name, term: term.name })} api={routes.api} strings={s} language={language} />
        </div>
      ) : classes && !classes.length ? (
        <p>{s.noClasses}</p>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={s.resultsTitle}>
          {(classes ?? []).map((klass) => (
            <li key={klass.id} style={row} data-class={klass.id}>
              <strong style={{ minWidth: 160 }}>{klass.name}</strong>
              <a href={`${routes.api}/report-cards/class-pdf?class=${klass.id}&term=${term.id}`} target="_blank" rel="noopener">
                {s.classPdf}
              </a>
              <a href={listOf(klass)}>{fill(s.classCards, { class: klass.name })}</a>
              <Publish slug={`kelasi-publish-${runId}-${klass.id}`} body={{ term: term.id, class: klass.id }} question={fill(s.confirmClass, { class: klass.name, term: term.name })} api={routes.api} strings={s} language={language} />
            </li>
          ))}
        </ul>
      )}
      <p style={{ marginTop: 12 }}>
        <a href={listOf()}>{fill(s.termCards, { term: term.name })}</a>
      </p>
    </div>
  )
}

type PublishProps = { slug: string; body: Record<string, unknown>; question: string; api: string; strings: RunStrings; language: string }

/** « Publier les bulletins », after a confirmation; then how many were published, or why not. */
const Publish = ({ slug, body, question, api, strings: s, language }: PublishProps) => {
  const { openModal } = useModal()
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const publish = async () => {
    setBusy(true)
    setOutcome(null)
    try {
      const answer = await fetch(`${api}/report-cards/publish`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
        body: JSON.stringify(body),
      })
      const result = await answer.json().catch(() => null)
      if (!answer.ok) throw new Error(problemOf(result, `${answer.status} ${answer.statusText}`))
      const count = Number(result?.published ?? 0)
      const message = count === 0 ? s.publishedNone : count === 1 ? s.publishedOne : fill(s.publishedMany, { count: count.toLocaleString(language) })
      setOutcome({ ok: true, message })
    } catch (error) {
      setOutcome({ ok: false, message: fill(s.publishFailed, { reason: (error as Error).message }) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button size="small" margin={false} disabled={busy} onClick={() => openModal(slug)}>
        {busy ? s.publishing : s.publish}
      </Button>
      <span role="status">{outcome?.ok ? outcome.message : ''}</span>
      {outcome && !outcome.ok && (
        <span role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {outcome.message}
        </span>
      )}
      <ConfirmationModal modalSlug={slug} heading={s.confirmTitle} body={question} confirmLabel={s.confirm} cancelLabel={s.cancel} confirmingLabel={s.publishing} onConfirm={publish} />
    </>
  )
}
