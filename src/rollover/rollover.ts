/**
 * The year-end rollover of a school: the plan of src/domain/rollover.ts on the closing year's
 * records, previewed with names, then applied in one transaction. Apply runs the same plan on
 * the same rows (after locking the closing year), so what the preview showed is what happens.
 */
import { APIError, type PayloadRequest } from 'payload'
import { idOf, type ID } from '../access/ids'
import { schoolsOf } from '../access/predicates'
import { inTransaction } from '../db/transaction'
import { hasAnyRole } from '../domain/roles'
import { planRollover, type Move, type RolloverWarningCode } from '../domain/rollover'
import { tReq } from '../i18n'
import { loadSchoolResults } from '../results/schoolResults'
import { writeAudit } from '../../hooks/audit'
import { invalid } from '../../hooks/invalid'

export type RolloverOptions = {
  fromYear: ID
  /** The next school year; left out, a year not created yet, which `applyRollover` creates. */
  toYear?: ID | null
  /** The name of the year to create; by default the closing year's a year on (2026-2027 → 2027-2028). */
  nextName?: string
  passMark?: number
  /** The command line, run by the server's operator: no user, no access check. */
  system?: boolean
}

/** Pupils would lose their place: the direction fixes these before applying. */
const blockingWarnings: readonly RolloverWarningCode[] = ['unknownClass', 'classWithoutLevel', 'overCapacity']

/** "2026-2027" → "2027-2028": every year in the name, one on. */
export const nextYearName = (name: string) => name.replace(/\d{4}/g, (year) => String(Number(year) + 1))
const yearLater = (date: string) => {
  const day = new Date(date)
  day.setUTCFullYear(day.getUTCFullYear() + 1)
  return day.toISOString()
}

/** The closing and next years, once the caller is known to be the school's direction or IT. */
const yearsOf = async (req: PayloadRequest, options: RolloverOptions) => {
  const as = { req, depth: 0, overrideAccess: Boolean(options.system) } as const
  const from = await req.payload.findByID({ collection: 'school-years', id: options.fromYear, ...as })
  const school = idOf(from.school)!
  const direction = hasAnyRole(req.user, ['admin']) && schoolsOf(req).map(String).includes(String(school))
  if (!options.system && !hasAnyRole(req.user, ['it']) && !direction) throw new APIError(tReq(req, 'errors.rollover.forbidden'), 403, null, true)
  const passMark = options.passMark ?? 50
  if (typeof passMark !== 'number' || !(passMark >= 0 && passMark <= 100)) throw invalid(req, [{ path: 'passMark', message: tReq(req, 'errors.rollover.passMark') }])
  const refuse = (key: string) => invalid(req, [{ path: 'to', message: tReq(req, `errors.rollover.${key}`, { from: from.name }) }])
  if (options.toYear == null) {
    const name = options.nextName?.trim() || nextYearName(from.name)
    if (name === from.name) throw refuse('nextNameNeeded')
    return { from, school, passMark, to: { id: null, name, startDate: yearLater(from.startDate), endDate: yearLater(from.endDate), exists: false } }
  }
  const to = await req.payload.findByID({ collection: 'school-years', id: options.toYear, ...as })
  if (String(to.id) === String(from.id)) throw refuse('sameYear')
  if (String(idOf(to.school)) !== String(school)) throw refuse('otherSchool')
  if (new Date(to.startDate) <= new Date(from.startDate)) throw refuse('notAfter')
  return { from, school, passMark, to: { id: to.id as ID | null, name: to.name, startDate: to.startDate, endDate: to.endDate, exists: true } }
}
type Years = Awaited<ReturnType<typeof yearsOf>>

