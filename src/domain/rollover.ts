/**
 * The year-end promotion plan: where each pupil of the closing year goes, which classes of the
 * next year must be created for that, and what the direction should look at before applying it.
 * Pure and independent of the order of its input, so the preview is exactly what is applied.
 */
import type { ID } from '../access/ids'

export type Decision = 'promoted' | 'repeating' | 'leaving'
export type Outcome = Decision | 'graduated'

export type RolloverLevel = { id: ID; order: number; years: number }
export type RolloverClass = {
  id: ID
  level?: ID | null
  /** Year within the level, 1..years. */
  grade?: number | null
  section?: string | null
  code: string
  name: string
  capacity?: number | null
}
export type RolloverEnrollment = { id: ID; student: ID; class: ID; decision?: Decision | null; percentage?: number | null }

export type PlannedClass = {
  key: string
  level: ID
  grade: number
  section: string | null
  code: string
  name: string
  capacity: number | null
  /** The closing year's class whose code, name and capacity were copied. */
  copiedFrom: ID
}
export type Move = {
  enrollment: ID
  student: ID
  decision: Outcome
  fromClass: ID
  /** An existing class of the next year, one of `classesToCreate` by key, or none. */
  toClass: ID | { new: string } | null
}
export type RolloverWarningCode = 'unknownClass' | 'classWithoutLevel' | 'noNextLevel' | 'derivedClass' | 'codeChanged' | 'overCapacity'
export type RolloverWarning = { code: RolloverWarningCode; params: Record<string, string | number> }
export type RolloverPlan = {
  classesToCreate: PlannedClass[]
  moves: Move[]
  warnings: RolloverWarning[]
  counts: Record<Outcome, number>
}

const decisions: readonly Decision[] = ['promoted', 'repeating', 'leaving']

/** The deliberation's decision when recorded, else the year's percentage against the pass mark, else promoted. */
export const decide = (enrollment: Pick<RolloverEnrollment, 'decision' | 'percentage'>, passMark = 50): Decision => {
  if (enrollment.decision && decisions.includes(enrollment.decision)) return enrollment.decision
  const { percentage } = enrollment
  if (typeof percentage === 'number' && Number.isFinite(percentage)) return percentage >= passMark ? 'promoted' : 'repeating'
  return 'promoted'
}

// Sections compare as written by hand: " a" and "A" are one section; no section sorts first.
const sectionKey = (section?: string | null) => section?.trim().toUpperCase() ?? ''
const placeKey = (level: ID, grade: number, section?: string | null) => `${level}:${grade}:${sectionKey(section)}`
const naturally = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true })
const byId = (a: { id: ID }, b: { id: ID }) => naturally(String(a.id), String(b.id))
const bySection = (a: RolloverClass, b: RolloverClass) => naturally(sectionKey(a.section), sectionKey(b.section)) || naturally(a.code, b.code)

/** The same class name or code one or more grades on: "7e EB A" → "8e EB A", "1re" → "2e", "P3-B" → "P4-B". */
const shiftGrade = (text: string, by: number) =>
  text.replace(/(\d+)((?:ère|re|e)(?![a-zà-ÿ]))?/, (_, number: string, ordinal?: string) => {
    const value = Number(number) + by
    return `${value}${ordinal ? (value === 1 ? 're' : 'e') : ''}`
  })

type Placed = RolloverClass & { level: ID; grade: number }
const isPlaced = (klass: RolloverClass): klass is Placed => klass.level != null && Number.isInteger(klass.grade) && klass.grade! >= 1

