import type { Payload } from 'payload'
import type { Role } from '../domain/roles'
import { demoAccounts, demoPassword, otherAccounts } from './accounts'
import { birthPlaces, boysFirstNames, girlsFirstNames, postNames, professions, surnames } from './names'
import { levelPlans, seedLevels, seedRooms, seedTimetable, type ClassPlan } from './academics'
import { seedMarksAndRoll } from './marks'
import { seedFinance } from './finance'
import { seedReportCards } from './reportCards'
import { seededRandom } from './random'

type ID = number | string
type SchoolPlan = {
  name: string
  code: string
  address: string
  city: string
  classes: ClassPlan[]
}

const mainSchool: SchoolPlan = {
  name: 'Complexe Scolaire Mont Amba',
  code: 'CSMA',
  address: 'Avenue de l’Université 12, Lemba',
  city: 'Kinshasa',
  classes: [
    ...[1, 2, 3, 4, 5, 6].map((year) => ({
      name: `${year === 1 ? '1re' : `${year}e`} primaire A`,
      code: `${year}P-A`,
      level: 'P',
      grade: year,
      section: 'A',
      size: 16,
      ageFrom: 5 + year,
    })),
    { name: '7e EB', code: '7EB', level: 'EB', grade: 1, size: 15, ageFrom: 12 },
    { name: '8e EB', code: '8EB', level: 'EB', grade: 2, size: 14, ageFrom: 13 },
    { name: '1re Scientifique', code: '1HS', level: 'HS', grade: 1, size: 14, ageFrom: 14 },
    { name: '2e Scientifique', code: '2HS', level: 'HS', grade: 2, size: 12, ageFrom: 15 },
    { name: '3e Scientifique', code: '3HS', level: 'HS', grade: 3, size: 12, ageFrom: 16 },
    { name: '4e Scientifique', code: '4HS', level: 'HS', grade: 4, size: 11, ageFrom: 17 },
  ],
}

const secondSchool: SchoolPlan = {
  name: 'École Primaire Les Palmiers de Matete',
  code: 'EPPM',
  address: 'Rue Kinzau 7, Matete',
  city: 'Kinshasa',
  classes: [
    { name: '3e primaire', code: '3P', level: 'P', grade: 3, size: 8, ageFrom: 8 },
    { name: '4e primaire', code: '4P', level: 'P', grade: 4, size: 7, ageFrom: 9 },
  ],
}

/**
 * The demo: a school in Kinshasa (Congolese grading, ~180 students, families sharing a
 * guardian, teachers, one account per role) and a small second school in Matete whose
 * records the first school's people never see.
 */