const plan = async (req: PayloadRequest, { from, school, passMark, to }: Years) => {
  const all = { req, depth: 0, pagination: false, overrideAccess: true } as const
  const [schoolDoc, levels, classes, enrolled, nextClasses, results] = await Promise.all([
    req.payload.findByID({ collection: 'schools', id: school, ...all }),
    req.payload.find({ collection: 'levels', where: { school: { equals: school } }, ...all }),
    req.payload.find({ collection: 'classes', where: { schoolYear: { equals: from.id } }, ...all }),
    req.payload.find({
      collection: 'enrollments',
      where: { schoolYear: { equals: from.id }, status: { equals: 'active' } },
      select: { student: true, class: true, decision: true },
      populate: { students: { fullName: true } },
      ...all,
      depth: 1,
    }),
    to.id == null ? { docs: [] } : req.payload.find({ collection: 'classes', where: { schoolYear: { equals: to.id } }, ...all }),
    loadSchoolResults(req.payload, school, { schoolYear: from.id }),
  ])
  // The year's percentage of each pupil in the class they are enrolled in now.
  const percentages = new Map(results.classes.flatMap((k) => k.students.map((line) => [`${line.student}:${k.class.id}`, line.percentage])))
  const pupils = enrolled.docs.map((e) => ({
    id: e.id,
    student: idOf(e.student as never)!,
    fullName: (e.student as { fullName?: string }).fullName ?? '',
    class: idOf(e.class)!,
    decision: e.decision ?? null,
    percentage: percentages.get(`${idOf(e.student as never)}:${idOf(e.class)}`) ?? null,
  }))
  const asPlaced = (k: (typeof classes.docs)[number]) => ({ id: k.id, level: idOf(k.level), grade: k.grade, section: k.section, code: k.code, name: k.name, capacity: k.capacity })
  const result = planRollover({
    levels: levels.docs.map((level) => ({ id: level.id, order: level.order, years: level.years })),
    classes: classes.docs.map(asPlaced),
    enrollments: pupils,
    nextYearClasses: nextClasses.docs.map(asPlaced),
    passMark,
  })
  // A pupil the secretariat already enrolled in the next year keeps that place.
  const already =
    to.id == null || !pupils.length
      ? []
      : (await req.payload.find({ collection: 'enrollments', where: { schoolYear: { equals: to.id }, status: { equals: 'active' }, student: { in: pupils.map((p) => p.student) } }, select: { student: true, class: true }, ...all })).docs
  return { schoolDoc, levels: levels.docs, classes: classes.docs, nextClasses: nextClasses.docs, pupils, result, already }
}
type Plan = Awaited<ReturnType<typeof plan>>

/** The plan as the direction reads it: counts, then each class's pupils with their decision and next class, then the warnings. */
const present = (req: PayloadRequest, years: Years, { schoolDoc, levels, classes, nextClasses, pupils, result, already }: Plan) => {
  const levelName = new Map(levels.map((level) => [String(level.id), level.name]))
  const levelOrder = new Map(levels.map((level) => [String(level.id), level.order]))
  const pupilOf = new Map(pupils.map((pupil) => [String(pupil.id), pupil]))
  const next = new Map(nextClasses.map((k) => [String(k.id), k]))
  const keptPlace = new Map(already.map((e) => [String(idOf(e.student as never)), next.get(String(idOf(e.class)))]))
  const targetOf = (move: Move) => {
    const kept = keptPlace.get(String(move.student))
    if (kept) return { id: kept.id as ID, code: kept.code, name: kept.name, new: false, alreadyEnrolled: true }
    if (move.toClass === null) return null
    if (typeof move.toClass === 'object') {
      const planned = result.classesToCreate.find((k) => k.key === (move.toClass as { new: string }).new)!
      return { key: planned.key, code: planned.code, name: planned.name, new: true, alreadyEnrolled: false }
    }
    const existing = next.get(String(move.toClass))!
    return { id: existing.id as ID, code: existing.code, name: existing.name, new: false, alreadyEnrolled: false }
  }
  const moves = result.moves.map((move) => {
    const pupil = pupilOf.get(String(move.enrollment))!
    // Why this decision: recorded by the deliberation, proposed from the percentage, or by default without marks.
    const source: 'recorded' | 'percentage' | 'default' = pupil.decision !== null ? 'recorded' : pupil.percentage !== null ? 'percentage' : 'default'
    return { ...move, fullName: pupil.fullName, percentage: pupil.percentage, source, to: targetOf(move) }
  })
  // Classes created only for pupils who already have a place next year are not created.
  const needed = new Set(moves.flatMap((move) => (move.to?.key ? [move.to.key] : [])))
  const ordered = [...classes].sort(
    (a, b) => (levelOrder.get(String(idOf(a.level))) ?? 0) - (levelOrder.get(String(idOf(b.level))) ?? 0) || a.grade - b.grade || a.code.localeCompare(b.code, 'fr', { numeric: true }),
  )
  const warningParams = (params: Record<string, string | number>) => ('level' in params ? { ...params, level: levelName.get(String(params.level)) ?? params.level } : params)
  const warnings = result.warnings.map((warning) => ({
    ...warning,
    blocking: blockingWarnings.includes(warning.code),
    message: tReq(req, `rollover.warnings.${warning.code}`, warningParams(warning.params)),
  }))
  return {
    school: { id: schoolDoc.id as ID, name: schoolDoc.name, code: schoolDoc.code },
    from: { id: years.from.id as ID, name: years.from.name, startDate: years.from.startDate, endDate: years.from.endDate },
    to: years.to,
    passMark: years.passMark,
    total: moves.length,
    counts: result.counts,
    classesToCreate: result.classesToCreate
      .filter((k) => needed.has(k.key))
      .map((k) => ({ ...k, levelName: levelName.get(String(k.level)) ?? '', copiedFromCode: classes.find((c) => String(c.id) === String(k.copiedFrom))?.code ?? '' })),
    classes: ordered
      .map((k) => ({ id: k.id as ID, code: k.code, name: k.name, pupils: moves.filter((move) => String(move.fromClass) === String(k.id)).sort((a, b) => a.fullName.localeCompare(b.fullName, 'fr')) }))
      .filter((k) => k.pupils.length),
    warnings,
    blocking: warnings.some((warning) => warning.blocking),
  }
}

