/**
 * Messages between a school and its families. The demo parent (Véronique MUKENDI: Grâce in 5P-A,
 * Jonathan in 1HS) writes to the demo teacher, who teaches 5P-A, and to the secretariat; writing
 * to a teacher of 3P-A only is refused through REST, GraphQL and the Local API, and nothing is
 * written. A teacher writes to a whole class and closes a conversation; a closed conversation
 * takes no more messages; files are served to the participants only; read receipts say who read.
 */
import type { Payload, TypedUser } from 'payload'
import { demoAccounts, otherAccounts, tokenFor, userFor } from '../support/accounts'
import { download } from '../support/download'
import { loadFixtures, onePagePdf, type Fixtures } from '../support/fixtures'
import { errorMessages, graphql, rest } from '../support/http'
import { body, otherClassTeacher } from '../support/messaging'
import { closeTestPayload, testPayload } from '../support/payload'

type Doc = Record<string, any>
let payload: Payload
let fx: Fixtures
let stranger: Awaited<ReturnType<typeof otherClassTeacher>>
const tokens: Record<string, string> = {}
const users: Record<string, TypedUser> = {}
const system = { overrideAccess: true, depth: 0 } as const

const accounts = {
  teacher: demoAccounts.teacher,
  parent: demoAccounts.parent,
  student: demoAccounts.student,
  secretariat: demoAccounts.secretariat,
  finance: demoAccounts.finance,
  // Exaucé's (7EB) and Divine's (3P-A) father; Divine herself; a parent of the second school.
  otherParent: otherAccounts.parent,
  otherStudent: otherAccounts.student,
  mateteParent: otherAccounts.secondSchoolParent,
}

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  stranger = await otherClassTeacher(payload, fx.schools.main.id, 'messages')
  for (const [who, email] of Object.entries(accounts)) {
    tokens[who] = await tokenFor(payload, email)
    users[who] = await userFor(payload, email)
  }
})

afterAll(async () => {
  await stranger?.remove()
  await closeTestPayload()
})

const id = (who: string) => users[who].id
const conversationsCount = () => payload.count({ collection: 'conversations', ...system }).then((r) => r.totalDocs)

/** A direct conversation opened over REST by `who`; the answer as REST gives it. */
const open = (who: string, recipients: unknown[], extra: Record<string, unknown> = {}) =>
  rest('POST', '/conversations', { token: tokens[who], body: { school: fx.schools.main.id, topic: `Au sujet de la classe ${Date.now()}`, participants: recipients, ...extra } })

const opened = async (who: string, recipients: unknown[], extra: Record<string, unknown> = {}) => {
  const answer = await open(who, recipients, extra)
  expect({ status: answer.status, errors: answer.status === 201 ? [] : errorMessages(answer.body) }).toEqual({ status: 201, errors: [] })
  return answer.body.doc as Doc
}

const post = (who: string, conversation: unknown, text: string, extra: Record<string, unknown> = {}) =>
  rest('POST', '/messages', { token: tokens[who], body: { conversation, body: body(text), ...extra } })

const posted = async (who: string, conversation: unknown, text: string, extra: Record<string, unknown> = {}) => {
  const answer = await post(who, conversation, text, extra)
  expect({ status: answer.status, errors: answer.status === 201 ? [] : errorMessages(answer.body) }).toEqual({ status: 201, errors: [] })
  return answer.body.doc as Doc
}

