/** The weekly timetable: clashes refused with the other slot named, weeks as data and as calendars. */
import type { Payload } from 'payload'
import { demoAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, subjectOf, type Fixtures } from '../support/fixtures'
import { rest, errorMessages } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
let secretariat: string
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  secretariat = await tokenFor(payload, demoAccounts.secretariat)
})
afterAll(closeTestPayload)

const slot = (data: Record<string, unknown>) => rest('POST', '/timetable-slots', { token: secretariat, body: { school: fx.schools.main.id, duration: 50, ...data } })

describe('timetable clashes', () => {
  it('refuses a second lesson for a teacher at the same hour, naming the lesson already there', async () => {
    const taken = await payload.findByID({ collection: 'timetable-slots', id: fx.timetableSlots.taught.id, depth: 1 })
    const teacher = (taken.teacher as { id: number }).id
    // Another class, another room, same teacher, ten minutes later: still overlapping.
    const [hours, minutes] = taken.start.split(':').map(Number)
    const start = `${String(hours).padStart(2, '0')}:${String(minutes + 10).padStart(2, '0')}`
    const answer = await slot({ class: fx.classes.childB.id, subject: (await subjectOf(payload, fx.classes.childB, 'Physique')), teacher, weekday: taken.weekday, start })
    expect(answer.status).toBe(400)
    // Every lesson in the way is named: the teacher's, and the other class's own lesson at that hour.
    const teacherClash = errorMessages(answer.body).find((m) => m.includes('5P-A'))
    expect(teacherClash).toContain((taken.subject as { name: string }).name)
    expect(teacherClash).toContain('même enseignant')
  })

  it('two groups of one class may have lessons at the same hour; a whole-class lesson then may not', async () => {
    const klass = await payload.create({
      collection: 'classes',
      data: { school: fx.schools.main.id, schoolYear: fx.schoolYears.main.id, level: fx.levels.main.id, grade: 2, name: 'Classe à groupes', code: `GRP-${Date.now()}`, groups: [{ code: 'G1' }, { code: 'G2' }] },
    })
    const subject = fx.subjects.main.id
    const at = { class: klass.id, subject, weekday: 'sat', start: '10:00' }
    expect((await slot({ ...at, group: 'G1' })).status).toBe(201)
    expect((await slot({ ...at, group: 'G2' })).status).toBe(201)
    const whole = await slot({ ...at, start: '10:30' })
    expect(whole.status).toBe(400)
    expect(errorMessages(whole.body)[0]).toContain('même classe')
    const sameGroup = await slot({ ...at, group: 'G1', start: '10:45' })
    expect(errorMessages(sameGroup.body)[0]).toContain('même groupe')
    expect((await slot({ ...at, group: 'G3' })).status).toBe(400)
    // Touching lessons do not overlap.
    expect((await slot({ ...at, start: '10:50' })).status).toBe(201)
  })

  it('refuses two classes in one room at once', async () => {
    const room = await payload.create({ collection: 'rooms', data: { school: fx.schools.main.id, name: `Labo ${Date.now()}` } })
    expect((await slot({ class: fx.classes.childB.id, subject: await subjectOf(payload, fx.classes.childB, 'Chimie'), room: room.id, weekday: 'sat', start: '14:00' })).status).toBe(201)
    const answer = await slot({ class: fx.classes.taught.id, subject: fx.subjects.main.id, room: room.id, weekday: 'sat', start: '14:20' })
    expect(errorMessages(answer.body)[0]).toContain('même salle')
  })

  it('refuses an impossible start or duration with a clear message', async () => {
    const answer = await slot({ class: fx.classes.childB.id, subject: await subjectOf(payload, fx.classes.childB, 'Chimie'), weekday: 'sat', start: '25:00' })
    expect(answer.status).toBe(400)
    expect(errorMessages(answer.body)).toEqual(['Heure de début invalide : écrivez HH:MM, par exemple 08:00.'])
  })
})

describe('a week as data and as a calendar', () => {
  it('a teacher reads their own week, sorted by day and hour, with the end of each lesson', async () => {
    const token = await tokenFor(payload, demoAccounts.teacher)
    const week = await rest('GET', '/timetable-slots/week?date=2026-11-23', { token })
    expect(week.status).toBe(200)
    const slots = week.body.slots as { weekday: number; start: string; end: string; teacher: number; className: string }[]
    expect(slots.length).toBeGreaterThan(5)
    expect(slots.every((s) => s.teacher === fx.teachers.demoTeacher.id)).toBe(true)
    const order = slots.map((s) => `${s.weekday} ${s.start}`)
    expect(order).toEqual([...order].sort())
    expect(slots[0].end).toBe(addMinutes(slots[0].start, 50))
    expect(new Set(slots.map((s) => s.className))).toEqual(new Set(['5e primaire A', '6e primaire A', '7e EB']))
  })

  it("a parent reads their child's class week with the evaluations planned in it, and nothing of another class", async () => {
    const token = await tokenFor(payload, demoAccounts.parent)
    const week = await rest('GET', `/timetable-slots/week?student=${fx.students.childA.id}&from=2026-11-16&to=2026-11-22`, { token })
    expect(week.status).toBe(200)
    expect(week.body.slots.every((s: { class: number }) => s.class === fx.classes.taught.id)).toBe(true)
    expect(week.body.exams.map((e: { title: string; date: string }) => [e.title, e.date])).toContainEqual(['Interrogation 2', '2026-11-20'])
    expect((await rest('GET', `/timetable-slots/week?class=${fx.classes.self.id}`, { token })).status).toBe(404)
    expect((await rest('GET', `/timetable-slots/week?student=${fx.students.self.id}`, { token })).status).toBe(404)
  })

  it('serves the class week as an iCalendar feed: weekly lessons over the school year and dated evaluations', async () => {
    const token = await tokenFor(payload, demoAccounts.teacher)
    const feed = await rest('GET', `/timetable-slots/calendar?class=${fx.classes.taught.id}`, { token })
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toContain('text/calendar')
    const text = feed.body as string
    expect(text).toContain('BEGIN:VCALENDAR')
    expect(text).toMatch(/RRULE:FREQ=WEEKLY;UNTIL=2027070/)
    expect(text).toContain('DTSTART;TZID=Africa/Kinshasa:')
    expect(text).toContain(`UID:exam-${fx.evaluations.unpublished.id}@kelasi`)
    const anonymous = await rest('GET', `/timetable-slots/calendar?class=${fx.classes.taught.id}`)
    expect(anonymous.status).toBe(401)
  })
})

const addMinutes = (start: string, minutes: number) => {
  const [h, m] = start.split(':').map(Number)
  const total = h * 60 + m + minutes
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}
