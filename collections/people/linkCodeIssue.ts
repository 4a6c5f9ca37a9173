import type { Endpoint, PayloadRequest } from 'payload'
import { idOf } from '../../src/access/ids'
import { pdfResponse, readerLanguage } from '../../src/api/pdf'
import { bodyOf, needUser } from '../../src/api/request'
import { inTransaction } from '../../src/db/transaction'
import { serverURL } from '../../src/email/templates'
import { tReq } from '../../src/i18n'
import { renderLinkCodeLetter } from '../../src/pdf/linkCodeLetter'
import { schoolLogo } from '../../src/reportCards/assets'
import { invalid } from '../../hooks/invalid'

const system = { overrideAccess: true, depth: 0 } as const

/** What the letter prints about the family: the school, the pupil's class this year, the guardian named. */
const letterOf = async (req: PayloadRequest, issued: { school: unknown; student: unknown; guardian?: unknown; code: string; expiresAt: string }) => {
  const [school, student, enrollment, guardian] = await Promise.all([
    req.payload.findByID({ collection: 'schools', id: idOf(issued.school as never)!, ...system, req }),
    req.payload.findByID({ collection: 'students', id: idOf(issued.student as never)!, ...system, req }),
    req.payload.find({ collection: 'enrollments', where: { student: { equals: idOf(issued.student as never) }, status: { equals: 'active' } }, limit: 1, ...system, depth: 1, req }),
    issued.guardian ? req.payload.findByID({ collection: 'guardians', id: idOf(issued.guardian as never)!, joins: false, ...system, req }) : null,
  ])
  const klass = enrollment.docs[0]?.class as { name?: string } | undefined
  const language = readerLanguage(req)
  return {
    language,
    school: school as never,
    pupil: { fullName: String(student.fullName ?? ''), matricule: student.matricule, className: klass?.name ?? null },
    guardianName: guardian?.fullName ?? null,
    code: issued.code,
    expiresAt: issued.expiresAt,
    // The portal's sign-up page, in the letter's language.
    address: `${serverURL()}/${language}/signup`,
  }
}

/**
 * `POST /api/link-codes/issue {student, guardian?, expiresAt?}` (`?format=pdf` for the family's
 * letter): a new code for one pupil, answered once as `{id, code, expiresAt}`; only its hash is kept.
 * The school is the pupil's; the pupil is read with the caller's access, the code created with it.
 */
export const issueEndpoint: Endpoint = {
  path: '/issue',
  method: 'post',
  handler: async (req) => {
    needUser(req)
    const body = await bodyOf<{ student?: unknown; guardian?: unknown; expiresAt?: unknown }>(req)
    const as = { req, overrideAccess: false, depth: 0 } as const
    const studentId = idOf(body.student as never)
    const student = studentId == null ? null : await req.payload.findByID({ collection: 'students', id: studentId, ...as, disableErrors: true })
    if (!student) throw invalid(req, [{ path: 'student', message: tReq(req, 'errors.linkCodes.studentRequired') }])
    const pdf = req.searchParams?.get('format') === 'pdf'
    const result = await inTransaction(req, async () => {
      const created = (await req.payload.create({
        collection: 'link-codes',
        data: { school: idOf(student.school as never), student: student.id, guardian: idOf(body.guardian as never) ?? null, ...(body.expiresAt ? { expiresAt: body.expiresAt } : {}) } as never,
        ...as,
      })) as unknown as { id: number; code: string; expiresAt: string; school: unknown; student: unknown; guardian?: unknown }
      // Rendered inside the transaction: a letter that cannot be printed leaves no code behind.
      const letter = pdf ? await renderLinkCodeLetter(await letterOf(req, created), { logo: await schoolLogo(req.payload, created.school) }) : null
      return { created, letter }
    })
    const { id, code, expiresAt } = result.created
    if (result.letter) {
      const response = pdfResponse(result.letter, `code-${student.matricule ?? id}.pdf`)
      // The record's id and expiry for the admin that asked, beside the letter (the code is only on paper).
      response.headers.set('X-Link-Code-Id', String(id))
      response.headers.set('X-Link-Code-Expires', String(expiresAt))
      return response
    }
    return Response.json({ id, code, expiresAt }, { status: 201 })
  },
}
