import type { Endpoint } from 'payload'
import { idOf } from '../../src/access/ids'
import { bodyOf, needUser, schoolToday } from '../../src/api/request'
import { inTransaction } from '../../src/db/transaction'
import { tReq } from '../../src/i18n'
import { invalid } from '../../hooks/invalid'

/**
 * Moves a student to another class of the same school year: the current enrollment ends
 * (status "moved") and a new one opens, both or neither, so the history shows both classes.
 */
export const moveEndpoint: Endpoint = {
  path: '/:id/move',
  method: 'post',
  handler: async (req) => {
    needUser(req)
    const body = await bodyOf<{ class?: unknown; date?: string }>(req)
    const day = body.date ? String(body.date).slice(0, 10) : schoolToday()
    const as = { req, overrideAccess: false, depth: 0 } as const
    const result = await inTransaction(req, async () => {
      const current = await req.payload.findByID({ collection: 'enrollments', id: String(req.routeParams?.id), ...as })
      if (current.status !== 'active') throw invalid(req, [{ path: 'status', message: tReq(req, 'errors.moveNeedsActive') }])
      // Ended first, as the caller: someone who may not change this enrollment learns nothing more.
      const ended = await req.payload.update({ collection: 'enrollments', id: current.id, data: { status: 'moved', endDate: day }, ...as })
      const target = body.class == null ? null : await req.payload.findByID({ collection: 'classes', id: String(idOf(body.class as never)), ...as, disableErrors: true })
      if (!target) throw invalid(req, [{ path: 'class', message: tReq(req, 'errors.moveNeedsClass') }])
      if (String(idOf(target.schoolYear)) !== String(idOf(current.schoolYear)))
        throw invalid(req, [{ path: 'class', message: tReq(req, 'errors.moveSameYear') }])
      const opened = await req.payload.create({
        collection: 'enrollments',
        data: { school: idOf(current.school), student: idOf(current.student), class: target.id, startDate: day, status: 'active' } as never,
        ...as,
      })
      return { ended, opened }
    })
    return Response.json(result, { status: 201 })
  },
}
