export type ID = number | string
type Ref = ID | { id: ID } | null | undefined

/** A relation as stored or as populated: always its id. */
export const idOf = (ref: Ref): ID | undefined =>
  ref && typeof ref === 'object' ? ref.id : (ref ?? undefined)

export const idsOf = (refs: unknown): ID[] =>
  Array.isArray(refs) ? (refs.map((r) => idOf(r as Ref)).filter((id) => id !== undefined) as ID[]) : []

/** The schools a record belongs to: its `school`, or its `schools`. */
export const schoolIdsOf = (record: unknown): ID[] => {
  const { school, schools } = (record ?? {}) as { school?: Ref; schools?: unknown }
  const single = idOf(school)
  return single !== undefined ? [single] : idsOf(schools)
}

/** An id as the database keys it: a number when it reads as one (a form's or a token's id may be text). */
export const storedId = (id: ID): ID => (typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id)
