import type { PayloadRequest } from 'payload'
import { idOf } from '../../src/access/ids'
import { tReq } from '../../src/i18n'

/** The subject is a course of the class's own level. */
export const subjectOfClassLevel = async (value: unknown, { data, req }: { data: { class?: never }; req: PayloadRequest }) => {
  const subjectId = idOf(value as never)
  const classId = idOf(data?.class)
  if (subjectId == null || classId == null) return true
  const [subject, klass] = await Promise.all([
    req.payload.findByID({ collection: 'subjects', id: subjectId, depth: 0, overrideAccess: true, req, disableErrors: true }),
    req.payload.findByID({ collection: 'classes', id: classId, depth: 0, overrideAccess: true, req, disableErrors: true }),
  ])
  if (!subject || !klass) return true
  return String(idOf(subject.level)) === String(idOf(klass.level)) || tReq(req, 'errors.subjectNotOfLevel', { subject: subject.name, class: klass.name })
}
