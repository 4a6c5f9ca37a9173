import type { Payload, TypedUser } from 'payload'
import { stringify } from 'qs-esm'
import { graphql, rest } from './http'

/**
 * One interface over the ways in: the Local API as a user (`overrideAccess: false`),
 * REST, GraphQL and the simple REST API (/api/v1, for the collections it serves). Each answers what a user would see: ids listed, a record read or refused,
 * a write done or refused. Any other failure throws, so a bug never passes for a refusal.
 */
export type Caller = { user?: TypedUser; token?: string }
export type Outcome = 'ok' | 'refused'
export type Channel = {
  name: 'local' | 'rest' | 'graphql' | 'v1'
  list: (slug: string, ids: Id[]) => Promise<Id[]>
  read: (slug: string, id: Id) => Promise<Outcome>
  create: (slug: string, data: Record<string, unknown>) => Promise<Outcome>
  update: (slug: string, id: Id, data: Record<string, unknown>) => Promise<Outcome>
  remove: (slug: string, id: Id) => Promise<Outcome>
}
type Id = number | string

const refusedStatus = new Set([401, 403, 404])

const localRefusal = (error: unknown): Outcome => {
  const status = (error as { status?: number }).status
  if (status && refusedStatus.has(status)) return 'refused'
  throw error
}

export const localChannel = (payload: Payload, caller: Caller): Channel => {
  const as = { user: caller.user, overrideAccess: false, depth: 0 } as const
  const slugged = (slug: string) => slug as 'students'
  return {
    name: 'local',
    list: async (slug, ids) => {
      try {
        const result = await payload.find({ collection: slugged(slug), where: { id: { in: ids } }, limit: 500, ...as })
        return result.docs.map((doc) => doc.id)
      } catch (error) {
        localRefusal(error)
        return []
      }
    },
    read: (slug, id) => payload.findByID({ collection: slugged(slug), id, ...as }).then(() => 'ok' as const, localRefusal),
    create: (slug, data) => {
      const { file, ...rest } = data as { file?: never }
      return payload.create({ collection: slugged(slug), data: rest as never, file, ...as }).then(() => 'ok' as const, localRefusal)
    },
    update: (slug, id, data) =>
      payload.update({ collection: slugged(slug), id, data: data as never, ...as }).then(() => 'ok' as const, localRefusal),
    remove: (slug, id) => payload.delete({ collection: slugged(slug), id, ...as }).then(() => 'ok' as const, localRefusal),
  }
}

const restOutcome = (result: { status: number; body: unknown }, success: number[]): Outcome => {
  if (success.includes(result.status)) return 'ok'
  if (refusedStatus.has(result.status)) return 'refused'
  throw new Error(`Unexpected ${result.status}: ${JSON.stringify(result.body)}`)
}

export const restChannel = (caller: Caller): Channel => {
  const token = caller.token
  return {
    name: 'rest',
    list: async (slug, ids) => {
      const query = stringify({ where: { id: { in: ids } }, limit: 500, depth: 0 }, { addQueryPrefix: true })
      const result = await rest('GET', `/${slug}${query}`, { token })
      if (refusedStatus.has(result.status)) return []
      if (result.status !== 200) throw new Error(`Unexpected ${result.status}: ${JSON.stringify(result.body)}`)
      return result.body.docs.map((doc: { id: Id }) => doc.id)
    },
    read: async (slug, id) => restOutcome(await rest('GET', `/${slug}/${id}?depth=0`, { token }), [200]),
    create: async (slug, data) => {
      const { file, ...fields } = data as { file?: { data: Buffer; mimetype: string; name: string } }
      if (file) {
        const form = new FormData()
        form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
        form.append('_payload', JSON.stringify(fields))
        return restOutcome(await rest('POST', `/${slug}`, { token, form }), [200, 201])
      }
      return restOutcome(await rest('POST', `/${slug}`, { token, body: fields }), [200, 201])
    },
    update: async (slug, id, data) => restOutcome(await rest('PATCH', `/${slug}/${id}`, { token, body: data }), [200]),
    remove: async (slug, id) => restOutcome(await rest('DELETE', `/${slug}/${id}`, { token }), [200]),
  }
}

/** The simple REST API (ra-data-simple-rest's protocol) at /api/v1. */
export const simpleRestChannel = (caller: Caller): Channel => {
  const token = caller.token
  return {
    name: 'v1',
    list: async (slug, ids) => {
      const query = new URLSearchParams({ filter: JSON.stringify({ id: ids }), range: JSON.stringify([0, 499]) })
      const result = await rest('GET', `/v1/${slug}?${query}`, { token })
      if (refusedStatus.has(result.status)) return []
      if (result.status !== 200) throw new Error(`Unexpected ${result.status}: ${JSON.stringify(result.body)}`)
      return result.body.map((doc: { id: Id }) => doc.id)
    },
    read: async (slug, id) => restOutcome(await rest('GET', `/v1/${slug}/${id}`, { token }), [200]),
    create: async (slug, data) => restOutcome(await rest('POST', `/v1/${slug}`, { token, body: data }), [201]),
    update: async (slug, id, data) => restOutcome(await rest('PUT', `/v1/${slug}/${id}`, { token, body: data }), [200]),
    remove: async (slug, id) => restOutcome(await rest('DELETE', `/v1/${slug}/${id}`, { token }), [200]),
  }
}

