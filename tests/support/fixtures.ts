import { PDFDocument } from 'pdf-lib'
import type { Payload, TypedUser } from 'payload'
import { demoAccounts, otherAccounts } from './accounts'

type Id = number | string

const one = async (payload: Payload, collection: string, where: Record<string, unknown>): Promise<Record<string, any>> => {
  const found = await payload.find({ collection: collection as 'students', where: where as never, limit: 2, depth: 0, overrideAccess: true })
  if (found.docs.length !== 1) throw new Error(`Expected one ${collection} for ${JSON.stringify(where)}, found ${found.docs.length}`)
  return found.docs[0] as Record<string, any>
}

/** A subject of a class's level, by name. */
const subjectNamed = (payload: Payload, klass: Record<string, any>, name: string) => one(payload, 'subjects', { level: { equals: klass.level }, name: { equals: name } })
export const subjectOf = async (payload: Payload, klass: Record<string, any>, name: string) => (await subjectNamed(payload, klass, name)).id as Id

/** A 1×1 PNG, for uploads. */
export const tinyPng = () => ({
  data: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
  mimetype: 'image/png',
  name: `pixel-${Date.now()}-${Math.random().toString(36).slice(2)}.png`,
  size: 68,
})

/** A one-page PDF with a line of text, as a teacher's word processor exports one. */
export const onePagePdf = async (text: string) => {
  const pdf = await PDFDocument.create()
  pdf.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 12 })
  return Buffer.from(await pdf.save())
}

/**
 * Named records of the demo data that the authorization matrix reasons about: who is whose
 * child, which classes the demo teacher has, what belongs to the second school.
 */
