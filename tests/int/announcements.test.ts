/**
 * Announcements reach exactly their audience: a class's families and pupils (not another class's),
 * a level's, a group's; a scheduled one appears at its time and an expired one goes, without anyone
 * touching them; a file attached is served only to the audience; a teacher writes only to a class
 * they teach; the audience is told once, whatever is saved again or retried.
 */
import type { Payload, TypedUser } from 'payload'
import { demoAccounts, otherAccounts, tokenFor, userFor } from '../support/accounts'
import { download } from '../support/download'
import { paragraphs } from '../../src/domain/richText'
import { loadFixtures, tinyPng, type Fixtures } from '../support/fixtures'
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
  admin: demoAccounts.admin,
  finance: demoAccounts.finance,
  teacher: demoAccounts.teacher,
  // Children in 5P-A (the demo teacher's) and 1HS.
  parent: demoAccounts.parent,
  // Children in 7EB and 3P-A.
  otherParent: otherAccounts.parent,
  // 7EB, and 3P-A.
  student: demoAccounts.student,
  otherStudent: otherAccounts.student,
  mateteParent: otherAccounts.secondSchoolParent,
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
  for (const id of made) await payload.delete({ collection: 'announcements', id, ...system }).catch(() => undefined)
  await closeTestPayload()
})

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString()
const title = (what: string) => `${what} ${Date.now()}-${made.length}`

const created = (answer: { status: number; body: any }) => {
  expect({ status: answer.status, body: answer.status === 201 ? 'ok' : answer.body }).toEqual({ status: 201, body: 'ok' })
  made.push(answer.body.doc.id)
  return answer.body.doc as Doc
}

/** An announcement written through REST by `who`. */
const announce = async (who: string, data: Record<string, unknown>) =>
  created(await rest('POST', '/announcements', { token: tokens[who], body: { body: paragraphs('Réunion des parents samedi à 9 h.'), state: 'ready', ...data } }))

/** Whether `who` finds it in their list and can open it, and what status they see. */
const seenBy = async (who: string, id: number) => {
  const listed = await rest('GET', `/announcements?where[id][equals]=${id}&depth=0`, { token: tokens[who] })
  const opened = await rest('GET', `/announcements/${id}?depth=0`, { token: tokens[who] })
  expect(listed.status).toBe(200)
  const inList = listed.body.docs.some((d: Doc) => d.id === id)
  expect({ who, agree: inList === (opened.status === 200) }).toEqual({ who, agree: true })
  return inList
}

const audienceOf = async (id: number) => {
  const seen: Record<string, boolean> = {}
  for (const who of Object.keys(accounts)) seen[who] = await seenBy(who, id)
  return seen
}

describe('exactly its audience', () => {
  it('a class: its families and the class’s teacher, not another class’s family nor pupil, nor the second school', async () => {
    const doc = await announce('teacher', { title: title('Sortie au musée'), audience: 'class', class: fx.classes.taught.id })
    expect(await audienceOf(doc.id)).toEqual({ admin: true, finance: false, teacher: true, parent: true, otherParent: false, student: false, otherStudent: false, mateteParent: false })
  })

  it('a level: the families of its classes (the primary: 5P-A and 3P-A), not those of 7EB or 1HS alone', async () => {
    const doc = await announce('admin', { title: title('Examens du primaire'), audience: 'level', level: fx.levels.main.id })
    expect(await audienceOf(doc.id)).toEqual({ admin: true, finance: false, teacher: false, parent: true, otherParent: true, student: false, otherStudent: true, mateteParent: false })
  })

  it('groups: the staff and the teachers, no family', async () => {
    const doc = await announce('admin', { title: title('Conseil des enseignants'), audience: 'role', roles: ['teachers', 'staff'] })
    expect(await audienceOf(doc.id)).toEqual({ admin: true, finance: true, teacher: true, parent: false, otherParent: false, student: false, otherStudent: false, mateteParent: false })
  })

  it('a draft: nobody but the direction and the desk, even of its class', async () => {
    const doc = await announce('admin', { title: title('Brouillon'), audience: 'class', class: fx.classes.taught.id, state: 'draft' })
    expect(doc.status).toBe('draft')
    expect(await audienceOf(doc.id)).toEqual({ admin: true, finance: false, teacher: false, parent: false, otherParent: false, student: false, otherStudent: false, mateteParent: false })
  })
})

