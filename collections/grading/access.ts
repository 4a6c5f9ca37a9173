import { anyOf, isIT, staffOf } from '../../src/access/predicates'
import type { PayloadRequest } from 'payload'
import { pairScoped, teachesPair } from '../../src/access/scopes'
import { hasAnyRole } from '../../src/domain/roles'

/** Who keeps the marks registers of a school besides the teachers: the direction. */
export const markKeepers = ['admin'] as const

/** Changing or removing an evaluation or a mark: IT, the direction, and the teacher of that class × subject. */
export const markWriters = anyOf(isIT, staffOf([...markKeepers]), pairScoped)

/** Whether the request may put marks on this class × subject: the system, IT, the direction, or its teacher. */
export const keepsPair = async (req: PayloadRequest, klass: unknown, subject: unknown) =>
  !req.user || hasAnyRole(req.user, ['it', ...markKeepers]) || teachesPair(req, klass, subject)
