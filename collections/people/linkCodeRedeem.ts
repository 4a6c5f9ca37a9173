import { sql } from '@payloadcms/db-postgres'
import { APIError, type Endpoint, type PayloadRequest, type TypedUser } from 'payload'
import { idOf, idsOf, type ID } from '../../src/access/ids'
import { bodyOf, needUser } from '../../src/api/request'
import { dbOf } from '../../src/db/session'
import { inTransaction } from '../../src/db/transaction'
import { codeState, hashCode, normaliseCode } from '../../src/domain/linkCodes'
import { fullName, splitName } from '../../src/domain/names'
import { hasAnyRole } from '../../src/domain/roles'
import { tReq } from '../../src/i18n'
import { writeAudit } from '../../hooks/audit'
import { invalid } from '../../hooks/invalid'

/** Why a code was refused: said to the parent as one message (a guess learns nothing), kept in the audit log. */
type Reason = 'malformed' | 'unknown' | 'expired' | 'used' | 'revoked' | 'stale' | 'alreadyLinked' | 'guardianTaken'

class Refused extends Error {
  constructor(
    readonly reason: Reason,
    readonly code?: { id: ID; school: ID },
  ) {
    super(reason)
  }
}

type Claimed = { id: ID; school: ID; student: ID; guardian: ID | null }
const system = { overrideAccess: true, depth: 0 } as const

/**
 * Takes the code for this user if it is still good, in one statement: a second redemption
 * running at the same time waits on the row and then finds it used.
 */
const claim = async (req: PayloadRequest, hash: string, user: ID): Promise<Claimed> => {
  const db = await dbOf(req)
  const taken = await db.execute(sql`
    update link_codes set used_at = now(), used_by_id = ${user}, updated_at = now()
    where code_hash = ${hash} and used_at is null and revoked_at is null and expires_at > now()
    returning id, school_id as school, student_id as student, guardian_id as guardian`)
  const row = taken.rows[0] as Claimed | undefined
  if (row) return row
  const found = await db.execute(sql`select id, school_id as school, expires_at as "expiresAt", used_at as "usedAt", revoked_at as "revokedAt" from link_codes where code_hash = ${hash}`)
  const code = found.rows[0] as { id: ID; school: ID; expiresAt: string; usedAt: string | null; revokedAt: string | null } | undefined
  if (!code) throw new Refused('unknown')
  const state = codeState(code, new Date())
  // 'valid' here means the clocks of the app and the database disagree by a moment: expired.
  throw new Refused(state === 'valid' ? 'expired' : state, code)
}

/** The account joins the child's school, so that its scope (which stays within its schools) reaches the child. */
const joinSchool = async (req: PayloadRequest, user: TypedUser, school: ID) => {
  const schools = idsOf(user.schools)
  if (schools.map(String).includes(String(school))) return
  // The request's own user too: the records written next are validated against its schools.
  ;(user as { schools: ID[] }).schools = [...schools, school]
  await req.payload.update({ collection: 'users', id: user.id, data: { schools: [...schools, school] } as never, ...system, req })
}

/** Links the user to the child as the claimed code says; everything lands or nothing does. */
const link = async (req: PayloadRequest, user: TypedUser, hash: string) => {
  const code = await claim(req, hash, user.id)
  const refuse = (reason: Reason) => new Refused(reason, code)
  const student = await req.payload.findByID({ collection: 'students', id: code.student, ...system, req })
  const childGuardians = idsOf(student.guardians).map(String)
  const own = await req.payload.find({ collection: 'guardians', where: { user: { equals: user.id }, school: { equals: code.school } }, pagination: false, joins: false, ...system, req })
  if (own.docs.some((g) => childGuardians.includes(String(g.id)))) throw refuse('alreadyLinked')
  const named = code.guardian == null ? null : await req.payload.findByID({ collection: 'guardians', id: code.guardian, joins: false, ...system, req, disableErrors: true })
  if (code.guardian != null && (!named || !childGuardians.includes(String(named.id)))) throw refuse('stale')
  if (named && idOf(named.user as never) != null) throw refuse('guardianTaken')

  await joinSchool(req, user, code.school)
  const as = { ...system, req }
  let guardian: ID
  if (named) {
    guardian = (await req.payload.update({ collection: 'guardians', id: named.id, data: { user: user.id }, ...as })).id
  } else {
    const names = splitName(String(user.name ?? ''))
    const created = await req.payload.create({
      collection: 'guardians',
      data: { school: code.school, lastName: names.lastName || String(user.email), postName: names.postName, firstName: names.firstName, relationship: 'guardian', email: user.email, phone: user.phone ?? undefined, user: user.id } as never,
      ...as,
    })
    guardian = created.id
    await req.payload.update({ collection: 'students', id: student.id, data: { guardians: [...idsOf(student.guardians), guardian] } as never, ...as })
  }
  // The claim was one SQL statement: its trail is written here, in the same transaction.
  await writeAudit(req, { action: 'update', collection: 'link-codes', documentId: code.id, school: code.school, changes: [{ field: 'usedAt', before: null, after: new Date().toISOString() }, { field: 'usedBy', before: null, after: user.id }] })
  return { student: { id: student.id, fullName: student.fullName ?? fullName(student) }, guardian, school: code.school }
}

const messages: Record<Reason, string> = {
  malformed: 'errors.linkCodes.invalid',
  unknown: 'errors.linkCodes.invalid',
  expired: 'errors.linkCodes.invalid',
  used: 'errors.linkCodes.invalid',
  revoked: 'errors.linkCodes.invalid',
  stale: 'errors.linkCodes.invalid',
  alreadyLinked: 'errors.linkCodes.alreadyLinked',
  guardianTaken: 'errors.linkCodes.guardianTaken',
}

/**
 * A verified parent account enters the code the school gave them: the child is linked, or the
 * refusal changes nothing and is written to the audit log with its reason.
 */
export const redeemLinkCode = async (req: PayloadRequest, given: unknown) => {
  const user = needUser(req)
  if (!hasAnyRole(user, ['parent']) || (user as { _verified?: boolean })._verified === false)
    throw new APIError(tReq(req, 'errors.linkCodes.parentsOnly'), 403)
  const code = normaliseCode(given)
  try {
    if (!code) throw new Refused('malformed')
    const linked = await inTransaction(req, () => link(req, user, hashCode(code, req.payload.secret)))
    return { message: tReq(req, 'linkCodes.linked', { pupil: linked.student.fullName }), ...linked }
  } catch (error) {
    if (!(error instanceof Refused)) throw error
    // Written on its own: the transaction that tried the code was rolled back.
    await writeAudit(req, { action: 'linkRefused', collection: 'link-codes', documentId: error.code?.id, school: error.code?.school, changes: [{ field: 'reason', after: error.reason }] }, true)
    const message = tReq(req, messages[error.reason])
    if (error.reason === 'alreadyLinked' || error.reason === 'guardianTaken') throw new APIError(message, 409, null, true)
    throw invalid(req, [{ path: 'code', message }])
  }
}

/** `POST /api/link-codes/redeem {code}`, the portal's form over REST. */
export const redeemEndpoint: Endpoint = {
  path: '/redeem',
  method: 'post',
  handler: async (req) => {
    needUser(req)
    const body = await bodyOf<{ code?: unknown }>(req)
    return Response.json(await redeemLinkCode(req, body.code))
  },
}