export const seedDemo = async (payload: Payload) => {
  const random = seededRandom(2026)
  const create = async <T extends Record<string, unknown>>(collection: string, data: T) =>
    (await payload.create({ collection: collection as 'schools', data: data as never, depth: 0 })) as unknown as { id: ID }

  const account = async (email: string, name: string, roles: Role[], schools: ID[], language = 'fr') =>
    (
      await payload.create({
        collection: 'users',
        data: { email, password: demoPassword, name, roles, schools, language, active: true, _verified: true } as never,
        disableVerificationEmail: true,
        depth: 0,
      })
    ).id

  const seedSchool = async (plan: SchoolPlan, matriculePrefix: string) => {
    const school = await create('schools', {
      name: plan.name,
      code: plan.code,
      address: plan.address,
      city: plan.city,
      province: 'Kinshasa',
      phone: '+243 81 000 0000',
      gradingScheme: 'rdc',
    })
    const previousYear = await create('school-years', { school: school.id, name: '2025-2026', startDate: '2025-09-01', endDate: '2026-07-02' })
    const year = await create('school-years', {
      school: school.id,
      name: '2026-2027',
      startDate: '2026-09-01',
      endDate: '2027-07-02',
      current: true,
    })
    const periods = [
      ['1re période', 'P1', '2026-09-01', '2026-10-31'],
      ['2e période', 'P2', '2026-11-01', '2026-12-15'],
      ['Examens du 1er semestre', 'EX1', '2026-12-16', '2026-12-23'],
      ['3e période', 'P3', '2027-01-06', '2027-03-15'],
      ['4e période', 'P4', '2027-03-16', '2027-06-10'],
      ['Examens du 2e semestre', 'EX2', '2027-06-11', '2027-07-02'],
    ]
    for (const [index, [name, code, startDate, endDate]] of periods.entries())
      await create('terms', { school: school.id, schoolYear: year.id, name, code, order: index + 1, startDate, endDate })
    const levels = await seedLevels(payload, school.id, [previousYear.id, year.id], levelPlans.filter((level) => plan.classes.some((c) => c.level === level.code)))
    const rooms = await seedRooms(payload, school.id, plan.classes.length)
    const classes = []
    for (const [index, { size: _size, ageFrom: _age, level, ...fields }] of plan.classes.entries()) {
      const id = (await create('classes', { school: school.id, schoolYear: year.id, level: levels.get(level)!.id, capacity: 45, ...fields })).id
      classes.push({ ...plan.classes[index], id, room: rooms[index] })
    }
    return { school: school.id, year: year.id, levels, classes, matriculePrefix, nextMatricule: 1 }
  }

  const main = await seedSchool(mainSchool, 'CSMA')
  const matete = await seedSchool(secondSchool, 'EPPM')
  const both = [main.school, matete.school]

  await account(demoAccounts.it, 'Service informatique', ['it'], both)
  await account(demoAccounts.admin, 'Sœur Marie-Claire MBOMBO', ['admin'], [main.school])
  await account(demoAccounts.secretariat, 'Jeanine KAPINGA', ['secretariat'], [main.school])
  await account(demoAccounts.finance, 'Albert NSIMBA', ['finance'], [main.school])
  await account(otherAccounts.secondSchoolAdmin, 'Pasteur Jean LUTETE', ['admin'], [matete.school])

  // Teachers: the demo teacher has three classes of the main school, not all of them.
  const teacherRecord = async (school: ID, names: [string, string, string], specialities: string[], email?: string) => {
    const user = email ? await account(email, `${names[2]} ${names[0]}`, ['teacher'], [school]) : undefined
    return (
      await create('teachers', {
        schools: [school],
        lastName: names[0],
        postName: names[1],
        firstName: names[2],
        phone: `+243 99 ${random.int(100, 999)} ${random.int(1000, 9999)}`,
        specialities,
        user,
        email,
      })
    ).id
  }
  const demoTeacher = await teacherRecord(main.school, ['KALALA', 'MUANDA', 'Patrick'], ['Mathématiques', 'Sciences'], demoAccounts.teacher)
  const colleague = await teacherRecord(main.school, ['NGALULA', 'KITENGE', 'Esther'], ['Français'], otherAccounts.teacher)
  const staffRoom = [demoTeacher, colleague]
  for (let i = 0; i < 6; i++)
    staffRoom.push(
      await teacherRecord(main.school, [random.pick(surnames), random.pick(postNames), random.pick(boysFirstNames)], ['Généraliste']),
    )
  const mateteTeacher = await teacherRecord(matete.school, ['BOKETSHU', 'NDOMBE', 'Ruth'], ['Généraliste'], otherAccounts.secondSchoolTeacher)

  // Each class has a titulaire; the demo teacher is the titulaire of 5P-A.
  const demoTeacherClasses = new Set(['5P-A', '6P-A', '7EB'])
  const assignments: { class: ID; subject: ID; teacher: ID }[] = []
  for (const [index, klass] of main.classes.entries()) {
    const homeroom = klass.code === '5P-A' ? demoTeacher : klass.code === '1HS' ? colleague : staffRoom[2 + (index % (staffRoom.length - 2))]
    await payload.update({ collection: 'classes', id: klass.id as number, data: { homeroomTeacher: homeroom as number }, depth: 0 })
    for (const [s, subject] of main.levels.get(klass.level)!.subjects.entries()) {
      const teacher = demoTeacherClasses.has(klass.code)
        ? s % 2 === 0
          ? demoTeacher
          : colleague
        : staffRoom[2 + ((index + s) % (staffRoom.length - 2))]
      await create('course-assignments', { school: main.school, class: klass.id, subject: subject.id, teacher, hoursPerWeek: subject.hours })
      assignments.push({ class: klass.id, subject: subject.id, teacher })
    }
  }
  for (const klass of matete.classes) {
    await payload.update({ collection: 'classes', id: klass.id as number, data: { homeroomTeacher: mateteTeacher as number }, depth: 0 })
    for (const subject of matete.levels.get(klass.level)!.subjects)
      await create('course-assignments', { school: matete.school, class: klass.id, subject: subject.id, teacher: mateteTeacher, hoursPerWeek: subject.hours })
  }
  await seedTimetable(payload, main.school, main.classes, assignments)

  // Families: one guardian per family, one to three children, siblings in different classes.
  type Seeded = Awaited<ReturnType<typeof seedSchool>>
  const student = async (s: Seeded, klass: Seeded['classes'][number], lastName: string, guardian: ID, user?: ID, firstName?: string) => {
    const sex = random.next() < 0.5 ? 'M' : 'F'
    const birthYear = 2026 - klass.ageFrom
    const record = await create('students', {
      school: s.school,
      matricule: `${s.matriculePrefix}-2026-${String(s.nextMatricule++).padStart(4, '0')}`,
      lastName,
      postName: random.pick(postNames),
      firstName: firstName ?? random.pick(sex === 'M' ? boysFirstNames : girlsFirstNames),
      sex,
      birthDate: `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      birthPlace: random.pick(birthPlaces),
      guardians: [guardian],
      user,
    })
    await create('enrollments', { school: s.school, student: record.id, class: klass.id, schoolYear: s.year, status: 'active' })
    return record.id
  }
  const guardian = async (s: Seeded, lastName: string, user?: ID, email?: string) =>
    (
      await create('guardians', {
        school: s.school,
        lastName,
        postName: random.pick(postNames),
        firstName: random.pick(random.next() < 0.5 ? boysFirstNames : girlsFirstNames),
        relationship: random.pick(['father', 'mother', 'guardian'] as const),
        phone: `+243 8${random.int(1, 9)} ${random.int(100, 999)} ${random.int(1000, 9999)}`,
        email,
        profession: random.pick(professions),
        user,
      })
    ).id

  const seats = (s: Seeded) => new Map(s.classes.map((klass) => [klass.code, klass.size]))
  const fill = async (s: Seeded, left: Map<string, number>, reserved: Record<string, number>) => {
    for (const [code, count] of Object.entries(reserved)) left.set(code, left.get(code)! - count)
    while ([...left.values()].some((n) => n > 0)) {
      const lastName = random.pick(surnames)
      const family = await guardian(s, lastName)
      const children = random.int(1, 3)
      for (let c = 0; c < children; c++) {
        const open = s.classes.filter((klass) => left.get(klass.code)! > 0)
        if (!open.length) break
        const klass = random.pick(open)
        left.set(klass.code, left.get(klass.code)! - 1)
        await student(s, klass, lastName, family)
      }
    }
  }

  const byCode = (s: Seeded, code: string) => s.classes.find((klass) => klass.code === code)!
  // The demo parent: two children in different classes, one taught by the demo teacher.
  const demoParentUser = await account(demoAccounts.parent, 'Véronique MUKENDI', ['parent'], [main.school])
  const demoFamily = await guardian(main, 'MUKENDI', demoParentUser, demoAccounts.parent)
  await student(main, byCode(main, '5P-A'), 'MUKENDI', demoFamily, undefined, 'Grâce')
  await student(main, byCode(main, '1HS'), 'MUKENDI', demoFamily, undefined, 'Jonathan')
  // The demo student, with a parent who also has an account.
  const otherParentUser = await account(otherAccounts.parent, 'Dieudonné KASONGO', ['parent'], [main.school])
  const otherFamily = await guardian(main, 'KASONGO', otherParentUser, otherAccounts.parent)
  const demoStudentUser = await account(demoAccounts.student, 'Exaucé KASONGO', ['student'], [main.school])
  await student(main, byCode(main, '7EB'), 'KASONGO', otherFamily, demoStudentUser, 'Exaucé')
  const otherStudentUser = await account(otherAccounts.student, 'Divine KASONGO', ['student'], [main.school])
  await student(main, byCode(main, '3P-A'), 'KASONGO', otherFamily, otherStudentUser, 'Divine')
  await fill(main, seats(main), { '5P-A': 1, '1HS': 1, '7EB': 1, '3P-A': 1 })

  const mateteParentUser = await account(otherAccounts.secondSchoolParent, 'Marthe LIKOKE', ['parent'], [matete.school])
  const mateteFamily = await guardian(matete, 'LIKOKE', mateteParentUser, otherAccounts.secondSchoolParent)
  await student(matete, byCode(matete, '3P'), 'LIKOKE', mateteFamily)
  await fill(matete, seats(matete), { '3P': 1 })

  // The first period ended on 31 October. Its marks are in and published in every class but two
  // whose teachers are late with them, 6P-A and 4HS (tests/int/rollover.test.ts counts on those two
  // having no marks: their pupils are promoted or graduate at the year's end). The run makes every
  // class's report cards; those of the marked classes are published.
  const demoClasses = ['5P-A', '1HS', '7EB']
  const late = ['6P-A', '4HS']
  const marked = [...demoClasses, ...main.classes.map((klass) => klass.code).filter((code) => !demoClasses.includes(code) && !late.includes(code))]
  await seedMarksAndRoll(payload, main, marked)
  await seedReportCards(payload, main.school, main.classes.filter((klass) => marked.includes(klass.code)).map((klass) => klass.id))
  await seedFinance(payload, { main, matete })
}