export type RolloverPreview = ReturnType<typeof present>

export const previewRollover = async (req: PayloadRequest, options: RolloverOptions) => {
  const years = await yearsOf(req, options)
  return present(req, years, await plan(req, years))
}

/**
 * Applies the plan in one transaction: the next year (created when missing) becomes the current
 * one, the planned classes are created, every active enrollment of the closing year ends as
 * completed on the year's last day, and promoted and repeating pupils start the next year. A
 * second run finds nobody left to move and changes nothing.
 */
export const applyRollover = (req: PayloadRequest, options: RolloverOptions) =>
  inTransaction(req, async () => {
    const years = await yearsOf(req, options)
    // The closing year's row lock: a concurrent apply waits here, then finds nobody left to move.
    await req.payload.db.updateOne({ collection: 'school-years', id: years.from.id, data: { name: years.from.name }, req, returning: false })
    const preview = present(req, years, await plan(req, years))
    if (!preview.total) return { ...preview, applied: false, closed: 0, opened: 0, classesCreated: 0, message: tReq(req, 'rollover.nothingToMove', { year: years.from.name }) }
    if (preview.blocking)
      throw invalid(req, preview.warnings.filter((w) => w.blocking).map((w) => ({ path: `warnings.${w.code}`, message: w.message })))

    const as = { req, depth: 0, overrideAccess: Boolean(options.system) } as const
    const school = years.school as number
    const to = years.to.exists
      ? years.to
      : { ...years.to, id: (await req.payload.create({ collection: 'school-years', data: { school, name: years.to.name, startDate: years.to.startDate, endDate: years.to.endDate }, ...as })).id }
    const created = new Map<string, ID>()
    for (const k of preview.classesToCreate) {
      const data = { school, schoolYear: to.id as number, name: k.name, code: k.code, level: k.level as number, grade: k.grade, section: k.section, capacity: k.capacity }
      created.set(k.key, (await req.payload.create({ collection: 'classes', data, ...as })).id)
    }
    // Every pupil is in one of the closing year's classes: an unknown class blocks above.
    const moves = preview.classes.flatMap((k) => k.pupils)
    const now = new Date().toISOString()
    // Set-based writes with the enrollment hooks' effects made explicit: the school year is the
    // class's, one active enrollment per pupil and year (kept places are skipped; a unique index
    // stands behind it), seats checked by the plan's overCapacity; one audit entry says it all.
    await req.payload.db.updateMany({
      collection: 'enrollments',
      where: { id: { in: moves.map((move) => move.enrollment) } },
      data: { status: 'completed', endDate: years.from.endDate, updatedAt: now },
      req,
    })
    let opened = 0
    for (const move of moves) {
      if (!move.to || move.to.alreadyEnrolled) continue
      const klass = move.to.new ? created.get(move.to.key!)! : move.to.id!
      await req.payload.db.create({
        collection: 'enrollments',
        data: { school, student: move.student, class: klass, schoolYear: to.id, status: 'active', startDate: to.startDate, createdAt: now, updatedAt: now },
        req,
        returning: false,
      })
      opened++
    }
    await req.payload.db.updateMany({ collection: 'school-years', where: { school: { equals: school }, id: { not_equals: to.id } }, data: { current: false, updatedAt: now }, req })
    await req.payload.db.updateOne({ collection: 'school-years', id: to.id!, data: { current: true, updatedAt: now }, req, returning: false })
    await writeAudit(req, {
      action: 'update',
      collection: 'enrollments',
      documentId: `rollover:${years.from.id}:${to.id}`,
      school,
      ...(options.system ? { actor: null, actorEmail: 'npm run kelasi -- rollover' } : {}),
      changes: [
        { field: 'schoolYear', before: years.from.name, after: to.name },
        ...moves.map((move) => ({ field: move.fullName, before: preview.classes.find((k) => String(k.id) === String(move.fromClass))?.code ?? null, after: move.to ? `${move.decision} → ${move.to.code}` : move.decision })),
      ],
    })
    return { ...preview, to: { ...to, exists: true }, applied: true, closed: moves.length, opened, classesCreated: created.size }
  })
