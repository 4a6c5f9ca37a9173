import { APIError, type Endpoint } from 'payload'
import { idOf, type ID } from '../../src/access/ids'
import { bodyOf, needUser } from '../../src/api/request'
import { inTransaction } from '../../src/db/transaction'
import { draftFromSalary, isPeriod } from '../../src/domain/payroll'
import { tReq } from '../../src/i18n'
import { invalid, type FieldError } from '../../hooks/invalid'

/** A record's id as a client may send it (a number, its digits, or the record), else undefined. */
const recordId = (value: unknown): ID | undefined => {
  const id = idOf(value as never)
  return (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) || (typeof id === 'string' && /^[1-9]\d{0,15}$/.test(id)) ? Number(id) : undefined
}

/**
 * `POST /api/payroll/prepare {school, period}`: the month's draft payslips of every active staff
 * member of the school, from their base salaries, in one transaction → `{period, created,
 * existing, missingSalary}`. Run again, it adds only those still missing; every payslip is
 * created as the caller, by the collection's own rules.
 */
export const payrollPrepareEndpoint: Endpoint = {
  path: '/prepare',
  method: 'post',
  handler: async (req) => {
    const user = needUser(req)
    const body = await bodyOf<{ school?: unknown; period?: unknown }>(req)
    const school = recordId(body.school)
    const period = typeof body.period === 'string' ? body.period.trim() : ''
    const errors: FieldError[] = []
    if (school == null) errors.push({ path: 'school', message: tReq(req, 'errors.payroll.schoolRequired') })
    if (!isPeriod(period)) errors.push({ path: 'period', message: tReq(req, 'errors.payroll.period') })
    if (errors.length) throw invalid(req, errors)
    // The caller's own right to make payslips in that school, as the collection rules it.
    const mayCreate = await req.payload.collections.payroll.config.access.create({ req, data: { school } })
    if (!mayCreate) throw new APIError(tReq(req, 'errors.payroll.prepareRefused'), 403)
    const as = { req, user, overrideAccess: false, depth: 0 } as const
    const result = await inTransaction(req, async () => {
      const staff = await req.payload.find({ collection: 'staff-members', where: { and: [{ school: { equals: school } }, { active: { equals: true } }] }, sort: 'fullName', pagination: false, ...as })
      const ids = staff.docs.map((s) => s.id)
      const done = ids.length
        ? await req.payload.find({ collection: 'payroll', where: { and: [{ staffMember: { in: ids } }, { period: { equals: period } }] }, pagination: false, select: { staffMember: true }, ...as })
        : { docs: [] }
      const existing = new Set(done.docs.map((slip) => String(idOf(slip.staffMember as never))))
      const created: ID[] = []
      const missingSalary: string[] = []
      for (const member of staff.docs) {
        if (existing.has(String(member.id))) continue
        const draft = draftFromSalary(member)
        if (!draft) {
          missingSalary.push(member.fullName ?? String(member.id))
          continue
        }
        const slip = await req.payload.create({ collection: 'payroll', data: { school, staffMember: member.id, period, ...draft } as never, ...as })
        created.push(slip.id)
      }
      return { period, created, existing: existing.size, missingSalary }
    })
    return Response.json(result, { status: result.created.length ? 201 : 200 })
  },
}
