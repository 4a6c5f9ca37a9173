import { Forbidden, type PayloadRequest } from 'payload'
import { idOf, type ID } from '../access/ids'
import { clientIP } from '../../hooks/audit'
import { inserter } from '../db/bulk'
import { inTransaction } from '../db/transaction'
import { attendanceTotals } from '../domain/attendance'
import { auditChanges } from '../domain/audit'
import { frenchFigures, rankedCount, rdcFigures, type ReportCardSnapshot } from '../domain/reportCard'
import type { frenchResults, RdcBulletin, rdcResults } from '../domain/results'
import { dayOf } from '../domain/timetable'
import { loadClassResults } from '../results/classResults'

type FrenchLines = ReturnType<typeof frenchResults>['students']
type RdcLines = ReturnType<typeof rdcResults>['students']
type Counts = { created: number; updated: number; keptPublished: number }
type Options = {
  /** Only this pupil's card (the class is still computed whole: ranks and class figures need everyone). */
  student?: ID | null
  /** A scheduled run: no user, the system's rights. */
  system?: boolean
}

type NewCard = { school: ID; student: ID; class: ID; term: ID; status: 'draft'; snapshot: ReportCardSnapshot }

/**
 * New drafts in multi-row inserts (one by one, a class's 40 cards took 0.8 s of the class's 1 s).
 * The caller's right to create the school's cards was checked once before; what the hooks would
 * do is done here: one audit entry per card (a draft has no publication stamp).
 */
const createAll = async (req: PayloadRequest, cards: NewCard[]) => {
  if (!cards.length) return 0
  const insert = await inserter(req.payload, req)
  const ids = await insert('report_cards', cards)
  const who = { user: req.user?.id ?? null, actorEmail: req.user?.email ?? null, ip: clientIP(req) ?? null, userAgent: req.headers?.get('user-agent') ?? null }
  await insert(
    'audit_logs',
    cards.map((card, index) => ({ action: 'create', collection: 'report-cards', documentId: String(ids[index]), school: card.school, changes: auditChanges(null, { id: ids[index], ...card }), ...who })),
  )
  return ids.length
}

/**
 * The report cards of one class for one term, as drafts: each pupil's figures frozen from the
 * class results (every mark entered, published or not: the card is what gets published), with
 * the term's attendance. Running it again refreshes the drafts, never duplicates them, and never
 * touches a card already published. Appreciations written on a draft are kept.
 */
export const generateClassReportCards = async (req: PayloadRequest, classId: ID, termId: ID, options: Options = {}): Promise<Counts> => {
  const asCaller = !options.system
  const klass = await req.payload.findByID({ collection: 'classes', id: classId, depth: 0, overrideAccess: !asCaller, req })
  const create = req.payload.collections['report-cards'].config.access.create
  if (asCaller && (await create({ req, data: { school: idOf(klass.school) } })) !== true) throw new Forbidden(req.t)
  const system = { req, depth: 0, overrideAccess: true } as const
  const [term, school, year, results] = await Promise.all([
    req.payload.findByID({ collection: 'terms', id: termId, ...system }),
    req.payload.findByID({ collection: 'schools', id: idOf(klass.school)!, ...system }),
    req.payload.findByID({ collection: 'school-years', id: idOf(klass.schoolYear)!, ...system }),
    loadClassResults(req, klass.id, { term: termId }, { system: !asCaller }),
  ])
  const pupils = results.students.map((line) => line.student).filter((id) => options.student == null || String(id) === String(options.student))
  // A class without pupils has no card to make (and an empty `in` must never reach a query).
  if (!pupils.length) return { created: 0, updated: 0, keptPublished: 0 }
  const [people, attendance] = await Promise.all([
    req.payload.find({ collection: 'students', where: { id: { in: pupils } }, pagination: false, ...system }),
    req.payload.find({ collection: 'attendance', where: { student: { in: pupils } }, pagination: false, ...system, select: { student: true, date: true, status: true, halfDay: true } }),
  ])
  const totals = attendanceTotals(
    attendance.docs.map((row) => ({ student: idOf(row.student)!, date: row.date, status: row.status, halfDay: row.halfDay ?? null })),
    [{ id: term.id, startDate: term.startDate, endDate: term.endDate }],
  )
  const subjects = results.subjects.map((subject) => ({ id: subject.id, name: subject.name, coefficient: subject.coefficient, periodMaximum: subject.periodMaximum }))
  const stats = results.subjects.map(({ id, count, average, min, max }) => ({ subject: id, count, average, min, max }))
  // The class results carry the domain's lines under the names the results endpoint shows.
  const figuresOf = (student: ID) =>
    results.scheme === 'french'
      ? frenchFigures({ students: results.students as FrenchLines, subjects: stats, general: results.statistics }, student, subjects)
      : rdcFigures({ students: results.students as RdcLines, percentage: results.statistics }, student, subjects, results.bulletin as RdcBulletin)
  const snapshotOf = (student: (typeof people.docs)[number]): ReportCardSnapshot => {
    const line = totals.find((row) => String(row.student) === String(student.id))
    return {
      language: 'fr',
      school: { name: school.name, code: school.code, address: school.address, city: school.city, province: school.province, phone: school.phone },
      pupil: { fullName: student.fullName ?? '', lastName: student.lastName, postName: student.postName, firstName: student.firstName, matricule: student.matricule, sex: student.sex, birthDate: dayOf(student.birthDate ?? ''), birthPlace: student.birthPlace },
      className: klass.name,
      schoolYear: year.name,
      termName: term.name,
      classSize: rankedCount(results),
      attendance: { absences: line?.absences ?? 0, halfDaysAbsent: line?.halfDaysAbsent ?? 0, excused: line?.excused ?? 0, lates: line?.lates ?? 0 },
      figures: figuresOf(student.id)!,
    }
  }
  const counts: Counts = { created: 0, updated: 0, keptPublished: 0 }
  await inTransaction(req, async () => {
    const existing = await req.payload.find({ collection: 'report-cards', where: { term: { equals: term.id }, student: { in: pupils } }, pagination: false, ...system })
    const byStudent = new Map(existing.docs.map((card) => [String(idOf(card.student)), card]))
    const fresh: NewCard[] = []
    for (const student of people.docs) {
      const card = byStudent.get(String(student.id))
      const snapshot = snapshotOf(student)
      if (card?.status === 'published') counts.keptPublished++
      else if (card) {
        await req.payload.update({ collection: 'report-cards', id: card.id, data: { snapshot, class: klass.id }, req, overrideAccess: !asCaller, depth: 0 })
        counts.updated++
      } else fresh.push({ school: idOf(klass.school)!, student: student.id, class: klass.id, term: term.id, status: 'draft', snapshot })
    }
    counts.created = await createAll(req, fresh)
  })
  return counts
}
