/**
 * A parent justifies a child's absence with a document (a scan of a medical certificate): they
 * upload it, attach it to the absence, the secretariat reads it; no other family, no student and
 * no guessed id reaches it, and a parent attaches only a document they may read themselves.
 */
import { PDFDocument } from 'pdf-lib'
import type { Payload, TypedUser } from 'payload'
import { demoAccounts, otherAccounts, tokenFor, userFor } from '../support/accounts'
import { download } from '../support/download'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

type Doc = Record<string, any>
let payload: Payload
const tokens: Record<string, string> = {}
const users: Record<string, TypedUser> = {}
let main: number
let absence: Doc
/** The absence as it was before this suite (when another suite had made it), to put back. */
let absenceBefore: Doc | undefined
const made: number[] = []
const system = { overrideAccess: true, depth: 0 } as const
// A day and half-day no other suite takes a register for.
const day = '2025-06-16T00:00:00.000Z'

const accounts = {
  parent: demoAccounts.parent,
  secretariat: demoAccounts.secretariat,
  student: demoAccounts.student,
  otherParent: otherAccounts.parent,
  mateteParent: otherAccounts.secondSchoolParent,
}

beforeAll(async () => {
  payload = await testPayload()
  for (const [who, email] of Object.entries(accounts)) {
    tokens[who] = await tokenFor(payload, email)
    users[who] = await userFor(payload, email)
  }
  main = (await payload.find({ collection: 'schools', where: { code: { equals: 'CSMA' } }, ...system })).docs[0].id
  // Grâce MUKENDI, a child of the demo parent, absent one afternoon: the secretariat records it.
  const child = (await payload.find({ collection: 'students', where: { school: { equals: main }, lastName: { equals: 'MUKENDI' }, firstName: { equals: 'Grâce' } }, ...system })).docs[0]
  const enrollment = (await payload.find({ collection: 'enrollments', where: { student: { equals: child.id }, status: { equals: 'active' } }, ...system })).docs[0]
  const found = await payload.find({ collection: 'attendance', where: { student: { equals: child.id }, date: { equals: day }, halfDay: { equals: 'afternoon' } }, ...system })
  absenceBefore = found.docs[0]
  if (absenceBefore) {
    absence = await payload.update({ collection: 'attendance', id: absenceBefore.id, data: { status: 'absent', justification: null, justificationDocument: null }, ...system })
  } else {
    const created = await rest('POST', '/attendance', { token: tokens.secretariat, body: { school: main, student: child.id, class: enrollment.class, date: day, halfDay: 'afternoon', status: 'absent' } })
    expect(created.status).toBe(201)
    absence = created.body.doc
  }
})

afterAll(async () => {
  if (absenceBefore) {
    const { status, justification, justificationDocument, justifiedBy, justifiedAt } = absenceBefore
    await payload.db.updateOne({ collection: 'attendance', id: absenceBefore.id, data: { status, justification, justificationDocument, justifiedBy, justifiedAt } })
  } else if (absence) await payload.delete({ collection: 'attendance', id: absence.id, ...system })
  for (const id of made) await payload.delete({ collection: 'media', id, ...system })
  await closeTestPayload()
})

/** A one-page PDF, as a phone's scanner app makes one. */
const certificate = async () => {
  const pdf = await PDFDocument.create()
  pdf.addPage([595, 842]).drawText('Certificat médical : repos de deux jours.', { x: 50, y: 780, size: 12 })
  return Buffer.from(await pdf.save())
}

/** Uploads a PDF over REST, multipart, as `who`. */
const upload = async (who: string, fields: Record<string, unknown> = {}) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await certificate())], { type: 'application/pdf' }), `certificat-${Date.now()}-${made.length}.pdf`)
  form.append('_payload', JSON.stringify({ alt: 'Certificat médical', ...fields }))
  const answer = await rest('POST', '/media', { token: tokens[who], form })
  if (answer.status === 201) made.push(answer.body.doc.id)
  return answer
}