describe('a parent', () => {
  it("writes to a teacher of their child and to the secretariat; both read it, the parent's other correspondents do not", async () => {
    const conversation = await opened('parent', [id('teacher')], { student: fx.students.childA.id })
    expect(conversation.participants.map((p: Doc) => p.id ?? p).sort()).toEqual([id('parent'), id('teacher')].sort())
    expect(conversation.openedBy.id ?? conversation.openedBy).toBe(id('parent'))
    const message = await posted('parent', conversation.id, 'Bonjour Monsieur,\n\nGrâce était malade hier.')
    expect((await rest('GET', `/messages/${message.id}`, { token: tokens.teacher })).status).toBe(200)
    for (const who of ['otherParent', 'secretariat', 'student']) {
      expect({ who, status: (await rest('GET', `/messages/${message.id}`, { token: tokens[who] })).status }).toEqual({ who, status: 404 })
      expect({ who, status: (await rest('GET', `/conversations/${conversation.id}`, { token: tokens[who] })).status }).toEqual({ who, status: 404 })
    }
    await opened('parent', [id('secretariat')])
  })

  it('is refused, field named, when writing to a teacher who does not teach their children (REST, GraphQL, Local API); nothing is written', async () => {
    const before = await conversationsCount()
    const viaRest = await open('parent', [stranger.user.id])
    expect(viaRest.status).toBe(400)
    expect(viaRest.body.errors[0].data.errors[0].path).toBe('participants')
    expect(errorMessages(viaRest.body)[0]).toContain(`Vous ne pouvez pas écrire à : ${stranger.user.name}`)

    const viaGraphql = await graphql(
      'mutation($data: mutationConversationInput!) { createConversation(data: $data) { id } }',
      { data: { school: fx.schools.main.id, topic: 'Bonjour', kind: 'direct', status: 'open', participants: [stranger.user.id] } },
      tokens.parent,
    )
    expect(viaGraphql.body.data?.createConversation ?? null).toBeNull()
    expect(JSON.stringify(viaGraphql.body.errors)).toContain(stranger.user.name)

    const viaLocal = payload.create({ collection: 'conversations', data: { school: fx.schools.main.id, topic: 'Bonjour', participants: [stranger.user.id] } as never, user: users.parent, overrideAccess: false })
    await expect(viaLocal).rejects.toMatchObject({ status: 400, data: { errors: [expect.objectContaining({ path: 'participants' })] } })
    expect(await conversationsCount()).toBe(before)
  })

  it('may not write to another family, nor to a teacher of another school', async () => {
    const toParent = await open('parent', [id('otherParent')])
    expect({ status: toParent.status, path: toParent.body.errors?.[0]?.data?.errors?.[0]?.path }).toEqual({ status: 400, path: 'participants' })
    const mateteTeacher = await userFor(payload, otherAccounts.secondSchoolTeacher)
    expect((await open('parent', [mateteTeacher.id])).status).toBe(400)
  })

  it('says so in English for an English caller', async () => {
    const answer = await rest('POST', '/conversations', { token: tokens.parent, headers: { 'Accept-Language': 'en' }, body: { school: fx.schools.main.id, topic: 'Hello', participants: [] } })
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body)).toContain('Choose at least one recipient.')
  })
})

describe('whom the new-message forms offer', () => {
  it('is, for a parent, the teachers of their children and the desk, never a teacher of another class', async () => {
    const answer = await rest('GET', '/conversations/correspondents', { token: tokens.parent })
    expect(answer.status).toBe(200)
    const offered = answer.body.docs.map((c: Doc) => c.id)
    expect(offered).toEqual(expect.arrayContaining([id('teacher'), id('secretariat')]))
    expect(offered).not.toContain(stranger.user.id)
    expect(offered).not.toContain(id('otherParent'))
    expect((await rest('GET', '/conversations/correspondents')).status).toBe(401)
  })
})

describe('a pupil and a teacher', () => {
  it('lets a pupil write to their teacher, not to a teacher of another class', async () => {
    await opened('student', [id('teacher')])
    expect((await open('otherStudent', [id('teacher')])).status).toBe(400)
  })

  it("lets a teacher write to a pupil's guardian and to a pupil of their classes, not to a family of another class", async () => {
    await opened('teacher', [id('otherParent')], { student: fx.students.self.id })
    await opened('teacher', [id('student')])
    const toOtherClass = await open('teacher', [id('otherStudent')])
    expect(errorMessages(toOtherClass.body)[0]).toContain('Divine KASONGO')
  })

  it('lets the secretariat write to any family; finance opens nothing', async () => {
    await opened('secretariat', [id('otherParent')])
    expect((await open('finance', [id('parent')])).status).toBe(403)
  })
})

