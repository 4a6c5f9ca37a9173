/**
 * The authorization matrix: every persona (and anonymous) × every collection × create, list,
 * read by id, update, delete × the Local API (overrideAccess: false), REST and GraphQL.
 *
 * The expectations below are written from the role table of DESIGN.md, by hand, in the
 * school's terms (which records of the demo school each person may see or change); they are
 * never derived from the access functions they check.
 */
import type { Payload, TypedUser } from 'payload'
import { demoAccounts, tokenFor, userFor } from '../support/accounts'
import { graphqlChannel, localChannel, restChannel, simpleRestChannel, type Channel } from '../support/channels'
import { isResource } from '../../src/api/v1/resources'
import { loadFixtures, tinyPng, type Fixtures } from '../support/fixtures'
import { closeTestPayload, testPayload } from '../support/payload'

type Persona = 'anonymous' | keyof typeof demoAccounts
const personas: Persona[] = ['anonymous', 'it', 'admin', 'secretariat', 'finance', 'teacher', 'parent', 'student']
type Id = number | string
type Row = {
  /** The named records of this collection (see tests/support/fixtures.ts). */
  fixtures: (fx: Fixtures) => Record<string, Record<string, any>>
  /** Which of them each persona lists and reads (absent: none). */
  read: Partial<Record<Persona, string[]>>
  /** Which of them each persona may update (absent: none). */
  update: Partial<Record<Persona, string[]>>
  /** Who may create a record in their own school, and who may delete one. */
  create: Persona[]
  delete: Persona[]
  /** A harmless update: the field, set to the value it already has. */
  touch: (record: Record<string, any>) => Record<string, unknown>
  /** Valid data for a new record of the demo school. */
  newRecord: (fx: Fixtures, n: number) => Record<string, unknown>
  /** Whether a channel can send this collection's new records (uploads are not GraphQL's). */
  noCreateOver?: Channel['name'][]
  /** A valid record of either school, for deletion tries (default: `newRecord` moved to that school). */
  recordOf?: (fx: Fixtures, n: number, school: 'main' | 'matete') => Record<string, unknown>
}

const ALL = (fx: Record<string, unknown>) => Object.keys(fx)
const dayAfter = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** A course assignment no one holds yet: a class × subject pair of the school, given to a teacher without assignments. */
const assignmentOf = (fx: Fixtures, n: number, school: 'main' | 'matete') => {
  const { pairs, teachers } = fx.assignable[school]
  return { school: fx.schools[school].id, ...pairs[n % pairs.length], teacher: teachers[Math.floor(n / pairs.length) % teachers.length] }
}

/** A mark on one of the evaluations kept without marks for the matrix: each n its own evaluation × pupil. */
const markOf = (fx: Fixtures, n: number, school: 'main' | 'matete') => {
  const { sheets, pupils } = fx.markSheets[school]
  return { school: fx.schools[school].id, evaluation: sheets[n % sheets.length], student: pupils[Math.floor(n / sheets.length) % pupils.length], status: 'scored', score: 5 }
}

/** A report card of a term made for the matrix: each n its own evaluation-free term × pupil. */
const cardOf = (fx: Fixtures, n: number, school: 'main' | 'matete') => {
  const { sheets: _sheets, pupils } = fx.markSheets[school]
  return { school: fx.schools[school].id, student: pupils[n % pupils.length], class: fx.classes[school === 'main' ? 'taught' : 'matete'].id, term: fx.cardTerms[school][Math.floor(n / pupils.length) % fx.cardTerms[school].length], status: 'draft' }
}

/**
 * A run for one class of the school, on the term kept for the matrix's runs (of that class's
 * school year). GraphQL's input requires the status and the trigger: sent as a request sets them.
 */
const runOf = (fx: Fixtures, _n: number, school: 'main' | 'matete') => ({
  school: fx.schools[school].id,
  term: fx.runTerms[school].id,
  scope: 'class',
  class: fx.classes[school === 'main' ? 'taught' : 'matete'].id,
  status: 'queued',
  trigger: 'manual',
})

/** A uniform-only fee schedule of the school's current year. */
const feeScheduleOf = (fx: Fixtures, n: number, school: 'main' | 'matete') => ({
  school: fx.schools[school].id,
  name: `Barème matrice ${n}`,
  schoolYear: fx.schoolYears[school].id,
  currency: 'USD',
  items: [{ kind: 'uniform', label: 'Uniforme', amount: 2_500, billing: 'enrollment' }],
})

/** A scholarship of a pupil of the school, for the current year. */
const discountOf = (fx: Fixtures, n: number, school: 'main' | 'matete') => ({
  school: fx.schools[school].id,
  schoolYear: fx.schoolYears[school].id,
  kind: 'scholarship',
  student: fx.students[school === 'main' ? 'self' : 'matete'].id,
  label: `Bourse matrice ${n}`,
  mode: 'percent',
  value: '25',
})

