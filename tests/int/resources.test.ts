/**
 * A teacher shares a PDF and a link with a class they teach (7EB, the demo student's): the class's
 * student and guardians download the file; a student of another class, another family and anyone
 * guessing the URL get nothing; a file that is not what its name says is refused with a message a
 * teacher understands; a class the teacher does not teach is refused.
 */
import type { Payload, TypedUser } from 'payload'
import { demoAccounts, otherAccounts, tokenFor, userFor } from '../support/accounts'
import { download } from '../support/download'
import { loadFixtures, onePagePdf, type Fixtures } from '../support/fixtures'
import { errorMessages, rest, uploadForm } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

type Doc = Record<string, any>
let payload: Payload
let fx: Fixtures
const tokens: Record<string, string> = {}
const users: Record<string, TypedUser> = {}
const made: number[] = []
const system = { overrideAccess: true, depth: 0 } as const

const accounts = {
  teacher: demoAccounts.teacher,
  student: demoAccounts.student,
  // The demo student's guardian (Exaucé KASONGO is in 7EB).
  guardian: otherAccounts.parent,
  // A student of 3P-A, a parent whose children are in 5P-A and 1HS, a parent of the second school.
  otherStudent: otherAccounts.student,
  otherParent: demoAccounts.parent,
  mateteParent: otherAccounts.secondSchoolParent,
  colleague: otherAccounts.teacher,
}

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  for (const [who, email] of Object.entries(accounts)) {
    tokens[who] = await tokenFor(payload, email)
    users[who] = await userFor(payload, email)
  }
})

afterAll(async () => {
  for (const id of made) await payload.delete({ collection: 'resources', id, ...system }).catch(() => undefined)
  await closeTestPayload()
})

const fileUrl = (doc: Doc) => `/resources/file/${encodeURIComponent(doc.filename)}`
const created = (answer: { status: number; body: any }, status = 201) => {
  expect({ status: answer.status, body: answer.status === status ? 'ok' : answer.body }).toEqual({ status, body: 'ok' })
  const doc = answer.body.doc ?? answer.body
  made.push(doc.id)
  return doc as Doc
}

const form = uploadForm

const uniqueName = (base: string) => `${base}-${Date.now()}-${made.length}`

describe('a teacher shares with a class they teach', () => {
  let pdf: Buffer
  let shared: Doc

  beforeAll(async () => {
    pdf = await onePagePdf('Exercices de géométrie pour la 7e')
    const klass = fx.classes.self
    const subject = (await payload.find({ collection: 'subjects', where: { level: { equals: klass.level }, name: { equals: 'Mathématiques' } }, ...system })).docs[0]
    shared = created(
      await rest('POST', '/resources', {
        token: tokens.teacher,
        form: form(pdf, `${uniqueName('geometrie')}.pdf`, 'application/pdf', { class: klass.id, subject: subject.id, title: 'Exercices de géométrie', description: 'À faire pour lundi.' }),
      }),
    )
  })

  it('a PDF: stored in the school, as shared by the teacher, whatever the body says', async () => {
    expect(shared).toMatchObject({ title: 'Exercices de géométrie', mimeType: 'application/pdf', filesize: pdf.length })
    expect(await payload.findByID({ collection: 'resources', id: shared.id, ...system })).toMatchObject({ school: fx.schools.main.id, class: fx.classes.self.id, sharedBy: users.teacher.id, link: null })
  })

  it('a link, and nobody else is named as the one who shared it', async () => {
    const link = created(await rest('POST', '/resources', { token: tokens.teacher, body: { class: fx.classes.self.id, title: 'Vidéo : les triangles', link: 'https://video.example/triangles', sharedBy: users.colleague.id } }))
    expect(await payload.findByID({ collection: 'resources', id: link.id, ...system })).toMatchObject({ link: 'https://video.example/triangles', filename: null, sharedBy: users.teacher.id })
    const listed = await rest('GET', `/resources?where[class][equals]=${fx.classes.self.id}&limit=100&depth=0`, { token: tokens.student })
    expect(listed.body.docs.map((d: Doc) => d.id)).toEqual(expect.arrayContaining([shared.id, link.id]))
  })

  it('the class’s student and their guardian download the file, byte for byte', async () => {
    for (const who of ['student', 'guardian', 'teacher']) {
      const file = await download(fileUrl(shared), { token: tokens[who] })
      expect({ who, status: file.status, type: file.headers.get('content-type') }).toEqual({ who, status: 200, type: 'application/pdf' })
      expect(file.data.equals(pdf)).toBe(true)
    }
  })

  it('a student of another class, another family, the second school and anonymous get nothing for the same URL', async () => {
    for (const who of ['otherStudent', 'otherParent', 'mateteParent', 'anonymous']) {
      const file = await download(fileUrl(shared), { token: tokens[who] })
      const record = await rest('GET', `/resources/${shared.id}`, { token: tokens[who] })
      expect({ who, file: [403, 404].includes(file.status), bytes: file.data.includes(Buffer.from('%PDF')), record: [403, 404].includes(record.status) }).toEqual({ who, file: true, bytes: false, record: true })
    }
  })

  it('a guessed file name of another class’s resource gets nothing', async () => {
    const theirs = await payload.findByID({ collection: 'resources', id: fx.resources.taught.id, ...system })
    expect(theirs.filename).toBeTruthy()
    // The demo student is in 7EB; the fixture's PDF is 5P-A's.
    const file = await download(fileUrl(theirs), { token: tokens.student })
    expect([403, 404]).toContain(file.status)
    expect(file.data.includes(Buffer.from('%PDF'))).toBe(false)
    // Nor a name no resource has.
    expect([403, 404]).toContain((await download('/resources/file/devoir-introuvable.pdf', { token: tokens.student })).status)
  })

  it('the teacher changes and removes what they shared; not what the direction shared in the same class', async () => {
    const mine = created(await rest('POST', '/resources', { token: tokens.teacher, body: { class: fx.classes.self.id, title: 'Brouillon', link: 'https://ressources.example/brouillon' } }))
    expect((await rest('PATCH', `/resources/${mine.id}`, { token: tokens.teacher, body: { title: 'Révisions' } })).status).toBe(200)
    expect((await rest('DELETE', `/resources/${mine.id}`, { token: tokens.teacher })).status).toBe(200)
    const direction = fx.resources.self
    expect([403, 404]).toContain((await rest('PATCH', `/resources/${direction.id}`, { token: tokens.teacher, body: { title: 'Pris' } })).status)
    expect([403, 404]).toContain((await rest('DELETE', `/resources/${direction.id}`, { token: tokens.teacher })).status)
    expect((await payload.findByID({ collection: 'resources', id: direction.id, ...system })).title).toBe(direction.title)
  })

  it('nor moves what they shared to a class they do not teach', async () => {
    const answer = await rest('PATCH', `/resources/${shared.id}`, { token: tokens.teacher, body: { class: fx.classes.childB.id } })
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body)).toEqual(['Cette classe ne vous est pas attribuée.'])
    expect((await payload.findByID({ collection: 'resources', id: shared.id, ...system })).class).toBe(fx.classes.self.id)
  })
})