describe('a whole class', () => {
  it("reaches the class's guardians; families read it but do not write; the teacher may only write to classes they teach", async () => {
    const answer = await rest('POST', '/conversations', { token: tokens.teacher, body: { school: fx.schools.main.id, topic: 'Sortie au musée', kind: 'class', class: fx.classes.taught.id, audience: 'guardians' } })
    expect(answer.status).toBe(201)
    const conversation = answer.body.doc as Doc
    const participants = conversation.participants.map((p: Doc) => p.id ?? p)
    expect(participants).toEqual(expect.arrayContaining([id('teacher'), id('parent')]))
    expect(participants).not.toContain(id('otherParent'))
    const message = await posted('teacher', conversation.id, 'Sortie au musée vendredi.')
    expect((await rest('GET', `/messages/${message.id}`, { token: tokens.parent })).status).toBe(200)
    const reply = await post('parent', conversation.id, "D'accord.")
    expect({ status: reply.status, path: reply.body.errors[0].data.errors[0].path }).toEqual({ status: 400, path: 'conversation' })

    const other = await rest('POST', '/conversations', { token: tokens.teacher, body: { school: fx.schools.main.id, topic: 'Hors de ma classe', kind: 'class', class: stranger.klass.id } })
    expect({ status: other.status, path: other.body.errors?.[0]?.data?.errors?.[0]?.path }).toEqual({ status: 400, path: 'class' })
    const byParent = await rest('POST', '/conversations', { token: tokens.parent, body: { school: fx.schools.main.id, topic: 'Toute la classe', kind: 'class', class: fx.classes.taught.id } })
    expect(byParent.status).toBe(400)
  })
})

describe('closing a conversation', () => {
  it('is for the teacher; a closed conversation takes no more messages', async () => {
    const conversation = await opened('parent', [id('teacher')])
    await posted('teacher', conversation.id, 'Je vous reçois lundi à 8 h.')
    expect((await rest('PATCH', `/conversations/${conversation.id}`, { token: tokens.parent, body: { status: 'closed' } })).status).toBe(403)
    const closed = await rest('PATCH', `/conversations/${conversation.id}`, { token: tokens.teacher, body: { status: 'closed' } })
    expect(closed.status).toBe(200)
    expect(closed.body.doc.status).toBe('closed')
    expect(closed.body.doc.closedBy.id ?? closed.body.doc.closedBy).toBe(id('teacher'))
    expect(closed.body.doc.closedAt).toBeTruthy()
    for (const who of ['parent', 'teacher']) {
      const late = await post(who, conversation.id, 'Encore un mot.')
      expect({ who, status: late.status, messages: errorMessages(late.body) }).toEqual({ who, status: 400, messages: ['Cette conversation est fermée : on ne peut plus y écrire.'] })
    }
  })

  it('never lets anyone change who takes part or edit another’s message', async () => {
    const conversation = await opened('parent', [id('teacher')])
    const message = await posted('teacher', conversation.id, 'Bonjour.')
    await rest('PATCH', `/conversations/${conversation.id}`, { token: tokens.teacher, body: { participants: [id('teacher'), id('parent'), id('otherParent')] } })
    const after = await payload.findByID({ collection: 'conversations', id: conversation.id, ...system })
    expect((after.participants as number[]).sort()).toEqual([id('parent'), id('teacher')].sort())
    expect((await rest('PATCH', `/messages/${message.id}`, { token: tokens.parent, body: { body: body('Changé') } })).status).toBe(403)
    expect((await rest('DELETE', `/messages/${message.id}`, { token: tokens.parent })).status).toBe(403)
  })
})

