import type { Endpoint } from 'payload'
import { idOf } from '../../src/access/ids'
import { bodyOf, needUser } from '../../src/api/request'
import { tReq } from '../../src/i18n'
import { applyRollover, previewRollover } from '../../src/rollover/rollover'
import { invalid } from '../../hooks/invalid'

type Body = { to?: unknown; apply?: unknown; passMark?: unknown }

/**
 * The year-end rollover from this school year to `to`: the plan when `apply` is false, the
 * plan carried out when it is true. The school's direction or IT only.
 */
export const rolloverEndpoint: Endpoint = {
  path: '/:id/rollover',
  method: 'post',
  handler: async (req) => {
    needUser(req)
    const body = await bodyOf<Body>(req)
    const to = idOf(body.to as never)
    if (to == null || to === '') throw invalid(req, [{ path: 'to', message: tReq(req, 'errors.rollover.toRequired') }])
    if (body.passMark != null && typeof body.passMark !== 'number') throw invalid(req, [{ path: 'passMark', message: tReq(req, 'errors.rollover.passMark') }])
    const options = { fromYear: String(req.routeParams?.id), toYear: to, passMark: (body.passMark as number | null) ?? undefined }
    return Response.json(body.apply === true ? await applyRollover(req, options) : { ...(await previewRollover(req, options)), applied: false })
  },
}
