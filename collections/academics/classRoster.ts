import type { PayloadRequest, SelectType } from 'payload'
import type { ID } from '../../src/access/ids'
import { classStudents } from './classStudents'

type Reader = { system?: boolean; select?: SelectType; populate?: Record<string, SelectType> }

const collator = new Intl.Collator('fr', { sensitivity: 'base' })
type Names = { lastName?: string | null; postName?: string | null; firstName?: string | null }
const registerOrder = (a: Names, b: Names) =>
  collator.compare(a.lastName ?? '', b.lastName ?? '') || collator.compare(a.postName ?? '', b.postName ?? '') || collator.compare(a.firstName ?? '', b.firstName ?? '')

/**
 * Students by id in the order of a register (surname, post-name, first name), read as the
 * caller, so that field rules apply (finance gets names only); `system` reads everything.
 */
export const studentsInOrder = async (req: PayloadRequest, ids: ID[], { system = false, select, populate }: Reader = {}) => {
  if (!ids.length) return []
  const found = await req.payload.find({ collection: 'students', where: { id: { in: ids } }, pagination: false, depth: populate ? 1 : 0, select, populate, overrideAccess: system, req })
  return found.docs.sort(registerOrder)
}

/** The class's active students, in register order. */
export const classRoster = async (req: PayloadRequest, klass: ID, reader: Reader = {}) =>
  studentsInOrder(req, [...(await classStudents(req, klass)).keys()], reader)