/** A 5-minute slot on a weekend, at a time no other test slot takes: slots never overlap. */
const slotOf = (fx: Fixtures, n: number, school: 'main' | 'matete') => ({
  school: fx.schools[school].id,
  class: fx.classes[school === 'main' ? 'childB' : 'matete'].id,
  subject: fx.subjects[school === 'main' ? 'main' : 'matete'].id,
  weekday: Math.floor(n / 280) % 2 ? 'sun' : 'sat',
  start: `${String(Math.floor(((n % 280) * 5) / 60)).padStart(2, '0')}:${String(((n % 280) * 5) % 60).padStart(2, '0')}`,
  duration: 5,
})
/** An expense of the school, submitted. */
const expenseOf = (fx: Fixtures, n: number, school: 'main' | 'matete') => ({
  school: fx.schools[school].id,
  date: '2026-10-06',
  category: 'maintenance',
  description: `Dépense matrice ${n}`,
  amount: 1_000 + n,
  currency: 'USD',
})

/** A staff member of the school. */
const staffMemberOf = (fx: Fixtures, n: number, school: 'main' | 'matete') => ({
  school: fx.schools[school].id,
  lastName: 'TEST',
  firstName: `Agent ${n}`,
  position: 'Sentinelle',
  baseSalary: 15_000,
  currency: 'USD',
})

/** A draft payslip of the matrix's staff member of the school: each n its own month (one payslip per staff member and month). */
const payslipOf = (fx: Fixtures, n: number, school: 'main' | 'matete') => ({
  school: fx.schools[school].id,
  staffMember: fx.matrixStaff[school].id,
  period: `${2000 + Math.floor((n % 1200) / 12)}-${String((n % 12) + 1).padStart(2, '0')}`,
  currency: 'USD',
  gross: 20_000,
})
/** A link shared with a class the demo teacher teaches (or a class of the second school). */
const resourceOf = (fx: Fixtures, n: number, school: 'main' | 'matete') => ({
  school: fx.schools[school].id,
  class: fx.classes[school === 'main' ? 'taught' : 'matete'].id,
  title: `Lien matrice ${n}`,
  link: `https://ressources.example/matrice/${n}`,
})
const mainStaff = ['admin', 'secretariat', 'finance', 'teacher', 'parent', 'student'] as const