export const loadFixtures = async (payload: Payload) => {
  const main = await one(payload, 'schools', { code: { equals: 'CSMA' } })
  const matete = await one(payload, 'schools', { code: { equals: 'EPPM' } })
  const user = (email: string) => one(payload, 'users', { email: { equals: email } })
  const klass = (school: Id, code: string) => one(payload, 'classes', { school: { equals: school }, code: { equals: code } })
  const studentNamed = (school: Id, lastName: string, firstName: string) =>
    one(payload, 'students', { school: { equals: school }, lastName: { equals: lastName }, firstName: { equals: firstName } })
  const guardianOf = (email: string) => one(payload, 'guardians', { email: { equals: email } })
  const teacherOf = (userId: Id, school: Id) => one(payload, 'teachers', { user: { equals: userId }, schools: { in: [school] } })
  // The seeded, active enrollment (other tests add ended ones).
  const enrollmentOf = (student: Id) => one(payload, 'enrollments', { student: { equals: student }, status: { equals: 'active' } })

  const users = {
    it: await user(demoAccounts.it),
    admin: await user(demoAccounts.admin),
    secretariat: await user(demoAccounts.secretariat),
    finance: await user(demoAccounts.finance),
    teacher: await user(demoAccounts.teacher),
    parent: await user(demoAccounts.parent),
    student: await user(demoAccounts.student),
    mateteAdmin: await user(otherAccounts.secondSchoolAdmin),
  }
  const mateteParent = await guardianOf(otherAccounts.secondSchoolParent)
  const mateteChild = await one(payload, 'students', { guardians: { in: [mateteParent.id] } })
  const students = {
    childA: await studentNamed(main.id, 'MUKENDI', 'Grâce'),
    childB: await studentNamed(main.id, 'MUKENDI', 'Jonathan'),
    self: await studentNamed(main.id, 'KASONGO', 'Exaucé'),
    sibling: await studentNamed(main.id, 'KASONGO', 'Divine'),
    matete: mateteChild,
  }
  const classes = {
    taught: await klass(main.id, '5P-A'),
    childB: await klass(main.id, '1HS'),
    self: await klass(main.id, '7EB'),
    matete: await klass(matete.id, '3P'),
  }
  const teachers = {
    demoTeacher: await teacherOf(users.teacher.id, main.id),
    colleague: await teacherOf((await user(otherAccounts.teacher)).id, main.id),
    matete: await teacherOf((await user(otherAccounts.secondSchoolTeacher)).id, matete.id),
  }
  const assignment = (klassId: Id, teacher?: Id) =>
    payload
      .find({
        collection: 'course-assignments',
        where: { class: { equals: klassId }, ...(teacher ? { teacher: { equals: teacher } } : {}) },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      .then((r) => r.docs[0] as Record<string, any>)
  const media = {
    main: await payload.create({ collection: 'media', data: { school: main.id, alt: 'Logo' }, file: tinyPng(), overrideAccess: true }),
    matete: await payload.create({ collection: 'media', data: { school: matete.id, alt: 'Logo' }, file: tinyPng(), overrideAccess: true }),
  }
  const logOf = (school: Id) =>
    payload
      .find({ collection: 'audit-logs', where: { school: { equals: school } }, limit: 1, depth: 0, overrideAccess: true })
      .then((r) => r.docs[0] as Record<string, any>)
  const year = (school: Id) => one(payload, 'school-years', { school: { equals: school }, current: { equals: true } })
  const term = (school: Id) => one(payload, 'terms', { school: { equals: school }, code: { equals: 'P1' } })

  // Records of the academic core: found in the demo data, or made once for the second school.
  const ensure = async (collection: string, where: Record<string, unknown>, data: Record<string, unknown>) => {
    const found = await payload.find({ collection: collection as 'students', where: where as never, limit: 1, depth: 0, overrideAccess: true })
    return (found.docs[0] ?? (await payload.create({ collection: collection as 'students', data: data as never, depth: 0, overrideAccess: true }))) as Record<string, any>
  }
  const levels = {
    main: await one(payload, 'levels', { school: { equals: main.id }, code: { equals: 'P' } }),
    matete: await one(payload, 'levels', { school: { equals: matete.id }, code: { equals: 'P' } }),
  }
  const subjects = { main: await subjectNamed(payload, classes.taught, 'Mathématiques'), matete: await subjectNamed(payload, classes.matete, 'Mathématiques') }
  const rooms = {
    main: await one(payload, 'rooms', { school: { equals: main.id }, name: { equals: 'Salle 1' } }),
    matete: await one(payload, 'rooms', { school: { equals: matete.id }, name: { equals: 'Salle 1' } }),
  }
  const slotOf = async (klass: Record<string, any>) => {
    const found = await payload.find({ collection: 'timetable-slots', where: { class: { equals: klass.id } }, sort: 'id', limit: 1, depth: 0, overrideAccess: true })
    if (!found.docs[0]) throw new Error(`No timetable slot for class ${klass.code}`)
    return found.docs[0] as Record<string, any>
  }
  const siblingClass = await klass(main.id, '3P-A')
  const timetableSlots = {
    taught: await slotOf(classes.taught),
    childB: await slotOf(classes.childB),
    self: await slotOf(classes.self),
    sibling: await slotOf(siblingClass),
    matete: await ensure('timetable-slots', { class: { equals: classes.matete.id }, weekday: { equals: 'mon' }, start: { equals: '07:30' } }, { school: matete.id, class: classes.matete.id, subject: subjects.matete.id, teacher: teachers.matete.id, room: rooms.matete.id, weekday: 'mon', start: '07:30', duration: 50 }),
  }
  const roll = (student: Record<string, any>, klassId: Id, school: Id) =>
    ensure('attendance', { student: { equals: student.id }, date: { equals: '2026-09-14T00:00:00.000Z' } }, { school, student: student.id, class: klassId, date: '2026-09-14', halfDay: 'morning', status: 'absent' })
  const attendance = {
    childA: await roll(students.childA, classes.taught.id, main.id),
    childB: await roll(students.childB, classes.childB.id, main.id),
    self: await roll(students.self, classes.self.id, main.id),
    sibling: await roll(students.sibling, siblingClass.id, main.id),
    matete: await roll(students.matete, classes.matete.id, matete.id),
  }
  const evaluationOf = (klassId: Id, subject: Id, title: string) =>
    one(payload, 'evaluations', { class: { equals: klassId }, subject: { equals: subject }, title: { equals: title } })
  const mathOf = (klassRecord: Record<string, any>) => subjectNamed(payload, klassRecord, 'Mathématiques')
  const p1 = await term(main.id)
  const evaluations = {
    taughtPair: await evaluationOf(classes.taught.id, subjects.main.id, 'Devoir 1'),
    colleaguePair: await evaluationOf(classes.taught.id, (await subjectNamed(payload, classes.taught, 'Français')).id, 'Devoir 1'),
    unpublished: await evaluationOf(classes.taught.id, subjects.main.id, 'Interrogation 2'),
    childB: await evaluationOf(classes.childB.id, (await mathOf(classes.childB)).id, 'Devoir 1'),
    self: await evaluationOf(classes.self.id, (await mathOf(classes.self)).id, 'Devoir 1'),
    matete: await ensure('evaluations', { class: { equals: classes.matete.id }, title: { equals: 'Dictée' } }, { school: matete.id, class: classes.matete.id, subject: subjects.matete.id, term: (await term(matete.id)).id, title: 'Dictée', kind: 'test', date: '2026-10-01', maximum: 20, published: true }),
  }
  const gradeOf = (evaluation: Record<string, any>, student: Record<string, any>) =>
    ensure('grades', { evaluation: { equals: evaluation.id }, student: { equals: student.id } }, { school: evaluation.school, evaluation: evaluation.id, student: student.id, status: 'scored', score: 7 })
  const grades = {
    childA: await gradeOf(evaluations.taughtPair, students.childA),
    childAHidden: await gradeOf(evaluations.unpublished, students.childA),
    childAColleague: await gradeOf(evaluations.colleaguePair, students.childA),
    childB: await gradeOf(evaluations.childB, students.childB),
    self: await gradeOf(evaluations.self, students.self),
    matete: await gradeOf(evaluations.matete, students.matete),
  }
  // Evaluations without marks and the pupils of their class, for the matrix to add marks to.
  const markSheetsOf = async (school: Id, klassId: Id, subject: Id, termId: Id) => {
    const sheets = []
    for (let n = 1; n <= 10; n++)
      sheets.push((await ensure('evaluations', { class: { equals: klassId }, title: { equals: `Matrice ${n}` } }, { school, class: klassId, subject, term: termId, title: `Matrice ${n}`, kind: 'test', date: '2026-10-02', maximum: 10 })).id as Id)
    const pupils = (await payload.find({ collection: 'enrollments', where: { class: { equals: klassId }, status: { equals: 'active' } }, sort: 'id', pagination: false, depth: 0, overrideAccess: true })).docs.map((e) => e.student as Id)
    return { sheets, pupils }
  }
  const markSheets = {
    main: await markSheetsOf(main.id, classes.taught.id, subjects.main.id, p1.id),
    matete: await markSheetsOf(matete.id, classes.matete.id, subjects.matete.id, (await term(matete.id)).id),
  }

  // Class × subject pairs and teachers without assignments, for the matrix's new course assignments.
  const pairsOf = async (school: Id) => {
    const ofSchool = await payload.find({ collection: 'classes', where: { school: { equals: school } }, pagination: false, depth: 0, overrideAccess: true })
    const pairs: { class: Id; subject: Id }[] = []
    for (const klassRecord of ofSchool.docs) {
      const ofLevel = await payload.find({ collection: 'subjects', where: { level: { equals: klassRecord.level } }, pagination: false, depth: 0, overrideAccess: true })
      for (const subject of ofLevel.docs) pairs.push({ class: klassRecord.id, subject: subject.id })
    }
    return pairs
  }
  const freeTeachers = async (school: Id) => {
    const made = []
    for (let n = 1; n <= 3; n++)
      made.push((await ensure('teachers', { lastName: { equals: `MATRICE-${n}` }, schools: { in: [school] } }, { schools: [school], lastName: `MATRICE-${n}` })).id as Id)
    return made
  }
  const assignable = {
    main: { pairs: await pairsOf(main.id), teachers: await freeTeachers(main.id) },
    matete: { pairs: await pairsOf(matete.id), teachers: await freeTeachers(matete.id) },
  }

  // Report cards: the demo children's, one still a draft, and one of the second school.
  const p2 = await one(payload, 'terms', { school: { equals: main.id }, code: { equals: 'P2' } })
  const card = (student: Record<string, any>, klassId: Id, school: Id, termId: Id, status: 'draft' | 'published') =>
    ensure('report-cards', { student: { equals: student.id }, term: { equals: termId } }, { school, student: student.id, class: klassId, term: termId, status, snapshot: {} })
  const reportCards = {
    childA: await card(students.childA, classes.taught.id, main.id, p1.id, 'published'),
    childADraft: await card(students.childA, classes.taught.id, main.id, p2.id, 'draft'),
    childB: await card(students.childB, classes.childB.id, main.id, p1.id, 'published'),
    self: await card(students.self, classes.self.id, main.id, p1.id, 'published'),
    sibling: await card(students.sibling, siblingClass.id, main.id, p1.id, 'published'),
    matete: await card(students.matete, classes.matete.id, matete.id, (await term(matete.id)).id, 'published'),
  }

  // Terms of their own for the matrix's new report cards (one card per pupil and term).
  const cardTermsOf = async (school: Id, yearId: Id) => {
    const made: Id[] = []
    for (let n = 1; n <= 6; n++)
      made.push((await ensure('terms', { schoolYear: { equals: yearId }, code: { equals: `BM${n}` } }, { school, schoolYear: yearId, name: `Bulletin matrice ${n}`, code: `BM${n}`, startDate: '2026-09-01', endDate: '2026-09-30' })).id as Id)
    return made
  }
  const cardTerms = { main: await cardTermsOf(main.id, (await year(main.id)).id), matete: await cardTermsOf(matete.id, (await year(matete.id)).id) }

  // Report-card runs, on a term of their own in the school year of the classes they cover: one run
  // per scope, and one of the second school. They are finished runs (a job that picks them up has
  // nothing left to do); the matrix's new runs go to the same terms and stay queued.
  const runTermOf = (school: Id, klassRecord: Record<string, any>) =>
    ensure('terms', { schoolYear: { equals: klassRecord.schoolYear }, code: { equals: 'RM' } }, { school, schoolYear: klassRecord.schoolYear, name: 'Lancements matrice', code: 'RM', startDate: '2026-09-01', endDate: '2026-09-30' })
  const runTerms = { main: await runTermOf(main.id, classes.taught), matete: await runTermOf(matete.id, classes.matete) }
  const finishedRun = async (school: Id, termId: Id, target: { scope: 'school' | 'level' | 'class' | 'student'; level?: Id; class?: Id; student?: Id }) => {
    // The first run of its term and scope is the fixture (the matrix adds later ones).
    const found = await payload.find({ collection: 'report-card-runs', where: { term: { equals: termId }, scope: { equals: target.scope } }, sort: 'id', limit: 1, depth: 0, overrideAccess: true })
    if (found.docs[0]) return found.docs[0] as Record<string, any>
    const made = await payload.create({ collection: 'report-card-runs', data: { school, term: termId, ...target } as never, depth: 0, overrideAccess: true })
    return (await payload.update({ collection: 'report-card-runs', id: made.id, data: { status: 'done', finishedAt: new Date().toISOString() }, depth: 0, overrideAccess: true })) as Record<string, any>
  }
  const reportCardRuns = {
    school: await finishedRun(main.id, runTerms.main.id, { scope: 'school' }),
    level: await finishedRun(main.id, runTerms.main.id, { scope: 'level', level: levels.main.id }),
    class: await finishedRun(main.id, runTerms.main.id, { scope: 'class', class: classes.taught.id }),
    student: await finishedRun(main.id, runTerms.main.id, { scope: 'student', student: students.childA.id }),
    matete: await finishedRun(matete.id, runTerms.matete.id, { scope: 'class', class: classes.matete.id }),
  }

  // Finance: a fee schedule per school, an invoice per demo family's child (and one of another
  // family, and of the second school), each with a cash payment, and the schools' number sequences.
  const feeScheduleOf = async (school: Id) =>
    ensure('fee-schedules', { school: { equals: school }, name: { equals: 'Frais matrice' } }, {
      school,
      name: 'Frais matrice',
      schoolYear: (await year(school)).id,
      currency: 'USD',
      items: [{ kind: 'tuition', label: 'Minerval', amount: 30_000, billing: 'installments' }],
      installments: [{ label: '1re tranche', dueDate: '2026-09-15', weight: 1 }],
    })
  const feeSchedules = { main: await feeScheduleOf(main.id), matete: await feeScheduleOf(matete.id) }
  const invoiceOf = async (student: Record<string, any>, school: Id) =>
    ensure('invoices', { student: { equals: student.id }, feeSchedule: { equals: feeSchedules[school === main.id ? 'main' : 'matete'].id } }, {
      school,
      student: student.id,
      schoolYear: (await year(school)).id,
      feeSchedule: feeSchedules[school === main.id ? 'main' : 'matete'].id,
      installmentKey: 'i1',
      currency: 'USD',
      dueDate: '2027-06-30',
      lines: [{ kind: 'tuition', label: 'Minerval — 1re tranche', amount: 30_000 }],
    })
  const invoices = {
    childA: await invoiceOf(students.childA, main.id),
    childB: await invoiceOf(students.childB, main.id),
    self: await invoiceOf(students.self, main.id),
    matete: await invoiceOf(students.matete, matete.id),
  }
  const paymentOn = (invoice: Record<string, any>) =>
    ensure('payments', { invoice: { equals: invoice.id }, notes: { equals: 'matrice' } }, { invoice: invoice.id, amount: 5_000, method: 'cash', notes: 'matrice' })
  const payments = {
    childA: await paymentOn(invoices.childA),
    childB: await paymentOn(invoices.childB),
    self: await paymentOn(invoices.self),
    matete: await paymentOn(invoices.matete),
  }
  const eventOn = (payment: Record<string, any>, school: Id | null, key: string) =>
    ensure('payment-events', { eventId: { equals: `matrice-${key}` } }, { provider: 'sandbox', eventId: `matrice-${key}`, type: 'callback', payment: payment.id, invoice: payment.invoice, school, outcome: 'applied' })
  const paymentEvents = {
    main: await eventOn(payments.self, main.id, 'main'),
    matete: await eventOn(payments.matete, matete.id, 'matete'),
    // An event about an invoice nobody knows belongs to no school: IT's alone.
    orphan: await ensure('payment-events', { eventId: { equals: 'matrice-orphan' } }, { provider: 'sandbox', eventId: 'matrice-orphan', type: 'callback', outcome: 'refused', detail: 'unknown invoice' }),
  }
  // One notification addressed to each demo account (and the second school's direction): each reads only its own.
  const notificationTo = (user: Record<string, any>, school: Id, key: string) =>
    ensure('notifications', { event: { equals: `matrice-${key}` } }, { school, kind: 'messageReceived', event: `matrice-${key}`, user: user.id, vars: {}, emailStatus: 'skipped', smsStatus: 'skipped' })
  const notifications = {
    ...Object.fromEntries(
      await Promise.all((['it', 'admin', 'secretariat', 'finance', 'teacher', 'parent', 'student'] as const).map(async (persona) => [persona, await notificationTo(users[persona], main.id, persona)])),
    ),
    matete: await notificationTo(users.mateteAdmin, matete.id, 'matete'),
  } as Record<string, Record<string, any>>
  const discountOf = async (school: Id, student: Record<string, any>) =>
    ensure('discounts', { school: { equals: school }, label: { equals: 'Enfant du personnel (matrice)' } }, {
      school,
      schoolYear: (await year(school)).id,
      kind: 'staffChild',
      student: student.id,
      label: 'Enfant du personnel (matrice)',
      mode: 'percent',
      value: '50',
    })
  const discounts = { main: await discountOf(main.id, students.self), matete: await discountOf(matete.id, students.matete) }
  // A statement per school, without lines (the reconciliation suite imports real ones).
  const reconciliationOf = (school: Id) => ensure('reconciliations', { school: { equals: school }, label: { equals: 'Relevé matrice' } }, { school, label: 'Relevé matrice', source: 'bank' })
  const reconciliations = { main: await reconciliationOf(main.id), matete: await reconciliationOf(matete.id) }

  // Expenses: one submitted and one approved in the demo school, one of the second school.
  const expenseOf = async (school: Id, description: string, approved = false) => {
    const expense = await ensure('expenses', { school: { equals: school }, description: { equals: description } }, { school, date: '2026-10-05', category: 'supplies', description, payee: 'Papeterie du Fleuve', amount: 4_500, currency: 'USD' })
    if (!approved || expense.status === 'approved') return expense
    return (await payload.update({ collection: 'expenses', id: expense.id, data: { status: 'approved' }, depth: 0, overrideAccess: true })) as Record<string, any>
  }
  const expenses = {
    submitted: await expenseOf(main.id, 'Craies et cahiers (matrice)'),
    approved: await expenseOf(main.id, 'Réparation du portail (matrice)', true),
    matete: await expenseOf(matete.id, 'Craies (matrice)'),
  }
  // Staff members: one per school for the payslips below, and one per school for the matrix's new payslips.
  const staffOf = (school: Id, lastName: string, position: string) =>
    ensure('staff-members', { school: { equals: school }, lastName: { equals: lastName } }, { school, lastName, postName: 'MATRICE', firstName: 'Agent', position, baseSalary: 25_000, currency: 'USD', hireDate: '2020-09-01' })
  const staffMembers = { main: await staffOf(main.id, 'NGOY', 'Caissière'), matete: await staffOf(matete.id, 'MBUYI', 'Gardien') }
  const matrixStaff = { main: await staffOf(main.id, 'PAIE-MATRICE', 'Agent d’entretien'), matete: await staffOf(matete.id, 'PAIE-MATRICE', 'Agent d’entretien') }
  // Payslips: a draft and a paid one in the demo school, a draft of the second school.
  const payslipOf = async (staff: Record<string, any>, period: string, paid = false) => {
    let slip = await ensure('payroll', { staffMember: { equals: staff.id }, period: { equals: period } }, { school: staff.school, staffMember: staff.id, period, allowances: [{ label: 'Prime de transport', amount: 2_000 }], deductions: [{ label: 'INSS', amount: 1_250 }] })
    for (const status of paid ? (['approved', 'paid'] as const) : []) {
      if (status === slip.status || slip.status === 'paid') continue
      slip = (await payload.update({ collection: 'payroll', id: slip.id, data: { status }, depth: 0, overrideAccess: true })) as Record<string, any>
    }
    return slip
  }
  const payroll = {
    draft: await payslipOf(staffMembers.main, '2026-10'),
    paid: await payslipOf(staffMembers.main, '2026-09', true),
    matete: await payslipOf(staffMembers.matete, '2026-10'),
  }
  // Link codes the desk issued: one in each school (the matrix's new ones are for another pupil).
  const linkCodeOf = (school: Id, student: Record<string, any>) =>
    ensure('link-codes', { student: { equals: student.id }, school: { equals: school } }, { school, student: student.id })
  const linkCodes = { main: await linkCodeOf(main.id, students.sibling), matete: await linkCodeOf(matete.id, students.matete) }
  // Resources: the demo teacher's PDF for 5P-A, links the direction shared with 1HS and 7EB (which
  // the demo teacher also teaches, but did not share), and a link of the second school.
  const resourceOf = async (title: string, klassRecord: Record<string, any>, by: Record<string, any>, withPdf = false) => {
    const found = await payload.find({ collection: 'resources', where: { title: { equals: title } }, limit: 1, depth: 0, overrideAccess: true })
    if (found.docs[0]) return found.docs[0] as Record<string, any>
    const data = await onePagePdf(title)
    const file = withPdf ? { data, mimetype: 'application/pdf', name: `matrice-${Date.now()}.pdf`, size: data.length } : undefined
    const link = withPdf ? undefined : `https://ressources.example/${klassRecord.code}`
    // As the person who shared it: the hook records them as `sharedBy`.
    const user = { ...by, collection: 'users' } as TypedUser
    return (await payload.create({ collection: 'resources', data: { school: klassRecord.school, class: klassRecord.id, title, link }, file, user, depth: 0, overrideAccess: true })) as Record<string, any>
  }
  const resources = {
    taught: await resourceOf('Fiche de calcul (matrice)', classes.taught, users.teacher, true),
    childB: await resourceOf('Lectures conseillées (matrice)', classes.childB, users.admin),
    self: await resourceOf('Site de révision (matrice)', classes.self, users.admin),
    matete: await resourceOf('Lien de l’école (matrice)', classes.matete, users.mateteAdmin),
  }
  const sequenceOf = (school: Id) => one(payload, 'number-sequences', { school: { equals: school }, key: { like: 'FAC-' } })
  const numberSequences = { main: await sequenceOf(main.id), matete: await sequenceOf(matete.id) }

  return {
    resources,
    linkCodes,
    expenses,
    staffMembers,
    matrixStaff,
    payroll,
    feeSchedules,
    discounts,
    invoices,
    payments,
    paymentEvents,
    notifications,
    reconciliations,
    numberSequences,
    reportCards,
    cardTerms,
    reportCardRuns,
    runTerms,
    assignable,
    levels,
    subjects,
    rooms,
    timetableSlots,
    attendance,
    evaluations,
    grades,
    markSheets,
    schools: { main, matete },
    users,
    students,
    classes,
    teachers,
    guardians: {
      demoParent: await guardianOf(demoAccounts.parent),
      kasongo: await guardianOf(otherAccounts.parent),
      matete: mateteParent,
    },
    enrollments: {
      childA: await enrollmentOf(students.childA.id),
      childB: await enrollmentOf(students.childB.id),
      self: await enrollmentOf(students.self.id),
      matete: await enrollmentOf(students.matete.id),
    },
    courseAssignments: {
      demoTeacher: await assignment(classes.taught.id, teachers.demoTeacher.id),
      colleague: await assignment(classes.childB.id),
      matete: await assignment(classes.matete.id),
    },
    media: media as Record<string, Record<string, any>>,
    auditLogs: { main: await logOf(main.id), matete: await logOf(matete.id) },
    schoolYears: { main: await year(main.id), matete: await year(matete.id) },
    terms: { main: await term(main.id), matete: await term(matete.id) },
  }
}

export type Fixtures = Awaited<ReturnType<typeof loadFixtures>>