describe('in time', () => {
  it('a scheduled announcement appears at its time, untouched', async () => {
    const doc = await announce('admin', { title: title('Rentrée'), audience: 'school', publishAt: inSeconds(3) })
    expect(doc.status).toBe('scheduled')
    expect(await seenBy('parent', doc.id)).toBe(false)
    await pause(3500)
    expect(await seenBy('parent', doc.id)).toBe(true)
    expect((await rest('GET', `/announcements/${doc.id}`, { token: tokens.admin })).body.status).toBe('published')
  })

  it('an expired announcement disappears from its audience’s view and stays for the direction', async () => {
    const doc = await announce('admin', { title: title('Collecte'), audience: 'school', expiresAt: inSeconds(2) })
    expect(await seenBy('student', doc.id)).toBe(true)
    await pause(2500)
    expect(await seenBy('student', doc.id)).toBe(false)
    expect(await seenBy('parent', doc.id)).toBe(false)
    expect((await rest('GET', `/announcements/${doc.id}`, { token: tokens.admin })).body.status).toBe('expired')
  })
})

describe('an attached file', () => {
  let doc: Doc
  let file: Doc
  const form = (fields: Record<string, unknown>) => {
    const png = tinyPng()
    return uploadForm(png.data, png.name, png.mimetype, fields)
  }

  beforeAll(async () => {
    doc = await announce('teacher', { title: title('Plan de la sortie'), audience: 'class', class: fx.classes.taught.id })
    const answer = await rest('POST', '/announcement-files', { token: tokens.teacher, form: form({ announcement: doc.id, description: 'Plan' }) })
    expect(answer.status).toBe(201)
    file = answer.body.doc
  })

  it('downloads for the class’s family, byte for byte', async () => {
    const got = await download(`/announcement-files/file/${encodeURIComponent(file.filename)}`, { token: tokens.parent })
    expect({ status: got.status, bytes: got.data.equals(tinyPng().data) }).toEqual({ status: 200, bytes: true })
  })

  it('gets nothing for another class’s family, another school’s, a pupil of another class or anyone guessing the URL', async () => {
    for (const who of ['otherParent', 'mateteParent', 'student', 'anonymous']) {
      const got = await download(`/announcement-files/file/${encodeURIComponent(file.filename)}`, { token: tokens[who] })
      const record = await rest('GET', `/announcement-files/${file.id}`, { token: tokens[who] })
      expect({ who, file: [403, 404].includes(got.status), bytes: got.data.includes(Buffer.from('PNG')), record: [403, 404].includes(record.status) }).toEqual({ who, file: true, bytes: false, record: true })
    }
  })

  it('goes with its announcement', async () => {
    await payload.delete({ collection: 'announcements', id: doc.id, ...system })
    expect((await payload.count({ collection: 'announcement-files', where: { id: { equals: file.id } }, overrideAccess: true })).totalDocs).toBe(0)
  })
})

