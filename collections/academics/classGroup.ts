import type { Field, PayloadRequest } from 'payload'
import { idOf } from '../../src/access/ids'
import { tReq } from '../../src/i18n'
import { text } from '../fields'

/** One of the class's groups, by its code (empty: the whole class). */
export const classGroup = (): Field =>
  text('group', {
    validate: async (value: unknown, { data, req }: { data: { class?: never }; req: PayloadRequest }) => {
      const classId = idOf(data?.class)
      if (!value || classId == null) return true
      const klass = await req.payload.findByID({ collection: 'classes', id: classId, depth: 0, overrideAccess: true, req, disableErrors: true })
      const codes = (klass?.groups ?? []).map((group) => group.code)
      return !klass || codes.includes(String(value)) || tReq(req, 'errors.unknownGroup', { group: String(value), class: klass.name })
    },
  })
