import { anyOf, isIT, staffOf } from '../../src/access/predicates'
import { pairScoped } from '../../src/access/scopes'

/** Who keeps the marks registers of a school besides the teachers: the direction. */
export const markKeepers = ['admin'] as const

/** Changing or removing an evaluation or a mark: IT, the direction, and the teacher of that class × subject. */
export const markWriters = anyOf(isIT, staffOf([...markKeepers]), pairScoped)