describe('what is refused', () => {
  it('a teacher cannot announce to a class they do not teach, nor to the school, a level or a group', async () => {
    const name = title('Hors classe')
    for (const data of [{ audience: 'class', class: fx.classes.childB.id }, { audience: 'school' }, { audience: 'level', level: fx.levels.main.id }, { audience: 'role', roles: ['parents'] }]) {
      const answer = await rest('POST', '/announcements', { token: tokens.teacher, body: { title: name, body: paragraphs('x'), state: 'ready', ...data } })
      expect({ data, status: answer.status }).toEqual({ data, status: 403 })
    }
    await expect(payload.create({ collection: 'announcements', data: { title: name, body: paragraphs('x'), audience: 'class', class: fx.classes.childB.id } as never, user: users.teacher, overrideAccess: false })).rejects.toMatchObject({ status: 403 })
    expect((await payload.count({ collection: 'announcements', where: { title: { equals: name } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('nor move what they wrote to another class or to the whole school, with a message saying why', async () => {
    const doc = await announce('teacher', { title: title('Devoirs'), audience: 'class', class: fx.classes.taught.id, state: 'draft' })
    const moved = await rest('PATCH', `/announcements/${doc.id}`, { token: tokens.teacher, body: { class: fx.classes.childB.id } })
    expect({ status: moved.status, messages: errorMessages(moved.body) }).toEqual({ status: 400, messages: ['Cette classe ne vous est pas attribuée.'] })
    const widened = await rest('PATCH', `/announcements/${doc.id}`, { token: tokens.teacher, body: { audience: 'school' } })
    expect({ status: widened.status, messages: errorMessages(widened.body) }).toEqual({ status: 400, messages: ['Un enseignant écrit à une classe qu’il a, pas à toute l’école, à un niveau ou à un groupe.'] })
    expect(await payload.findByID({ collection: 'announcements', id: doc.id, ...system })).toMatchObject({ audience: 'class', class: fx.classes.taught.id })
  })

  it('an audience without what it names, an expiry before the publication: each field said, in the caller’s language', async () => {
    const name = title('Incomplète')
    const noClass = await rest('POST', '/announcements', { token: tokens.admin, body: { title: name, body: paragraphs('x'), audience: 'class' } })
    expect({ status: noClass.status, messages: errorMessages(noClass.body) }).toEqual({ status: 400, messages: ['Choisissez la classe à qui s’adresse l’annonce.'] })
    const dates = await rest('POST', '/announcements', {
      token: tokens.admin,
      headers: { 'Accept-Language': 'en' },
      body: { title: name, body: paragraphs('x'), audience: 'role', publishAt: '2026-10-02T08:00:00.000Z', expiresAt: '2026-10-01T08:00:00.000Z' },
    })
    expect({ status: dates.status, messages: errorMessages(dates.body).sort() }).toEqual({ status: 400, messages: ['Choose at least one group (parents, students, teachers or staff).', 'The expiry must come after the publication.'] })
    expect((await payload.count({ collection: 'announcements', where: { title: { equals: name } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('a class of the second school', async () => {
    const answer = await rest('POST', '/announcements', { token: tokens.admin, body: { title: title('Ailleurs'), body: paragraphs('x'), audience: 'class', class: fx.classes.matete.id } })
    expect(answer.status).toBe(400)
  })

  it('nobody names another author', async () => {
    const doc = await announce('teacher', { title: title('Auteur'), audience: 'class', class: fx.classes.taught.id, state: 'draft', author: users.admin.id })
    expect((await payload.findByID({ collection: 'announcements', id: doc.id, ...system })).author).toBe(users.teacher.id)
  })
})

describe('its audience is told once', () => {
  const eventOf = (id: number) => `announcement:${id}`

  /** Who was told, as `u<user>` (an account) or `g<guardian>` (a guardian without one). */
  const told = async (id: number) => {
    const { docs } = await payload.find({ collection: 'notifications', where: { event: { equals: eventOf(id) } }, pagination: false, ...system })
    return docs.map((n: Doc) => (n.user ? `u${n.user}` : `g${n.guardian}`)).sort()
  }

  /**
   * The class's audience, found from the school's registers: its pupils with an account, their
   * guardians (by account when they have one), its teachers; not `author`, nor a deactivated
   * account (which reads nothing; another test may have erased a family).
   */
  const classAudience = async (klass: Doc, author: number) => {
    const enrolled = await payload.find({ collection: 'enrollments', where: { class: { equals: klass.id }, status: { equals: 'active' } }, pagination: false, ...system })
    const pupils = await payload.find({ collection: 'students', where: { id: { in: enrolled.docs.map((e: Doc) => e.student) } }, pagination: false, ...system })
    const guardianIds = [...new Set(pupils.docs.flatMap((s: Doc) => s.guardians ?? []))]
    const guardians = await payload.find({ collection: 'guardians', where: { id: { in: guardianIds } }, pagination: false, ...system })
    const assigned = await payload.find({ collection: 'course-assignments', where: { class: { equals: klass.id } }, pagination: false, ...system })
    const teacherIds = [...new Set([...assigned.docs.map((a: Doc) => a.teacher), klass.homeroomTeacher].filter(Boolean))]
    const teachers = await payload.find({ collection: 'teachers', where: { id: { in: teacherIds } }, pagination: false, ...system })
    const people = [
      ...pupils.docs.filter((s: Doc) => s.user).map((s: Doc) => `u${s.user}`),
      ...guardians.docs.map((g: Doc) => (g.user ? `u${g.user}` : `g${g.id}`)),
      ...teachers.docs.filter((t: Doc) => t.user).map((t: Doc) => `u${t.user}`),
    ]
    const accounts = people.filter((who) => who.startsWith('u')).map((who) => Number(who.slice(1)))
    const inactive = await payload.find({ collection: 'users', where: { and: [{ id: { in: accounts } }, { active: { equals: false } }] }, pagination: false, ...system })
    const away = new Set([`u${author}`, ...inactive.docs.map((u: Doc) => `u${u.id}`)])
    return [...new Set(people)].filter((who) => !away.has(who)).sort()
  }

  it('published now: each person of the class once, nobody of another class, never the author', async () => {
    const doc = await announce('teacher', { title: title('Kermesse'), audience: 'class', class: fx.classes.taught.id })
    const expected = await classAudience(fx.classes.taught, users.teacher.id as number)
    expect(expected.length).toBeGreaterThan(5)
    expect(await told(doc.id)).toEqual(expected)
    expect(expected).toContain(`u${users.parent.id}`)
    expect(expected).not.toContain(`u${users.otherParent.id}`)
    const notification = (await payload.find({ collection: 'notifications', where: { event: { equals: eventOf(doc.id) }, user: { equals: users.parent.id } }, ...system })).docs[0]
    expect(notification).toMatchObject({ kind: 'announcementPublished', link: '/announcements', school: fx.schools.main.id })
  })

  it('each is led to where they read it: a family to the portal, a teacher to the workspace, the staff to the admin', async () => {
    const doc = await announce('admin', { title: title('Fermeture exceptionnelle'), audience: 'school' })
    const linkOf = async (user: TypedUser) =>
      (await payload.find({ collection: 'notifications', where: { event: { equals: eventOf(doc.id) }, user: { equals: user.id } }, ...system })).docs.map((n: Doc) => n.link)
    expect({
      parent: await linkOf(users.parent),
      student: await linkOf(users.student),
      teacher: await linkOf(users.teacher),
      finance: await linkOf(users.finance),
      admin: await linkOf(users.admin),
    }).toEqual({
      parent: ['/announcements'],
      student: ['/announcements'],
      teacher: [`/console#/announcements/${doc.id}/show`],
      finance: [`/admin/collections/announcements/${doc.id}`],
      admin: [],
    })
  })

  it('saved again, taken back to draft and published again: nobody told twice', async () => {
    const doc = await announce('admin', { title: title('Journée pédagogique'), audience: 'class', class: fx.classes.self.id })
    const first = await told(doc.id)
    expect(first.length).toBeGreaterThan(5)
    for (const change of [{ title: 'Journée pédagogique (corrigée)' }, { state: 'draft' }, { state: 'ready' }])
      expect((await rest('PATCH', `/announcements/${doc.id}`, { token: tokens.admin, body: change })).status).toBe(200)
    expect(await told(doc.id)).toEqual(first)
  })

  it('widened to another class: only its new people are told', async () => {
    const doc = await announce('admin', { title: title('Visite médicale'), audience: 'class', class: fx.classes.self.id })
    const before = await told(doc.id)
    expect((await rest('PATCH', `/announcements/${doc.id}`, { token: tokens.admin, body: { class: fx.classes.childB.id } })).status).toBe(200)
    const after = await told(doc.id)
    const union = [...new Set([...before, ...(await classAudience(fx.classes.childB, users.admin.id as number))])].sort()
    expect(after).toEqual(union)
  })

  it('scheduled: nobody told before its time; the worker’s run at its time tells them, and a job run again tells nobody more', async () => {
    const doc = await announce('admin', { title: title('Fête de fin d’année'), audience: 'class', class: fx.classes.taught.id, publishAt: inSeconds(3) })
    expect(await told(doc.id)).toEqual([])
    const ofThis = { taskSlug: { equals: 'publishAnnouncement' }, 'input.announcement': { equals: doc.id } }
    const jobs = await payload.find({ collection: 'payload-jobs', where: ofThis, ...system })
    expect(jobs.docs).toHaveLength(1)
    expect(new Date(jobs.docs[0].waitUntil as string).toISOString()).toBe(new Date(doc.publishAt).toISOString())
    // As the worker runs the queue (src/jobs/worker.ts): before its time the job waits.
    await payload.jobs.run({ where: ofThis })
    expect(await told(doc.id)).toEqual([])
    await pause(3500)
    await payload.jobs.run({ where: ofThis })
    const expected = await classAudience(fx.classes.taught, users.admin.id as number)
    expect(await told(doc.id)).toEqual(expected)
    const again = await payload.jobs.queue({ task: 'publishAnnouncement', input: { announcement: doc.id } })
    await payload.jobs.runByID({ id: again.id })
    expect(await told(doc.id)).toEqual(expected)
  })

  it('moved later before its time: the first job tells nobody', async () => {
    const doc = await announce('admin', { title: title('Réunion reportée'), audience: 'class', class: fx.classes.taught.id, publishAt: inSeconds(1) })
    const [first] = (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'publishAnnouncement' }, 'input.announcement': { equals: doc.id } }, ...system })).docs
    expect((await rest('PATCH', `/announcements/${doc.id}`, { token: tokens.admin, body: { publishAt: inSeconds(3600) } })).status).toBe(200)
    await pause(1500)
    await payload.jobs.runByID({ id: first.id })
    expect(await told(doc.id)).toEqual([])
  })
})
