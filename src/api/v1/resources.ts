import type { CollectionSlug } from 'payload'

/**
 * The collections the simple REST API serves at /api/v1/<resource>: what a teacher's workspace
 * and a school's integrators need. The name is the collection's slug; `search` is what
 * `filter={"q":"…"}` looks in. Who sees which rows is each collection's own access.
 */
export const resources = {
  schools: { search: ['name', 'code'] },
  'school-years': { search: ['name'] },
  terms: { search: ['name', 'code'] },
  levels: { search: ['name', 'code'] },
  classes: { search: ['name', 'code'] },
  subjects: { search: ['name', 'code'] },
  rooms: { search: ['name', 'code'] },
  teachers: { search: ['fullName'] },
  students: { search: ['fullName', 'matricule'] },
  guardians: { search: ['fullName', 'phone', 'email'] },
  enrollments: { search: [] },
  'course-assignments': { search: [] },
  'timetable-slots': { search: ['title'] },
  attendance: { search: ['note'] },
  evaluations: { search: ['title'] },
  grades: { search: [] },
  'report-cards': { search: [] },
  'fee-schedules': { search: ['name'] },
  invoices: { search: ['number'] },
  payments: { search: ['receiptNumber', 'providerReference'] },
  resources: { search: ['title', 'description'] },
  conversations: { search: ['topic'] },
  messages: { search: [] },
  announcements: { search: ['title'] },
  notifications: { search: [] },
} satisfies Partial<Record<CollectionSlug, { search: string[] }>>

export type Resource = keyof typeof resources

export const isResource = (name: string): name is Resource => Object.hasOwn(resources, name)