describe('attachments', () => {
  const form = (data: Buffer, name: string, type: string, fields: Record<string, unknown>) => {
    const data_ = new FormData()
    data_.append('file', new Blob([new Uint8Array(data)], { type }), name)
    data_.append('_payload', JSON.stringify(fields))
    return data_
  }

  it('are served to the conversation’s participants only', async () => {
    const conversation = await opened('parent', [id('teacher')])
    const pdf = await onePagePdf('Certificat médical')
    const uploaded = await rest('POST', '/message-attachments', { token: tokens.parent, form: form(pdf, `certificat-${Date.now()}.pdf`, 'application/pdf', { conversation: conversation.id }) })
    expect(uploaded.status).toBe(201)
    const file = uploaded.body.doc as Doc
    await posted('parent', conversation.id, 'Voici le certificat.', { attachments: [file.id] })
    const url = `/message-attachments/file/${encodeURIComponent(file.filename)}`
    const fetched = await download(url, { token: tokens.teacher })
    expect({ status: fetched.status, pdf: fetched.data.subarray(0, 5).toString() }).toEqual({ status: 200, pdf: '%PDF-' })
    for (const token of [tokens.otherParent, tokens.secretariat, undefined])
      expect([403, 404]).toContain((await download(url, { token })).status)
  })

  it('refuse a file that is not what its name says, and a file of another conversation', async () => {
    const conversation = await opened('parent', [id('teacher')])
    const fake = await rest('POST', '/message-attachments', { token: tokens.parent, form: form(Buffer.from('pas un PDF'), 'faux.pdf', 'application/pdf', { conversation: conversation.id }) })
    expect({ status: fake.status, messages: errorMessages(fake.body) }).toEqual({ status: 400, messages: [expect.stringContaining('n’est pas un vrai fichier .pdf')] })

    const elsewhere = await opened('parent', [id('secretariat')])
    const pdf = await onePagePdf('Autre')
    const theirs = await rest('POST', '/message-attachments', { token: tokens.parent, form: form(pdf, `autre-${Date.now()}.pdf`, 'application/pdf', { conversation: elsewhere.id }) })
    const misplaced = await post('parent', conversation.id, 'Pièce jointe', { attachments: [theirs.body.doc.id] })
    expect(misplaced.status).toBe(400)
    const outsider = await rest('POST', '/message-attachments', { token: tokens.otherParent, form: form(pdf, `intrus-${Date.now()}.pdf`, 'application/pdf', { conversation: conversation.id }) })
    expect(outsider.status).toBe(400)
  })
})

describe('notifications', () => {
  it('tell the other participants of each new message, never its author, once', async () => {
    const conversation = await opened('teacher', [id('otherParent')], { student: fx.students.self.id })
    const message = await posted('teacher', conversation.id, 'Exaucé a brillamment réussi son exposé.')
    const told = await payload.find({ collection: 'notifications', where: { event: { equals: `message:${message.id}` } }, ...system })
    expect(told.docs.map((n) => ({ user: n.user, kind: n.kind, link: n.link }))).toEqual([{ user: id('otherParent'), kind: 'messageReceived', link: `/messages/${conversation.id}` }])
    const mine = await rest('GET', `/notifications?where[event][equals]=message:${message.id}`, { token: tokens.otherParent })
    expect(mine.body.docs).toHaveLength(1)
    const reply = await posted('otherParent', conversation.id, 'Merci beaucoup !')
    const toTeacher = await payload.find({ collection: 'notifications', where: { event: { equals: `message:${reply.id}` } }, ...system })
    expect(toTeacher.docs.map((n) => ({ user: n.user, link: n.link }))).toEqual([{ user: id('teacher'), link: `/console#/conversations/${conversation.id}/show` }])
  })
})

describe('read receipts', () => {
  it('are each participant’s own: unread until read, then "read" beside the message', async () => {
    const conversation = await opened('teacher', [id('parent')], { student: fx.students.childA.id })
    const message = await posted('teacher', conversation.id, 'Réunion des parents jeudi.')
    const receipt = (doc: Doc, who: string) => (doc.reads ?? []).find((r: Doc) => (r.user?.id ?? r.user) === id(who))
    const before = (await rest('GET', `/conversations/${conversation.id}?depth=0`, { token: tokens.parent })).body
    expect(receipt(before, 'teacher')).toBeTruthy()
    expect(receipt(before, 'parent')).toBeUndefined()
    expect(Date.parse(before.lastMessageAt)).toBe(Date.parse(message.createdAt))

    expect((await rest('PATCH', `/conversations/${conversation.id}`, { token: tokens.parent, body: { reads: [{ user: id('teacher'), at: '2020-01-01' }] } })).status).toBe(403)
    expect((await rest('POST', `/conversations/${conversation.id}/read`, { token: tokens.otherParent })).status).toBe(404)
    const read = await rest('POST', `/conversations/${conversation.id}/read`, { token: tokens.parent })
    expect(read.status).toBe(200)
    const after = (await rest('GET', `/conversations/${conversation.id}?depth=0`, { token: tokens.teacher })).body
    expect(Date.parse(receipt(after, 'parent').at)).toBeGreaterThanOrEqual(Date.parse(message.createdAt))
    expect(receipt(after, 'teacher').at).toBe(receipt(before, 'teacher').at)
  })
})