const matrix: Record<string, Row> = {
  schools: {
    fixtures: (fx) => fx.schools,
    read: { it: ['main', 'matete'], ...Object.fromEntries(mainStaff.map((p) => [p, ['main']])) },
    update: { it: ['main', 'matete'], admin: ['main'] },
    create: ['it'],
    delete: ['it'],
    touch: (r) => ({ phone: r.phone }),
    newRecord: (_fx, n) => ({ name: `École test ${n}`, code: `T${n}`, gradingScheme: 'french' }),
  },
  'school-years': {
    fixtures: (fx) => fx.schoolYears,
    read: { it: ['main', 'matete'], ...Object.fromEntries(mainStaff.map((p) => [p, ['main']])) },
    update: { it: ['main', 'matete'], admin: ['main'] },
    create: ['it', 'admin'],
    delete: ['it', 'admin'],
    touch: (r) => ({ name: r.name }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, name: `19${String(n).padStart(2, '0')}-test`, startDate: '2030-09-01', endDate: '2031-07-01' }),
  },
  terms: {
    fixtures: (fx) => fx.terms,
    read: { it: ['main', 'matete'], ...Object.fromEntries(mainStaff.map((p) => [p, ['main']])) },
    update: { it: ['main', 'matete'], admin: ['main'], secretariat: ['main'] },
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin'],
    touch: (r) => ({ name: r.name }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, schoolYear: fx.schoolYears.main.id, name: `Période ${n}`, startDate: '2026-09-01', endDate: '2026-10-01' }),
  },
  classes: {
    fixtures: (fx) => fx.classes,
    read: {
      it: ['taught', 'childB', 'self', 'matete'],
      admin: ['taught', 'childB', 'self'],
      secretariat: ['taught', 'childB', 'self'],
      finance: ['taught', 'childB', 'self'],
      teacher: ['taught', 'self'],
      parent: ['taught', 'childB'],
      student: ['self'],
    },
    update: { it: ['taught', 'childB', 'self', 'matete'], admin: ['taught', 'childB', 'self'], secretariat: ['taught', 'childB', 'self'] },
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin'],
    touch: (r) => ({ name: r.name }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, schoolYear: fx.schoolYears.main.id, level: fx.levels.main.id, grade: 1, name: `Classe ${n}`, code: `M${n}` }),
    recordOf: (fx, n, school) => ({ school: fx.schools[school].id, schoolYear: fx.schoolYears[school].id, level: fx.levels[school].id, grade: 1, name: `Classe ${n}`, code: `M${n}` }),
  },
  'course-assignments': {
    fixtures: (fx) => fx.courseAssignments,
    read: {
      it: ['demoTeacher', 'colleague', 'matete'],
      admin: ['demoTeacher', 'colleague'],
      secretariat: ['demoTeacher', 'colleague'],
      teacher: ['demoTeacher'],
    },
    update: { it: ['demoTeacher', 'colleague', 'matete'], admin: ['demoTeacher', 'colleague'], secretariat: ['demoTeacher', 'colleague'] },
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin', 'secretariat'],
    touch: (r) => ({ hoursPerWeek: r.hoursPerWeek ?? null }),
    newRecord: (fx, n) => assignmentOf(fx, n, 'main'),
    recordOf: assignmentOf,
  },
  enrollments: {
    fixtures: (fx) => fx.enrollments,
    read: {
      it: ['childA', 'childB', 'self', 'matete'],
      admin: ['childA', 'childB', 'self'],
      secretariat: ['childA', 'childB', 'self'],
      finance: ['childA', 'childB', 'self'],
      teacher: ['childA', 'self'],
      parent: ['childA', 'childB'],
      student: ['self'],
    },
    update: { it: ['childA', 'childB', 'self', 'matete'], admin: ['childA', 'childB', 'self'], secretariat: ['childA', 'childB', 'self'] },
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin'],
    touch: (r) => ({ status: r.status }),
    newRecord: (fx) => ({ school: fx.schools.main.id, student: fx.students.sibling.id, class: fx.classes.childB.id, schoolYear: fx.schoolYears.main.id, status: 'withdrawn' }),
  },
  levels: {
    fixtures: (fx) => fx.levels,
    read: { it: ['main', 'matete'], ...Object.fromEntries(mainStaff.map((p) => [p, ['main']])) },
    update: { it: ['main', 'matete'], admin: ['main'], secretariat: ['main'] },
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin'],
    touch: (r) => ({ name: r.name }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, name: `Niveau ${n}`, code: `N${n}`, order: 10 + n, years: 2 }),
  },
  subjects: {
    fixtures: (fx) => fx.subjects,
    read: { it: ['main', 'matete'], ...Object.fromEntries(mainStaff.map((p) => [p, ['main']])) },
    update: { it: ['main', 'matete'], admin: ['main'], secretariat: ['main'] },
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin'],
    touch: (r) => ({ coefficient: r.coefficient }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, level: fx.levels.main.id, name: `Cours ${n}`, coefficient: 2, maxima: [{ schoolYear: fx.schoolYears.main.id, periodMaximum: 20 }] }),
    recordOf: (fx, n, school) => ({ school: fx.schools[school].id, level: fx.levels[school].id, name: `Cours ${n}`, coefficient: 2 }),
  },
  rooms: {
    fixtures: (fx) => fx.rooms,
    read: { it: ['main', 'matete'], ...Object.fromEntries(mainStaff.map((p) => [p, ['main']])) },
    update: { it: ['main', 'matete'], admin: ['main'], secretariat: ['main'] },
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin', 'secretariat'],
    touch: (r) => ({ capacity: r.capacity }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, name: `Salle M${n}`, capacity: 30 }),
  },
  'timetable-slots': {
    fixtures: (fx) => fx.timetableSlots,
    read: {
      it: ['taught', 'childB', 'self', 'sibling', 'matete'],
      admin: ['taught', 'childB', 'self', 'sibling'],
      secretariat: ['taught', 'childB', 'self', 'sibling'],
      teacher: ['taught', 'self'],
      parent: ['taught', 'childB'],
      student: ['self'],
    },
    update: { it: ['taught', 'childB', 'self', 'sibling', 'matete'], admin: ['taught', 'childB', 'self', 'sibling'], secretariat: ['taught', 'childB', 'self', 'sibling'] },
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin', 'secretariat'],
    touch: (r) => ({ start: r.start }),
    newRecord: (fx, n) => slotOf(fx, n, 'main'),
    recordOf: slotOf,
  },
  attendance: {
    fixtures: (fx) => fx.attendance,
    read: {
      it: ['childA', 'childB', 'self', 'sibling', 'matete'],
      admin: ['childA', 'childB', 'self', 'sibling'],
      secretariat: ['childA', 'childB', 'self', 'sibling'],
      teacher: ['childA', 'self'],
      parent: ['childA', 'childB'],
      student: ['self'],
    },
    // A guardian writes a justification on their children's records (the roll fields stay the teacher's).
    update: {
      it: ['childA', 'childB', 'self', 'sibling', 'matete'],
      admin: ['childA', 'childB', 'self', 'sibling'],
      secretariat: ['childA', 'childB', 'self', 'sibling'],
      teacher: ['childA', 'self'],
      parent: ['childA', 'childB'],
    },
    create: ['it', 'admin', 'secretariat', 'teacher'],
    delete: ['it', 'admin', 'secretariat'],
    touch: (r) => ({ justification: r.justification ?? null }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, student: fx.students.childA.id, class: fx.classes.taught.id, date: dayAfter('2026-01-01', n), status: 'absent' }),
    recordOf: (fx, n, school) => ({
      school: fx.schools[school].id,
      student: fx.students[school === 'main' ? 'childA' : 'matete'].id,
      class: fx.classes[school === 'main' ? 'taught' : 'matete'].id,
      date: dayAfter('2026-01-01', n),
      status: 'absent',
    }),
  },
  evaluations: {
    fixtures: (fx) => fx.evaluations,
    read: {
      it: ['taughtPair', 'colleaguePair', 'unpublished', 'childB', 'self', 'matete'],
      admin: ['taughtPair', 'colleaguePair', 'unpublished', 'childB', 'self'],
      secretariat: ['taughtPair', 'colleaguePair', 'unpublished', 'childB', 'self'],
      teacher: ['taughtPair', 'unpublished', 'self'],
      // Families see what is planned (an evaluation's date and title); its marks wait for publication.
      parent: ['taughtPair', 'colleaguePair', 'unpublished', 'childB'],
      student: ['self'],
    },
    update: {
      it: ['taughtPair', 'colleaguePair', 'unpublished', 'childB', 'self', 'matete'],
      admin: ['taughtPair', 'colleaguePair', 'unpublished', 'childB', 'self'],
      teacher: ['taughtPair', 'unpublished', 'self'],
    },
    create: ['it', 'admin', 'teacher'],
    delete: ['it', 'admin', 'teacher'],
    touch: (r) => ({ title: r.title }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, class: fx.classes.taught.id, subject: fx.subjects.main.id, term: fx.terms.main.id, title: `Interrogation ${n}`, kind: 'test', date: '2026-10-05', maximum: 10 }),
    recordOf: (fx, n, school) => ({ school: fx.schools[school].id, class: fx.classes[school === 'main' ? 'taught' : 'matete'].id, subject: fx.subjects[school].id, term: fx.terms[school].id, title: `Interrogation ${n}`, kind: 'test', date: '2026-10-05', maximum: 10 }),
  },
  grades: {
    fixtures: (fx) => fx.grades,
    read: {
      it: ['childA', 'childAHidden', 'childAColleague', 'childB', 'self', 'matete'],
      admin: ['childA', 'childAHidden', 'childAColleague', 'childB', 'self'],
      secretariat: ['childA', 'childAHidden', 'childAColleague', 'childB', 'self'],
      teacher: ['childA', 'childAHidden', 'self'],
      parent: ['childA', 'childAColleague', 'childB'],
      student: ['self'],
    },
    update: {
      it: ['childA', 'childAHidden', 'childAColleague', 'childB', 'self', 'matete'],
      admin: ['childA', 'childAHidden', 'childAColleague', 'childB', 'self'],
      teacher: ['childA', 'childAHidden', 'self'],
    },
    create: ['it', 'admin', 'teacher'],
    delete: ['it', 'admin', 'teacher'],
    touch: (r) => ({ comment: r.comment ?? null }),
    newRecord: (fx, n) => markOf(fx, n, 'main'),
    recordOf: markOf,
  },
  'report-cards': {
    fixtures: (fx) => fx.reportCards,
    read: {
      it: ['childA', 'childADraft', 'childB', 'self', 'sibling', 'matete'],
      admin: ['childA', 'childADraft', 'childB', 'self', 'sibling'],
      secretariat: ['childA', 'childADraft', 'childB', 'self', 'sibling'],
      teacher: ['childA', 'childADraft', 'self'],
      // Families read published cards only, never a draft.
      parent: ['childA', 'childB'],
      student: ['self'],
    },
    update: {
      it: ['childA', 'childADraft', 'childB', 'self', 'sibling', 'matete'],
      admin: ['childA', 'childADraft', 'childB', 'self', 'sibling'],
      secretariat: ['childA', 'childADraft', 'childB', 'self', 'sibling'],
    },
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin'],
    touch: (r) => ({ conduct: r.conduct ?? null }),
    newRecord: (fx, n) => cardOf(fx, n, 'main'),
    recordOf: cardOf,
  },
  'report-card-runs': {
    fixtures: (fx) => fx.reportCardRuns,
    // The direction and the secretariat ask for their school's report cards and follow the runs.
    read: {
      it: ['school', 'level', 'class', 'student', 'matete'],
      admin: ['school', 'level', 'class', 'student'],
      secretariat: ['school', 'level', 'class', 'student'],
    },
    // Nobody edits a run, not even IT: its job writes the progress.
    update: {},
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin'],
    touch: (r) => ({ scope: r.scope }),
    newRecord: (fx, n) => runOf(fx, n, 'main'),
    recordOf: runOf,
  },
  'fee-schedules': {
    fixtures: (fx) => fx.feeSchedules,
    // Finance and the direction set the fees; the secretariat reads them to answer families at the desk.
    read: { it: ['main', 'matete'], admin: ['main'], finance: ['main'], secretariat: ['main'] },
    update: { it: ['main', 'matete'], admin: ['main'], finance: ['main'] },
    create: ['it', 'admin', 'finance'],
    delete: ['it', 'admin', 'finance'],
    touch: (r) => ({ name: r.name }),
    newRecord: (fx, n) => feeScheduleOf(fx, n, 'main'),
    recordOf: feeScheduleOf,
  },
  discounts: {
    fixtures: (fx) => fx.discounts,
    read: { it: ['main', 'matete'], admin: ['main'], finance: ['main'] },
    update: { it: ['main', 'matete'], admin: ['main'], finance: ['main'] },
    create: ['it', 'admin', 'finance'],
    delete: ['it', 'admin', 'finance'],
    touch: (r) => ({ label: r.label }),
    newRecord: (fx, n) => discountOf(fx, n, 'main'),
    recordOf: discountOf,
  },
  invoices: {
    fixtures: (fx) => fx.invoices,
    read: {
      it: ['childA', 'childB', 'self', 'matete'],
      admin: ['childA', 'childB', 'self'],
      finance: ['childA', 'childB', 'self'],
      secretariat: ['childA', 'childB', 'self'],
      parent: ['childA', 'childB'],
    },
    update: { it: ['childA', 'childB', 'self', 'matete'], admin: ['childA', 'childB', 'self'], finance: ['childA', 'childB', 'self'] },
    create: ['it', 'admin', 'finance'],
    // Invoice numbers are gap-free: an invoice is voided, never deleted, not even by IT.
    delete: [],
    touch: (r) => ({ dueDate: r.dueDate }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, student: fx.students.childA.id, schoolYear: fx.schoolYears.main.id, currency: 'USD', lines: [{ kind: 'extra', label: `Sortie ${n}`, amount: 1_000 }] }),
    recordOf: (fx, n, school) => ({
      school: fx.schools[school].id,
      student: fx.students[school === 'main' ? 'childA' : 'matete'].id,
      schoolYear: fx.schoolYears[school].id,
      currency: 'USD',
      lines: [{ kind: 'extra', label: `Sortie ${n}`, amount: 1_000 }],
    }),
  },
  payments: {
    fixtures: (fx) => fx.payments,
    read: {
      it: ['childA', 'childB', 'self', 'matete'],
      admin: ['childA', 'childB', 'self'],
      finance: ['childA', 'childB', 'self'],
      parent: ['childA', 'childB'],
    },
    // A ledger: corrections are refunds and reversals, never edits nor deletions.
    update: {},
    create: ['it', 'admin', 'finance'],
    delete: [],
    touch: (r) => ({ notes: r.notes }),
    newRecord: (fx) => ({ school: fx.schools.main.id, invoice: fx.invoices.self.id, amount: 1, method: 'cash' }),
    recordOf: (fx, _n, school) => ({ invoice: fx.invoices[school === 'main' ? 'self' : 'matete'].id, amount: 1, method: 'cash' }),
  },
  // The providers' log: written by the system as events arrive, read by those who follow the money.
  'payment-events': {
    fixtures: (fx) => fx.paymentEvents,
    read: { it: ['main', 'matete', 'orphan'], admin: ['main'], finance: ['main'] },
    update: {},
    create: [],
    delete: [],
    touch: (r) => ({ detail: r.detail }),
    newRecord: (_fx, n) => ({ provider: 'sandbox', eventId: `matrice-new-${n}`, outcome: 'applied' }),
    recordOf: (fx, n, school) => ({ school: fx.schools[school].id, provider: 'sandbox', eventId: `matrice-${school}-${n}`, outcome: 'applied' }),
  },
  reconciliations: {
    fixtures: (fx) => fx.reconciliations,
    // Statements of the school's accounts: finance and the direction reconcile; nobody else sees them.
    read: { it: ['main', 'matete'], admin: ['main'], finance: ['main'] },
    update: { it: ['main', 'matete'], admin: ['main'], finance: ['main'] },
    create: ['it', 'admin', 'finance'],
    // A mistaken import can be removed (one with confirmed lines stays: tests/int/reconciliation.test.ts).
    delete: ['it', 'admin', 'finance'],
    touch: (r) => ({ label: r.label }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, label: `Relevé matrice ${n}`, source: 'bank' }),
  },
  expenses: {
    fixtures: (fx) => fx.expenses,
    // Finance records the school's expenses and the direction decides on them; nobody else sees them.
    read: { it: ['submitted', 'approved', 'matete'], admin: ['submitted', 'approved'], finance: ['submitted', 'approved'] },
    // A touch changes nothing, so it passes even on the approved expense (a real change is refused: expenses-payroll.test.ts).
    update: { it: ['submitted', 'approved', 'matete'], admin: ['submitted', 'approved'], finance: ['submitted', 'approved'] },
    create: ['it', 'admin', 'finance'],
    delete: ['it', 'admin', 'finance'],
    touch: (r) => ({ description: r.description }),
    newRecord: (fx, n) => expenseOf(fx, n, 'main'),
    recordOf: expenseOf,
  },
  'staff-members': {
    fixtures: (fx) => fx.staffMembers,
    // Salaries are the business of finance and the direction only.
    read: { it: ['main', 'matete'], admin: ['main'], finance: ['main'] },
    update: { it: ['main', 'matete'], admin: ['main'], finance: ['main'] },
    create: ['it', 'admin', 'finance'],
    delete: ['it', 'admin', 'finance'],
    touch: (r) => ({ position: r.position }),
    newRecord: (fx, n) => staffMemberOf(fx, n, 'main'),
    recordOf: staffMemberOf,
  },
  payroll: {
    fixtures: (fx) => fx.payroll,
    read: { it: ['draft', 'paid', 'matete'], admin: ['draft', 'paid'], finance: ['draft', 'paid'] },
    // Notes stay open on a paid payslip; its amounts do not (expenses-payroll.test.ts).
    update: { it: ['draft', 'paid', 'matete'], admin: ['draft', 'paid'], finance: ['draft', 'paid'] },
    create: ['it', 'admin', 'finance'],
    delete: ['it', 'admin', 'finance'],
    touch: (r) => ({ notes: r.notes ?? null }),
    newRecord: (fx, n) => payslipOf(fx, n, 'main'),
    recordOf: payslipOf,
  },
  'number-sequences': {
    fixtures: (fx) => fx.numberSequences,
    read: { it: ['main', 'matete'] },
    update: {},
    create: [],
    delete: [],
    touch: (r) => ({ last: r.last }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, key: `MATRICE-${n}`, last: 1 }),
    recordOf: (fx, n, school) => ({ school: fx.schools[school].id, key: `MATRICE-${school}-${n}`, last: 1 }),
  },
  students: {
    fixtures: (fx) => fx.students,
    read: {
      it: ['childA', 'childB', 'self', 'sibling', 'matete'],
      admin: ['childA', 'childB', 'self', 'sibling'],
      secretariat: ['childA', 'childB', 'self', 'sibling'],
      finance: ['childA', 'childB', 'self', 'sibling'],
      teacher: ['childA', 'self'],
      parent: ['childA', 'childB'],
      student: ['self'],
    },
    update: { it: ['childA', 'childB', 'self', 'sibling', 'matete'], admin: ['childA', 'childB', 'self', 'sibling'], secretariat: ['childA', 'childB', 'self', 'sibling'] },
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin'],
    touch: (r) => ({ postName: r.postName }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, matricule: `MATRIX-${n}`, lastName: 'TEST', firstName: `Élève ${n}`, sex: 'F' }),
  },
  guardians: {
    fixtures: (fx) => fx.guardians,
    read: {
      it: ['demoParent', 'kasongo', 'matete'],
      admin: ['demoParent', 'kasongo'],
      secretariat: ['demoParent', 'kasongo'],
      finance: ['demoParent', 'kasongo'],
      teacher: ['demoParent', 'kasongo'],
      parent: ['demoParent'],
    },
    update: { it: ['demoParent', 'kasongo', 'matete'], admin: ['demoParent', 'kasongo'], secretariat: ['demoParent', 'kasongo'] },
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin'],
    touch: (r) => ({ profession: r.profession }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, lastName: 'TEST', firstName: `Parent ${n}`, relationship: 'mother' }),
  },
  'link-codes': {
    fixtures: (fx) => fx.linkCodes,
    // The desk and the direction hand codes to families; a parent only redeems one (link-codes.test.ts), and never lists them.
    read: { it: ['main', 'matete'], admin: ['main'], secretariat: ['main'] },
    // Revoking is the only change (the rest is fixed at issue: link-codes.test.ts).
    update: { it: ['main', 'matete'], admin: ['main'], secretariat: ['main'] },
    create: ['it', 'admin', 'secretariat'],
    // A code is revoked, not deleted: only IT cleans up.
    delete: ['it'],
    touch: (r) => ({ revokedAt: r.revokedAt ?? null }),
    // GraphQL's input requires the expiry: sent as the admin's form sends its default.
    newRecord: (fx) => ({ school: fx.schools.main.id, student: fx.students.self.id, expiresAt: dayAfter(new Date().toISOString().slice(0, 10), 14) }),
    recordOf: (fx, _n, school) => ({ school: fx.schools[school].id, student: fx.students[school === 'main' ? 'self' : 'matete'].id }),
  },
  teachers: {
    fixtures: (fx) => fx.teachers,
    read: {
      it: ['demoTeacher', 'colleague', 'matete'],
      admin: ['demoTeacher', 'colleague'],
      secretariat: ['demoTeacher', 'colleague'],
      finance: ['demoTeacher', 'colleague'],
      teacher: ['demoTeacher', 'colleague'],
    },
    update: { it: ['demoTeacher', 'colleague', 'matete'], admin: ['demoTeacher', 'colleague'], secretariat: ['demoTeacher', 'colleague'] },
    create: ['it', 'admin', 'secretariat'],
    delete: ['it', 'admin'],
    touch: (r) => ({ phone: r.phone }),
    newRecord: (fx, n) => ({ schools: [fx.schools.main.id], lastName: 'TEST', firstName: `Enseignant ${n}` }),
  },
  users: {
    fixtures: (fx) => fx.users,
    read: {
      it: ALL({ it: 1, admin: 1, secretariat: 1, finance: 1, teacher: 1, parent: 1, student: 1, mateteAdmin: 1 }),
      // The IT account belongs to both schools, so the direction and secretariat see it.
      admin: ['it', 'admin', 'secretariat', 'finance', 'teacher', 'parent', 'student'],
      secretariat: ['it', 'admin', 'secretariat', 'finance', 'teacher', 'parent', 'student'],
      finance: ['finance'],
      teacher: ['teacher'],
      parent: ['parent'],
      student: ['student'],
    },
    update: {
      it: ['it', 'admin', 'secretariat', 'finance', 'teacher', 'parent', 'student', 'mateteAdmin'],
      // The direction manages its school's accounts, but never an IT account.
      admin: ['admin', 'secretariat', 'finance', 'teacher', 'parent', 'student'],
      secretariat: ['secretariat'],
      finance: ['finance'],
      teacher: ['teacher'],
      parent: ['parent'],
      student: ['student'],
    },
    create: ['it', 'admin'],
    delete: ['it', 'admin'],
    touch: (r) => ({ phone: r.phone ?? null }),
    newRecord: (fx, n) => ({ email: `matrix-${n}@kelasi.test`, password: 'Matrix-account-2026', name: `Compte ${n}`, roles: ['parent'], schools: [fx.schools.main.id] }),
  },
  media: {
    fixtures: (fx) => fx.media,
    read: { it: ['main', 'matete'], admin: ['main'], secretariat: ['main'], finance: ['main'], teacher: ['main'] },
    update: { it: ['main', 'matete'], admin: ['main'], secretariat: ['main'] },
    // A parent uploads the document justifying an absence (and reads only their own uploads and
    // their children's justifications: tests/int/justification-documents.test.ts), never changes a file.
    create: ['it', 'admin', 'secretariat', 'finance', 'teacher', 'parent'],
    delete: ['it', 'admin'],
    touch: (r) => ({ alt: r.alt }),
    newRecord: (fx) => ({ school: fx.schools.main.id, alt: 'Photo', file: tinyPng() }),
    noCreateOver: ['graphql'],
  },
  resources: {
    fixtures: (fx) => fx.resources,
    // A class's resources reach its teachers, its students and their guardians; the direction and the desk see all.
    read: {
      it: ['taught', 'childB', 'self', 'matete'],
      admin: ['taught', 'childB', 'self'],
      secretariat: ['taught', 'childB', 'self'],
      teacher: ['taught', 'self'],
      parent: ['taught', 'childB'],
      student: ['self'],
    },
    // A teacher changes what they shared themselves (7EB's link is the direction's).
    update: { it: ['taught', 'childB', 'self', 'matete'], admin: ['taught', 'childB', 'self'], secretariat: ['taught', 'childB', 'self'], teacher: ['taught'] },
    create: ['it', 'admin', 'secretariat', 'teacher'],
    // The throwaways are the system's, so a teacher may not delete them (their own: tests/int/resources.test.ts).
    delete: ['it', 'admin', 'secretariat'],
    touch: (r) => ({ title: r.title }),
    newRecord: (fx, n) => resourceOf(fx, n, 'main'),
    recordOf: resourceOf,
  },
  // Addressed to a person, whatever their role or school: each reads and marks read only their own.
  notifications: {
    fixtures: (fx) => fx.notifications,
    read: { it: ['it', 'admin', 'secretariat', 'finance', 'teacher', 'parent', 'student', 'matete'], admin: ['admin'], secretariat: ['secretariat'], finance: ['finance'], teacher: ['teacher'], parent: ['parent'], student: ['student'] },
    update: { it: ['it', 'admin', 'secretariat', 'finance', 'teacher', 'parent', 'student', 'matete'], admin: ['admin'], secretariat: ['secretariat'], finance: ['finance'], teacher: ['teacher'], parent: ['parent'], student: ['student'] },
    // Written by the notification service alone (src/notifications/notify.ts), once per event and person.
    create: [],
    delete: ['it'],
    touch: (r) => ({ readAt: r.readAt ?? null }),
    newRecord: (fx, n) => ({ school: fx.schools.main.id, kind: 'messageReceived', event: `matrice-new-${n}`, user: fx.users.parent.id }),
    recordOf: (fx, n, school) => ({ school: fx.schools[school].id, kind: 'messageReceived', event: `matrice-${school}-${n}`, user: fx.users[school === 'main' ? 'parent' : 'mateteAdmin'].id }),
  },
  'audit-logs': {
    fixtures: (fx) => fx.auditLogs,
    read: { it: ['main', 'matete'], admin: ['main'] },
    update: {},
    create: [],
    delete: [],
    touch: (r) => ({ ip: r.ip ?? null }),
    newRecord: (fx) => ({ action: 'create', collection: 'students', school: fx.schools.main.id }),
  },
}

