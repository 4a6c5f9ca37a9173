'use client'
/** The audit log's simple filter: selects and days that, once sent, open the list with their `where` in the URL. */
import { useState, type FormEvent } from 'react'
import { auditListHref, type AuditFilter } from '../../domain/auditFilter'

type Choice = { value: string; label: string }
export type AuditLogFilterFormProps = {
  listPath: string
  /** The list's other query parameters (sort, limit), kept across a new filter. */
  keep: Record<string, string>
  initial: AuditFilter
  users: Choice[]
  collections: Choice[]
  actions: Choice[]
  words: Record<'simpleFilter' | 'user' | 'collection' | 'action' | 'from' | 'to' | 'any' | 'filter' | 'reset', string>
}

export const AuditLogFilterForm = ({ listPath, keep, initial, users, collections, actions, words }: AuditLogFilterFormProps) => {
  const [filter, setFilter] = useState<AuditFilter>(initial)
  const set = (key: keyof AuditFilter) => (event: { target: { value: string } }) => setFilter({ ...filter, [key]: event.target.value })
  // A full navigation: the list is drawn by the server from the URL's where.
  const go = (next: AuditFilter) => window.location.assign(auditListHref(listPath, next, keep))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    go(filter)
  }
  const select = (key: 'user' | 'collection' | 'action', choices: Choice[]) => (
    <label style={{ display: 'flex', flexDirection: 'column' }}>
      {words[key]}
      <select name={key} value={filter[key] ?? ''} onChange={set(key)}>
        <option value="">{words.any}</option>
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </label>
  )
  return (
    <form onSubmit={submit} aria-label={words.simpleFilter} style={{ display: 'flex', gap: 'var(--base)', flexWrap: 'wrap', alignItems: 'end', marginBottom: 'var(--base)' }}>
      {select('user', users)}
      {select('collection', collections)}
      {select('action', actions)}
      <label style={{ display: 'flex', flexDirection: 'column' }}>{words.from}<input type="date" name="from" value={filter.from ?? ''} onChange={set('from')} /></label>
      <label style={{ display: 'flex', flexDirection: 'column' }}>{words.to}<input type="date" name="to" value={filter.to ?? ''} onChange={set('to')} /></label>
      <button type="submit" className="btn btn--style-primary btn--size-small">{words.filter}</button>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => go({})}>{words.reset}</button>
    </form>
  )
}