/** Whether a Local API call was refused (403 or 404); any other failure stays a failure. */
const refusal = (call: Promise<unknown>) => call.then(() => 'ok', (error) => ([403, 404].includes(error.status) ? 'refused' : Promise.reject(error)))
const fileOf = (media: Doc) => `/media/file/${encodeURIComponent(media.filename)}`
const stored = (id: number) => payload.findByID({ collection: 'attendance', id, ...system })
const pathsOf = (body: any) => (body?.errors ?? []).flatMap((e: any) => (e.data?.errors ?? []).map((d: any) => d.path))
const messagesOf = (body: any) => (body?.errors ?? []).flatMap((e: any) => (e.data?.errors ?? []).map((d: any) => d.message))

describe('a parent justifies an absence with a document', () => {
  it('uploads a PDF, attaches it with a text; the secretariat reads the row and the file', async () => {
    const uploaded = await upload('parent')
    expect(uploaded.status).toBe(201)
    const media = uploaded.body.doc
    expect(media.mimeType).toBe('application/pdf')
    // In the parent's first school, by default, and theirs.
    expect(await payload.findByID({ collection: 'media', id: media.id, ...system })).toMatchObject({ school: main, uploadedBy: users.parent.id })

    const justified = await rest('PATCH', `/attendance/${absence.id}`, { token: tokens.parent, body: { justification: 'Fièvre, certificat du Dr Kabila joint', justificationDocument: media.id } })
    expect(justified.status).toBe(200)
    expect(await stored(absence.id)).toMatchObject({ status: 'absent', justification: 'Fièvre, certificat du Dr Kabila joint', justificationDocument: media.id, justifiedBy: users.parent.id })

    const seen = await rest('GET', `/attendance/${absence.id}?depth=1`, { token: tokens.secretariat })
    expect(seen.status).toBe(200)
    expect(seen.body.justificationDocument).toMatchObject({ id: media.id, filename: media.filename })
    for (const who of ['secretariat', 'parent']) {
      const file = await download(fileOf(media), { token: tokens[who] })
      expect({ who, status: file.status, type: file.headers.get('content-type') }).toEqual({ who, status: 200, type: 'application/pdf' })
      expect((await PDFDocument.load(file.data)).getPageCount()).toBe(1)
    }
  })

  it('no other family, no student and no anonymous caller reads the document or its file', async () => {
    const media = (await upload('parent')).body.doc
    expect((await rest('PATCH', `/attendance/${absence.id}`, { token: tokens.parent, body: { justificationDocument: media.id } })).status).toBe(200)
    for (const who of ['otherParent', 'mateteParent', 'student', 'anonymous']) {
      const record = await rest('GET', `/media/${media.id}`, { token: tokens[who] })
      const file = await download(fileOf(media), { token: tokens[who] })
      const listed = await rest('GET', `/media?where[id][equals]=${media.id}`, { token: tokens[who] })
      expect({ who, record: [403, 404].includes(record.status), file: [403, 404].includes(file.status), listed: listed.body?.docs?.length ?? 0 }).toEqual({ who, record: true, file: true, listed: 0 })
    }
    // Nor does the row carry it to them: the other family does not read the row at all.
    expect([403, 404]).toContain((await rest('GET', `/attendance/${absence.id}`, { token: tokens.otherParent })).status)
  })

  it('the Local API as the user (overrideAccess: false) agrees', async () => {
    const as = (who: string) => ({ user: users[who], overrideAccess: false, depth: 0 }) as const
    const file = { data: await certificate(), mimetype: 'application/pdf', name: `certificat-local-${Date.now()}.pdf`, size: 0 }
    file.size = file.data.length
    const media = await payload.create({ collection: 'media', data: { alt: 'Certificat' } as never, file, ...as('parent') })
    made.push(media.id)
    expect(media).toMatchObject({ school: main, uploadedBy: users.parent.id })
    expect((await payload.findByID({ collection: 'media', id: media.id, ...as('parent') })).id).toBe(media.id)
    for (const who of ['otherParent', 'mateteParent', 'student']) {
      expect({ who, outcome: await refusal(payload.findByID({ collection: 'media', id: media.id, ...as(who) })) }).toEqual({ who, outcome: 'refused' })
      // A list the caller may not ask for at all (a student) is refused; a parent's comes back without it.
      const listed = await payload.find({ collection: 'media', where: { id: { equals: media.id } }, ...as(who) }).then((r) => r.docs.length, (error) => (error.status === 403 ? 0 : Promise.reject(error)))
      expect({ who, listed }).toEqual({ who, listed: 0 })
    }
    await expect(payload.create({ collection: 'media', data: { alt: 'x' } as never, file: { ...file, name: `eleve-${Date.now()}.pdf` }, ...as('student') })).rejects.toMatchObject({ status: 403 })
    // A parent changes or removes no file, even their own.
    await expect(payload.update({ collection: 'media', id: media.id, data: { alt: 'autre' }, ...as('parent') })).rejects.toMatchObject({ status: 403 })
    await expect(payload.delete({ collection: 'media', id: media.id, ...as('parent') })).rejects.toMatchObject({ status: 403 })
  })

  it('reads the documents attached to their children’s absences by others (the secretariat)', async () => {
    const desk = (await upload('secretariat', { school: main })).body.doc
    expect((await rest('GET', `/media/${desk.id}`, { token: tokens.parent })).status).toBe(404)
    expect((await rest('PATCH', `/attendance/${absence.id}`, { token: tokens.secretariat, body: { justificationDocument: desk.id } })).status).toBe(200)
    expect((await rest('GET', `/media/${desk.id}`, { token: tokens.parent })).status).toBe(200)
    expect((await download(fileOf(desk), { token: tokens.parent })).status).toBe(200)
    expect([403, 404]).toContain((await rest('GET', `/media/${desk.id}`, { token: tokens.otherParent })).status)
    // The parent then changes the text: the document the desk attached stays.
    expect((await rest('PATCH', `/attendance/${absence.id}`, { token: tokens.parent, body: { justification: 'Voir la pièce de l’école' } })).status).toBe(200)
    expect((await stored(absence.id)).justificationDocument).toBe(desk.id)
  })
})

