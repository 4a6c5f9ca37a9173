import { APIError, type Endpoint, type PayloadRequest } from 'payload'
import { idOf } from '../../src/access/ids'
import { schoolsOf } from '../../src/access/predicates'
import { bodyOf, needUser } from '../../src/api/request'
import { confirms, type Person } from '../../src/domain/privacy'
import { hasAnyRole } from '../../src/domain/roles'
import { tReq } from '../../src/i18n'
import { dossierOf } from '../../src/privacy/dossier'
import { erasePerson } from '../../src/privacy/erase'
import { dossierZip } from '../../src/privacy/export'
import { safeFileName } from '../../src/sheets/download'
import { writeAudit } from '../../hooks/audit'
import { invalid } from '../../hooks/invalid'

const collectionOf = (person: Person) => (person === 'student' ? 'students' : 'guardians')

/**
 * The person's record, for IT or the direction of the person's own school. Both acts answer a
 * person's rights over their data, which the school's direction answers for; the secretariat
 * keeps the registers but reads neither the audit log nor the whole of the money, both in a
 * dossier. A record the caller may not read is not found, as everywhere; one of another school
 * read through another role (a director who is a parent elsewhere) is refused.
 */
const personFor = async (req: PayloadRequest, person: Person) => {
  needUser(req)
  const collection = collectionOf(person)
  const record = await req.payload.findByID({ collection: collection as 'guardians', id: String(req.routeParams?.id), depth: 0, overrideAccess: false, user: req.user, disableErrors: true, joins: false, req })
  if (!record) throw new APIError(tReq(req, 'privacy.errors.notFound'), 404)
  const school = String(idOf(record.school as never))
  const directs = hasAnyRole(req.user, ['it']) || (hasAnyRole(req.user, ['admin']) && schoolsOf(req).map(String).includes(school))
  if (!directs) throw new APIError(tReq(req, 'privacy.errors.forbidden'), 403)
  return record as unknown as Record<string, unknown> & { id: number }
}

/** `GET /api/<students|guardians>/:id/export-data`: everything held about the person, as a zip; audited. */
const exportEndpoint = (person: Person): Endpoint => ({
  path: '/:id/export-data',
  method: 'get',
  handler: async (req) => {
    const record = await personFor(req, person)
    const { data, counts } = await dossierZip(req, await dossierOf(req, person, record.id))
    await writeAudit(req, { action: 'export', collection: collectionOf(person), documentId: record.id, school: idOf(record.school as never), changes: [{ field: 'exported', after: counts }] })
    const name = safeFileName(`${person === 'student' ? 'eleve' : 'responsable'}-${record.matricule ?? record.id}-donnees`).replace(/\.xlsx$/, '.zip')
    return new Response(new Uint8Array(data), {
      headers: { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'private, no-store' },
    })
  },
})

/**
 * `POST /api/<students|guardians>/:id/erase {confirmation}`: erases the person, the pupil's
 * matricule or the guardian's full name typed again as the confirmation (else a 400, nothing changed).
 */
const eraseEndpoint = (person: Person): Endpoint => ({
  path: '/:id/erase',
  method: 'post',
  handler: async (req) => {
    const record = await personFor(req, person)
    const body = await bodyOf<{ confirmation?: unknown }>(req)
    const expected = person === 'student' ? record.matricule : record.fullName
    if (!confirms(expected, body.confirmation)) throw invalid(req, [{ path: 'confirmation', message: tReq(req, `privacy.errors.confirmation.${person}`) }])
    return Response.json({ erased: { collection: collectionOf(person), id: record.id }, ...(await erasePerson(req, person, record.id)) })
  },
})

export const privacyEndpoints = (person: Person): Endpoint[] => [exportEndpoint(person), eraseEndpoint(person)]