let payload: Payload
let fx: Fixtures
const callers: Partial<Record<Persona, { user?: TypedUser; token?: string }>> = {}
let counter = 0

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  callers.anonymous = {}
  for (const persona of personas.filter((p) => p !== 'anonymous') as (keyof typeof demoAccounts)[]) {
    const email = demoAccounts[persona]
    callers[persona] = { user: await userFor(payload, email), token: await tokenFor(payload, email) }
  }
})
afterAll(closeTestPayload)

/** Every way in; the simple REST API for the collections it serves. */
const channelsFor = (persona: Persona, slug?: string): Channel[] => {
  const caller = callers[persona]!
  return [localChannel(payload, caller), restChannel(caller), graphqlChannel(caller), ...(slug && isResource(slug) ? [simpleRestChannel(caller)] : [])]
}

/** A record made as the system, for a persona to try to delete. */
const throwaway = async (slug: string, school: 'main' | 'matete') => {
  const row = matrix[slug]
  if (slug === 'audit-logs') return fx.auditLogs[school].id as Id
  const data = row.recordOf ? row.recordOf(fx, ++counter, school) : row.newRecord(fx, ++counter)
  const schoolId = fx.schools[school].id
  if (!row.recordOf) {
    if ('school' in data) data.school = schoolId
    if ('schools' in data) data.schools = [schoolId]
    if (slug === 'terms' || slug === 'enrollments') data.schoolYear = fx.schoolYears[school].id
    if (slug === 'enrollments') Object.assign(data, { student: fx.students[school === 'main' ? 'sibling' : 'matete'].id, class: fx.classes[school === 'main' ? 'childB' : 'matete'].id })
  }
  const { file, ...fields } = data as { file?: never }
  if (slug === 'schools') return (await payload.create({ collection: 'schools', data: fields as never, overrideAccess: true })).id
  const created = await payload.create({ collection: slug as 'students', data: fields as never, file, overrideAccess: true, disableVerificationEmail: true })
  return created.id
}

