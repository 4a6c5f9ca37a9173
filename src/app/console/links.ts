import type { Session } from './roll'

/** Where the week's buttons lead, in react-admin's routes. */
export const rollCallPath = (klass: number, day: string, session: Session) => {
  const query = new URLSearchParams({ date: day })
  if (session.slot != null) query.set('slot', String(session.slot))
  else if (session.halfDay) query.set('halfDay', session.halfDay)
  return `/roll-call/${klass}?${query}`
}

export const gradebookPath = (evaluation: number) => `/gradebook/${evaluation}`

/** A list opened already filtered, as react-admin reads its `filter` query parameter. */
export const listPath = (resource: string, filter: Record<string, unknown>) => `/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter) })}`