describe('what is refused', () => {
  it('a teacher cannot share with a class they do not teach', async () => {
    // 1HS is the colleague's.
    const link = await rest('POST', '/resources', { token: tokens.teacher, body: { class: fx.classes.childB.id, title: 'Hors classe', link: 'https://ressources.example/x' } })
    expect(link.status).toBe(403)
    const pdf = await onePagePdf('Hors classe')
    const file = await rest('POST', '/resources', { token: tokens.teacher, form: form(pdf, `${uniqueName('hors')}.pdf`, 'application/pdf', { class: fx.classes.childB.id, title: 'Hors classe' }) })
    expect(file.status).toBe(403)
    await expect(payload.create({ collection: 'resources', data: { class: fx.classes.childB.id, title: 'Hors classe', link: 'https://ressources.example/x' } as never, user: users.teacher, overrideAccess: false })).rejects.toMatchObject({ status: 403 })
    expect((await payload.count({ collection: 'resources', where: { title: { equals: 'Hors classe' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('a file whose content is not what its name says (a text renamed .pdf), with a clear message', async () => {
    const fake = Buffer.from('Ceci est un simple texte, pas un PDF.\n')
    const answer = await rest('POST', '/resources', { token: tokens.teacher, form: form(fake, `${uniqueName('faux')}.pdf`, 'application/pdf', { class: fx.classes.self.id, title: 'Faux PDF' }) })
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body)).toEqual(['Ce fichier n’est pas un vrai fichier .pdf : son contenu ne correspond pas à son nom. Enregistrez-le à nouveau dans ce format, puis réessayez.'])
    const english = await rest('POST', '/resources?locale=en', {
      token: tokens.teacher,
      headers: { 'Accept-Language': 'en' },
      form: form(fake, `${uniqueName('fake')}.pdf`, 'application/pdf', { class: fx.classes.self.id, title: 'Faux PDF' }),
    })
    expect(errorMessages(english.body)).toEqual(['This file is not a real .pdf file: its content does not match its name. Save it again in that format, then try again.'])
    expect((await payload.count({ collection: 'resources', where: { title: { equals: 'Faux PDF' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('a PDF that only starts like one is still refused by Payload’s own check of its structure', async () => {
    const truncated = (await onePagePdf('Coupé')).subarray(0, 200)
    const answer = await rest('POST', '/resources', { token: tokens.teacher, form: form(Buffer.from(truncated), `${uniqueName('coupe')}.pdf`, 'application/pdf', { class: fx.classes.self.id, title: 'PDF coupé' }) })
    expect(answer.status).toBe(400)
    expect((await payload.count({ collection: 'resources', where: { title: { equals: 'PDF coupé' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('a kind of file a class does not receive (a web page), naming the accepted ones', async () => {
    const page = Buffer.from('<html><script>alert(1)</script></html>')
    const answer = await rest('POST', '/resources', { token: tokens.teacher, form: form(page, `${uniqueName('page')}.html`, 'text/html', { class: fx.classes.self.id, title: 'Page' }) })
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body)[0]).toMatch(/^Les fichiers \.html ne peuvent pas être partagés\. Types acceptés : pdf, jpg, jpeg, png/)
  })

  it('a file beyond the upload limit, through the Local API too', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024)
    Buffer.from('%PDF-1.7').copy(big)
    const file = { data: big, mimetype: 'application/pdf', name: `${uniqueName('gros')}.pdf`, size: big.length }
    await expect(payload.create({ collection: 'resources', data: { class: fx.classes.self.id, title: 'Gros' } as never, file, user: users.teacher, overrideAccess: false })).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ path: 'file', message: 'Le fichier fait 11 Mo ; 10 Mo au plus. Pour une vidéo longue, partagez plutôt un lien.' }] },
    })
    const answer = await rest('POST', '/resources', { token: tokens.teacher, form: form(big, file.name, 'application/pdf', { class: fx.classes.self.id, title: 'Gros' }) })
    expect(answer.status).toBe(413)
  })

  it('both a file and a link, or neither; a link that is not a web address', async () => {
    const pdf = await onePagePdf('Les deux')
    const both = await rest('POST', '/resources', { token: tokens.teacher, form: form(pdf, `${uniqueName('deux')}.pdf`, 'application/pdf', { class: fx.classes.self.id, title: 'Les deux', link: 'https://ressources.example/deux' }) })
    expect({ status: both.status, messages: errorMessages(both.body) }).toEqual({ status: 400, messages: ['Une ressource est un fichier ou un lien, pas les deux : retirez le lien ou partagez le fichier dans une autre ressource.'] })
    const neither = await rest('POST', '/resources', { token: tokens.teacher, body: { class: fx.classes.self.id, title: 'Rien' } })
    expect({ status: neither.status, messages: errorMessages(neither.body) }).toEqual({ status: 400, messages: ['Joignez un fichier ou indiquez un lien.'] })
    for (const link of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://serveur/fichier', 'www.example.org', 'https://exemple .org']) {
      const answer = await rest('POST', '/resources', { token: tokens.teacher, body: { class: fx.classes.self.id, title: 'Lien douteux', link } })
      expect({ link, status: answer.status, messages: errorMessages(answer.body) }).toEqual({ link, status: 400, messages: ['Le lien doit être une adresse web commençant par http:// ou https://.'] })
    }
    expect((await payload.count({ collection: 'resources', where: { title: { in: ['Les deux', 'Rien', 'Lien douteux'] } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('a group the class does not have', async () => {
    const answer = await rest('POST', '/resources', { token: tokens.teacher, body: { class: fx.classes.self.id, group: 'LATIN-Z', title: 'Mauvais groupe', link: 'https://ressources.example/groupe' } })
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body)[0]).toContain('LATIN-Z')
  })

  it('a subject that is not one of the class’s level', async () => {
    const other = (await payload.find({ collection: 'subjects', where: { and: [{ school: { equals: fx.schools.main.id } }, { level: { not_equals: fx.classes.self.level } }] }, limit: 1, ...system })).docs[0]
    const answer = await rest('POST', '/resources', { token: tokens.teacher, body: { class: fx.classes.self.id, subject: other.id, title: 'Mauvais cours', link: 'https://ressources.example/cours' } })
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body)[0]).toContain(other.name)
  })
})

describe('the simple REST API', () => {
  it('takes a PDF as multipart (the file, the fields as JSON in _payload), as Payload’s REST does', async () => {
    const pdf = await onePagePdf('Lecture : le fleuve Congo')
    const answer = await rest('POST', '/v1/resources', { token: tokens.teacher, form: form(pdf, `${uniqueName('fleuve')}.pdf`, 'application/pdf', { class: fx.classes.self.id, title: 'Le fleuve Congo' }) })
    const doc = created(answer)
    expect(doc).toMatchObject({ title: 'Le fleuve Congo', mimeType: 'application/pdf', class: fx.classes.self.id, sharedBy: users.teacher.id })
    const file = await download(fileUrl(doc), { token: tokens.student })
    expect({ status: file.status, same: file.data.equals(pdf) }).toEqual({ status: 200, same: true })
    // And refuses the same for a class the teacher does not teach.
    const refused = await rest('POST', '/v1/resources', { token: tokens.teacher, form: form(pdf, `${uniqueName('fleuve')}.pdf`, 'application/pdf', { class: fx.classes.childB.id, title: 'Le fleuve Congo' }) })
    expect(refused.status).toBe(403)
  })

  it('lists a class’s resources by title, as the workspace searches', async () => {
    const listed = await rest('GET', `/v1/resources?${new URLSearchParams({ filter: JSON.stringify({ q: 'fleuve' }) })}`, { token: tokens.student })
    expect(listed.status).toBe(200)
    expect(listed.body.map((d: Doc) => d.title)).toContain('Le fleuve Congo')
  })
})