describe.each(Object.entries(matrix))('%s', (slug, row) => {
  describe.each(personas)('as %s', (persona) => {
    it('lists exactly the records it may read, and reads by id exactly those', async () => {
      const fixtures = row.fixtures(fx)
      const ids = Object.values(fixtures).map((r) => r.id)
      const expected = (row.read[persona] ?? []).map((key) => fixtures[key].id).sort()
      for (const channel of channelsFor(persona, slug)) {
        const listed = (await channel.list(slug, ids)).sort()
        expect({ channel: channel.name, listed }).toEqual({ channel: channel.name, listed: expected })
        for (const [key, record] of Object.entries(fixtures)) {
          const outcome = await channel.read(slug, record.id)
          expect({ channel: channel.name, key, outcome }).toEqual({
            channel: channel.name,
            key,
            outcome: listed.includes(record.id) ? 'ok' : 'refused',
          })
        }
      }
    })

    it('updates exactly the records it may change', async () => {
      const fixtures = row.fixtures(fx)
      for (const channel of channelsFor(persona, slug)) {
        for (const [key, record] of Object.entries(fixtures)) {
          const current = await payload.findByID({ collection: slug as 'students', id: record.id, depth: 0, overrideAccess: true })
          const outcome = await channel.update(slug, record.id, row.touch(current))
          const allowed = (row.update[persona] ?? []).includes(key)
          expect({ channel: channel.name, key, outcome }).toEqual({ channel: channel.name, key, outcome: allowed ? 'ok' : 'refused' })
        }
      }
    })

    it(`creates ${row.create.includes(persona) ? 'in its school' : 'nothing'}`, async () => {
      for (const channel of channelsFor(persona, slug)) {
        if (row.noCreateOver?.includes(channel.name)) continue
        const outcome = await channel.create(slug, row.newRecord(fx, ++counter))
        expect({ channel: channel.name, outcome }).toEqual({ channel: channel.name, outcome: row.create.includes(persona) ? 'ok' : 'refused' })
      }
    })

    it(`deletes ${row.delete.includes(persona) ? 'in its school only' : 'nothing'}`, async () => {
      for (const channel of channelsFor(persona, slug)) {
        const mine = await throwaway(slug, 'main')
        const outcome = await channel.remove(slug, mine)
        const allowed = row.delete.includes(persona) && !(slug === 'schools' && persona !== 'it')
        expect({ channel: channel.name, outcome }).toEqual({ channel: channel.name, outcome: allowed ? 'ok' : 'refused' })
        const foreign = await throwaway(slug, 'matete')
        const foreignOutcome = await channel.remove(slug, foreign)
        expect({ channel: channel.name, foreign: foreignOutcome }).toEqual({
          channel: channel.name,
          foreign: row.delete.includes(persona) && persona === 'it' ? 'ok' : 'refused',
        })
        // What stayed (refused) goes, so that the next throwaways' unique pairs are free again.
        if (slug !== 'audit-logs')
          for (const id of [mine, foreign]) await payload.delete({ collection: slug as 'students', id, overrideAccess: true }).catch(() => undefined)
      }
    })
  })
})

describe('report-card-runs of the second school', () => {
  it.each(['admin', 'secretariat'] as const)('as %s: asks for none of its report cards', async (persona) => {
    const before = await payload.count({ collection: 'report-card-runs', where: { school: { equals: fx.schools.matete.id } }, overrideAccess: true })
    for (const channel of channelsFor(persona)) {
      const outcome = await channel.create('report-card-runs', runOf(fx, ++counter, 'matete'))
      expect({ channel: channel.name, outcome }).toEqual({ channel: channel.name, outcome: 'refused' })
    }
    const after = await payload.count({ collection: 'report-card-runs', where: { school: { equals: fx.schools.matete.id } }, overrideAccess: true })
    expect(after.totalDocs).toBe(before.totalDocs)
  })
})
