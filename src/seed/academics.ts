import type { Payload } from 'payload'
import { weekdays } from '../../collections/academics/slotTitle'

type ID = number | string
export type ClassPlan = { name: string; code: string; level: string; grade: number; section?: string; size: number; ageFrom: number }
type SubjectPlan = { name: string; code: string; maximum: number; coefficient: number; hours: number }

/** The three cycles of a Congolese school, with their courses and maxima per period. */
export const levelPlans: { name: string; code: string; order: number; years: number; subjects: SubjectPlan[] }[] = [
  {
    name: 'Primaire',
    code: 'P',
    order: 1,
    years: 6,
    subjects: [
      { name: 'Mathématiques', code: 'MATH', maximum: 20, coefficient: 4, hours: 6 },
      { name: 'Français', code: 'FR', maximum: 20, coefficient: 4, hours: 6 },
      { name: 'Sciences', code: 'SC', maximum: 10, coefficient: 2, hours: 3 },
      { name: 'Éducation civique', code: 'EC', maximum: 10, coefficient: 1, hours: 2 },
    ],
  },
  {
    name: 'Éducation de base',
    code: 'EB',
    order: 2,
    years: 2,
    subjects: [
      { name: 'Mathématiques', code: 'MATH', maximum: 20, coefficient: 4, hours: 5 },
      { name: 'Français', code: 'FR', maximum: 20, coefficient: 4, hours: 5 },
      { name: 'Anglais', code: 'ANG', maximum: 10, coefficient: 2, hours: 3 },
      { name: 'Sciences naturelles', code: 'SN', maximum: 10, coefficient: 2, hours: 3 },
    ],
  },
  {
    name: 'Humanités scientifiques',
    code: 'HS',
    order: 3,
    years: 4,
    subjects: [
      { name: 'Mathématiques', code: 'MATH', maximum: 40, coefficient: 5, hours: 7 },
      { name: 'Physique', code: 'PHY', maximum: 30, coefficient: 4, hours: 4 },
      { name: 'Chimie', code: 'CHI', maximum: 20, coefficient: 3, hours: 3 },
      { name: 'Français', code: 'FR', maximum: 20, coefficient: 3, hours: 4 },
    ],
  },
]

const create = async (payload: Payload, collection: string, data: Record<string, unknown>) =>
  (await payload.create({ collection: collection as 'levels', data: data as never, depth: 0 })) as unknown as { id: ID }

/** Levels and their subjects, with the same maxima for each given school year. */
export const seedLevels = async (payload: Payload, school: ID, years: ID[], plans: typeof levelPlans) => {
  const levels = new Map<string, { id: ID; subjects: (SubjectPlan & { id: ID })[] }>()
  for (const plan of plans) {
    const level = await create(payload, 'levels', { school, name: plan.name, code: plan.code, order: plan.order, years: plan.years })
    const subjects = []
    for (const [order, subject] of plan.subjects.entries()) {
      const { id } = await create(payload, 'subjects', {
        school,
        level: level.id,
        name: subject.name,
        code: subject.code,
        coefficient: subject.coefficient,
        order,
        maxima: years.map((schoolYear) => ({ schoolYear, periodMaximum: subject.maximum })),
      })
      subjects.push({ ...subject, id })
    }
    levels.set(plan.code, { id: level.id, subjects })
  }
  return levels
}

export const seedRooms = async (payload: Payload, school: ID, count: number) => {
  const rooms: ID[] = []
  for (let n = 1; n <= count; n++) rooms.push((await create(payload, 'rooms', { school, name: `Salle ${n}`, code: `S${n}`, capacity: 45 })).id)
  return rooms
}

/** Up to four 50-minute lessons a weekday morning, each given to a teacher free at that hour. */
const lessons = ['07:30', '08:20', '09:10', '10:20', '11:10', '12:00']
const lessonsPerDay = 4

export const seedTimetable = async (
  payload: Payload,
  school: ID,
  classes: { id: ID; room: ID }[],
  assignments: { class: ID; subject: ID; teacher: ID }[],
) => {
  const busy = new Set<string>()
  for (const klass of classes) {
    const courses = assignments.filter((a) => a.class === klass.id)
    for (let weekday = 1; weekday <= 5; weekday++) {
      let placed = 0
      for (const [index, start] of lessons.entries()) {
        if (placed === lessonsPerDay) break
        const course = courses
          .map((_, k) => courses[(weekday + index + k) % courses.length])
          .find((candidate) => !busy.has(`${candidate.teacher}:${weekday}:${start}`))
        if (!course) continue
        placed++
        busy.add(`${course.teacher}:${weekday}:${start}`)
        await create(payload, 'timetable-slots', { school, class: klass.id, subject: course.subject, teacher: course.teacher, room: klass.room, weekday: weekdays[weekday - 1], start, duration: 50 })
      }
    }
  }
}