export const planRollover = ({
  levels,
  classes,
  enrollments,
  nextYearClasses,
  passMark = 50,
}: {
  levels: RolloverLevel[]
  classes: RolloverClass[]
  enrollments: RolloverEnrollment[]
  nextYearClasses: RolloverClass[]
  passMark?: number
}): RolloverPlan => {
  const warnings: RolloverWarning[] = []
  const warned = new Set<string>()
  const warn = (code: RolloverWarningCode, params: RolloverWarning['params']) => {
    const id = `${code}:${JSON.stringify(params)}`
    if (!warned.has(id)) warnings.push({ code, params })
    warned.add(id)
  }

  const levelOf = new Map(levels.map((level) => [String(level.id), level]))
  const ordered = [...levels].sort((a, b) => a.order - b.order || byId(a, b))
  const nextLevel = (level: RolloverLevel) => ordered.find((other) => other.order > level.order) ?? null

  const placed = (list: RolloverClass[]) =>
    list.filter((klass): klass is Placed => isPlaced(klass) && levelOf.has(String(klass.level))).sort(bySection)
  const closing = placed(classes)
  const next = placed(nextYearClasses)
  const at = (list: Placed[], level: ID, grade: number, section?: string | null) =>
    list.find((klass) => placeKey(klass.level, klass.grade, klass.section) === placeKey(level, grade, section))
  const firstOfGrade = (list: Placed[], level: ID, grade: number) =>
    list.find((klass) => String(klass.level) === String(level) && klass.grade === grade)

  const classesToCreate: PlannedClass[] = []
  const codesTaken = new Set(nextYearClasses.map((klass) => klass.code))
  const closingCodes = new Set(classes.map((klass) => klass.code))
  const plan = (model: RolloverClass, level: ID, grade: number, derived: boolean): { new: string } => {
    const key = placeKey(level, grade, model.section)
    if (classesToCreate.some((planned) => planned.key === key)) return { new: key }
    const shift = derived && isPlaced(model) && String(model.level) === String(level) ? grade - model.grade : 0
    const wanted = shiftGrade(model.code, shift)
    // Codes are unique within a school year: never one the next year already uses, and for a
    // derived class not one of this year's either, which its own grade will likely take again.
    const taken = (code: string) => codesTaken.has(code) || (derived && closingCodes.has(code))
    let code = wanted
    for (let n = 2; taken(code); n++) code = `${wanted}-${n}`
    codesTaken.add(code)
    if (derived) warn('derivedClass', { code, from: model.code })
    else if (code !== wanted) warn('codeChanged', { from: wanted, to: code })
    classesToCreate.push({
      key,
      level,
      grade,
      section: model.section?.trim() || null,
      code,
      name: shiftGrade(model.name, shift),
      capacity: model.capacity ?? null,
      copiedFrom: model.id,
    })
    return { new: key }
  }

  /** The next year's class for a pupil going to grade `grade` of `level`, coming from `from`. */
  const target = (level: ID, grade: number, from: Placed): ID | { new: string } => {
    const same = at(next, level, grade, from.section)
    if (same) return same.id
    const model = at(closing, level, grade, from.section)
    if (model) return plan(model, level, grade, false)
    // That section does not exist in that grade: the grade's first section, this year's or as it was.
    const first = firstOfGrade(next, level, grade)
    if (first) return first.id
    const firstClosing = firstOfGrade(closing, level, grade)
    if (firstClosing) return plan(firstClosing, level, grade, false)
    // A grade the school never had (a growing school): modelled on the nearest class of the level.
    const nearest = closing
      .filter((klass) => String(klass.level) === String(level))
      .sort(
        (a, b) =>
          Number(sectionKey(b.section) === sectionKey(from.section)) - Number(sectionKey(a.section) === sectionKey(from.section)) ||
          Math.abs(a.grade - grade) - Math.abs(b.grade - grade) ||
          a.grade - b.grade,
      )[0]
    return plan(nearest ?? from, level, grade, true)
  }

  const classOf = new Map(classes.map((klass) => [String(klass.id), klass]))
  const moves = [...enrollments].sort(byId).map((enrollment): Move => {
    const decision = decide(enrollment, passMark)
    const move = { enrollment: enrollment.id, student: enrollment.student, fromClass: enrollment.class }
    if (decision === 'leaving') return { ...move, decision, toClass: null }
    const from = classOf.get(String(enrollment.class))
    if (!from) {
      warn('unknownClass', { class: enrollment.class })
      return { ...move, decision, toClass: null }
    }
    if (!isPlaced(from) || !levelOf.has(String(from.level))) {
      warn('classWithoutLevel', { class: from.code })
      return { ...move, decision, toClass: null }
    }
    const level = levelOf.get(String(from.level))!
    if (decision === 'repeating') return { ...move, decision, toClass: target(level.id, from.grade, from) }
    // A grade beyond the level's years (the level was shortened) counts as its last.
    if (from.grade < level.years) return { ...move, decision, toClass: target(level.id, from.grade + 1, from) }
    const following = nextLevel(level)
    if (following) return { ...move, decision, toClass: target(following.id, 1, from) }
    warn('noNextLevel', { level: level.id })
    return { ...move, decision: 'graduated', toClass: null }
  })

  // Seats: only the pupils moved by this plan are counted (the next year may have others already).
  const seats = new Map<string, { code: string; capacity: number | null; count: number }>()
  for (const { toClass } of moves) {
    if (toClass === null) continue
    const id = typeof toClass === 'object' ? `new:${toClass.new}` : `id:${toClass}`
    const klass =
      typeof toClass === 'object'
        ? classesToCreate.find((planned) => planned.key === toClass.new)!
        : next.find((existing) => String(existing.id) === String(toClass))!
    const entry = seats.get(id) ?? { code: klass.code, capacity: klass.capacity ?? null, count: 0 }
    entry.count++
    seats.set(id, entry)
  }
  for (const { code, capacity, count } of seats.values()) {
    if (capacity !== null && count > capacity) warn('overCapacity', { class: code, capacity, count })
  }

  const counts: Record<Outcome, number> = { promoted: 0, repeating: 0, leaving: 0, graduated: 0 }
  for (const { decision } of moves) counts[decision]++
  return { classesToCreate, moves, warnings, counts }
}