/** GraphQL names of each collection, as set in its `graphQL` option. */
export const graphqlNames: Record<string, { one: string; many: string }> = {
  users: { one: 'User', many: 'Users' },
  schools: { one: 'School', many: 'Schools' },
  'school-years': { one: 'SchoolYear', many: 'SchoolYears' },
  terms: { one: 'Term', many: 'Terms' },
  students: { one: 'Student', many: 'Students' },
  guardians: { one: 'Guardian', many: 'Guardians' },
  'link-codes': { one: 'LinkCode', many: 'LinkCodes' },
  teachers: { one: 'Teacher', many: 'Teachers' },
  classes: { one: 'Class', many: 'Classes' },
  'course-assignments': { one: 'CourseAssignment', many: 'CourseAssignments' },
  enrollments: { one: 'Enrollment', many: 'Enrollments' },
  media: { one: 'MediaItem', many: 'Media' },
  'audit-logs': { one: 'AuditLog', many: 'AuditLogs' },
  levels: { one: 'Level', many: 'Levels' },
  subjects: { one: 'Subject', many: 'Subjects' },
  rooms: { one: 'Room', many: 'Rooms' },
  'timetable-slots': { one: 'TimetableSlot', many: 'TimetableSlots' },
  attendance: { one: 'AttendanceRecord', many: 'AttendanceRecords' },
  evaluations: { one: 'Evaluation', many: 'Evaluations' },
  grades: { one: 'Grade', many: 'Grades' },
  'report-cards': { one: 'ReportCard', many: 'ReportCards' },
  'report-card-runs': { one: 'ReportCardRun', many: 'ReportCardRuns' },
  'fee-schedules': { one: 'FeeSchedule', many: 'FeeSchedules' },
  discounts: { one: 'Discount', many: 'Discounts' },
  invoices: { one: 'Invoice', many: 'Invoices' },
  payments: { one: 'Payment', many: 'Payments' },
  reconciliations: { one: 'Reconciliation', many: 'Reconciliations' },
  expenses: { one: 'Expense', many: 'Expenses' },
  'staff-members': { one: 'StaffMember', many: 'StaffMembers' },
  payroll: { one: 'Payslip', many: 'Payslips' },
  'number-sequences': { one: 'NumberSequence', many: 'NumberSequences' },
  'payment-events': { one: 'PaymentEvent', many: 'PaymentEvents' },
  resources: { one: 'Resource', many: 'Resources' },
  notifications: { one: 'Notification', many: 'Notifications' },
  // Payload's own jobs collection (tests/int/internal-collections.test.ts checks nobody reaches it).
  'payload-jobs': { one: 'PayloadJob', many: 'PayloadJobs' },
}

const graphqlOutcome = (result: { status: number; body: any }, field: string): Outcome => {
  const errors = result.body?.errors as { extensions?: { statusCode?: number }; message: string }[] | undefined
  if (!errors?.length && result.body?.data?.[field]) return 'ok'
  if (errors?.length && errors.every((e) => refusedStatus.has(e.extensions?.statusCode ?? 0))) return 'refused'
  throw new Error(`Unexpected GraphQL answer: ${JSON.stringify(result.body)}`)
}

export const graphqlChannel = (caller: Caller): Channel => {
  const token = caller.token
  const call = (query: string, variables: Record<string, unknown> = {}) => graphql(query, variables, token)
  return {
    name: 'graphql',
    list: async (slug, ids) => {
      const { many } = graphqlNames[slug]
      // Payload's GraphQL id operators have no `in`: the same filter as an OR of equals.
      const anyOf = ids.map((id) => `{ id: { equals: ${id} } }`).join(', ')
      const result = await call(`query { ${many}(where: { OR: [${anyOf}] }, limit: 500) { docs { id } } }`)
      if (result.body?.errors?.length) {
        graphqlOutcome(result, many)
        return []
      }
      return result.body.data[many].docs.map((doc: { id: Id }) => doc.id)
    },
    read: async (slug, id) => {
      const { one } = graphqlNames[slug]
      return graphqlOutcome(await call(`query($id: Int!) { ${one}(id: $id) { id } }`, { id }), one)
    },
    create: async (slug, data) => {
      const { one } = graphqlNames[slug]
      return graphqlOutcome(
        await call(`mutation($data: mutation${one}Input!) { create${one}(data: $data) { id } }`, { data }),
        `create${one}`,
      )
    },
    update: async (slug, id, data) => {
      const { one } = graphqlNames[slug]
      return graphqlOutcome(
        await call(`mutation($id: Int!, $data: mutation${one}UpdateInput!) { update${one}(id: $id, data: $data) { id } }`, { id, data }),
        `update${one}`,
      )
    },
    remove: async (slug, id) => {
      const { one } = graphqlNames[slug]
      return graphqlOutcome(await call(`mutation($id: Int!) { delete${one}(id: $id) { id } }`, { id }), `delete${one}`)
    },
  }
}
