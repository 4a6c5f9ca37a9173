import type { Endpoint } from 'payload'
import { idOf } from '../../src/access/ids'
import { needUser } from '../../src/api/request'
import { attendanceTotals } from '../../src/domain/attendance'
import { invalid } from '../../hooks/invalid'
import { tReq } from '../../src/i18n'

/**
 * A student's attendance figures per term of a school year (`?student=`, `?schoolYear=`; by
 * default the year of their latest enrollment): what the report card prints.
 */
export const totalsEndpoint: Endpoint = {
  path: '/totals',
  method: 'get',
  handler: async (req) => {
    needUser(req)
    const studentId = req.searchParams.get('student')
    if (!studentId) throw invalid(req, [{ path: 'student', message: tReq(req, 'errors.totalsNeedStudent') }])
    const as = { req, overrideAccess: false, depth: 0 } as const
    const student = await req.payload.findByID({ collection: 'students', id: studentId, ...as })
    let year = req.searchParams.get('schoolYear')
    if (!year) {
      const latest = await req.payload.find({ collection: 'enrollments', where: { student: { equals: student.id } }, sort: '-createdAt', limit: 1, depth: 0, overrideAccess: true, req })
      year = String(idOf(latest.docs[0]?.schoolYear) ?? '')
    }
    if (!year) return Response.json({ student: student.id, terms: [] })
    const [terms, records] = await Promise.all([
      req.payload.find({ collection: 'terms', where: { schoolYear: { equals: year } }, sort: 'order', pagination: false, ...as }),
      req.payload.find({ collection: 'attendance', where: { student: { equals: student.id } }, pagination: false, ...as, select: { student: true, date: true, status: true, halfDay: true, slot: true } }),
    ])
    const totals = attendanceTotals(
      records.docs.map((row) => ({ student: idOf(row.student)!, date: row.date, status: row.status, halfDay: row.halfDay ?? null, slot: idOf(row.slot) ?? null })),
      terms.docs.map((term) => ({ id: term.id, startDate: term.startDate, endDate: term.endDate })),
    )
    const byTerm = new Map(totals.map((line) => [String(line.period), line]))
    const empty = { absences: 0, excused: 0, lates: 0, halfDaysAbsent: 0, daysAbsent: 0, present: 0 }
    return Response.json({
      student: student.id,
      schoolYear: Number(year),
      terms: terms.docs.map((term) => {
        const { student: _s, period: _p, ...figures } = byTerm.get(String(term.id)) ?? { student: null, period: null, ...empty }
        return { term: term.id, name: term.name, code: term.code, ...figures }
      }),
    })
  },
}