describe('what a parent cannot do', () => {
  it('attach another family’s document, or a school file, tried by id: a field error, nothing changed', async () => {
    const theirs = (await upload('otherParent')).body.doc
    const school = (await upload('secretariat', { school: main })).body.doc
    const before = await stored(absence.id)
    for (const id of [theirs.id, school.id]) {
      const answer = await rest('PATCH', `/attendance/${absence.id}`, { token: tokens.parent, body: { justification: 'Pièce volée', justificationDocument: id } })
      expect({ id, status: answer.status, paths: pathsOf(answer.body) }).toEqual({ id, status: 400, paths: ['justificationDocument'] })
      expect(messagesOf(answer.body)).toEqual([`« Pièce justificative » : aucun enregistrement avec l'identifiant ${id}.`])
    }
    await expect(payload.update({ collection: 'attendance', id: absence.id, data: { justificationDocument: theirs.id }, user: users.parent, overrideAccess: false, depth: 0 })).rejects.toMatchObject({
      status: 400,
      data: { errors: [expect.objectContaining({ path: 'justificationDocument' })] },
    })
    expect(await stored(absence.id)).toEqual(before)
  })

  it('name someone else as the uploader, on upload or afterwards', async () => {
    const uploaded = await upload('parent', { uploadedBy: users.secretariat.id })
    expect(uploaded.status).toBe(201)
    const media = uploaded.body.doc
    expect((await payload.findByID({ collection: 'media', id: media.id, ...system })).uploadedBy).toBe(users.parent.id)
    expect([403, 404]).toContain((await rest('PATCH', `/media/${media.id}`, { token: tokens.parent, body: { uploadedBy: users.secretariat.id } })).status)
    // Not even the secretariat, who may change the file's description, rewrites who uploaded it.
    expect((await rest('PATCH', `/media/${media.id}`, { token: tokens.secretariat, body: { alt: 'Certificat (vu)', uploadedBy: users.secretariat.id } })).status).toBe(200)
    expect(await payload.findByID({ collection: 'media', id: media.id, ...system })).toMatchObject({ alt: 'Certificat (vu)', uploadedBy: users.parent.id })
  })

  it('upload to a school that is not theirs', async () => {
    const answer = await upload('mateteParent', { school: main })
    expect([400, 403]).toContain(answer.status)
  })
})
