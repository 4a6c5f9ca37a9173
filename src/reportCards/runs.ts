import { sql, type PostgresAdapter } from '@payloadcms/db-postgres'
import { createLocalReq, type PayloadRequest, type Where } from 'payload'
import { idOf, type ID } from '../access/ids'
import { tReq } from '../i18n'
import { generateClassReportCards } from './generate'

export const runScopes = ['school', 'level', 'class', 'student'] as const
export const runStatuses = ['queued', 'running', 'retrying', 'done', 'failed'] as const
export const runTriggers = ['manual', 'schedule', 'cli'] as const
export type RunScope = (typeof runScopes)[number]

type Target = { school?: unknown; term?: unknown; scope?: RunScope | null; level?: unknown; class?: unknown; student?: unknown }
export type Refusal = { path: string; message: string }

const system = { depth: 0, overrideAccess: true } as const

/** The student's class in the term's school year: the enrollment current at the term's end, else the latest. */
const classOfStudent = async (req: PayloadRequest, student: ID, schoolYear: ID) => {
  const { docs } = await req.payload.find({
    collection: 'enrollments',
    where: { student: { equals: student }, schoolYear: { equals: schoolYear } },
    sort: '-startDate',
    pagination: false,
    req,
    ...system,
  })
  const current = docs.find((row) => row.status === 'active' || row.status === 'completed') ?? docs[0]
  return current ? idOf(current.class) : undefined
}

/**
 * The classes a run covers, in the order a secretary would print them (level order, then name),
 * or a refusal naming the field that does not fit (a class of another year, a pupil not enrolled).
 */
export const classesOfRun = async (req: PayloadRequest, run: Target): Promise<{ classes: ID[] } | { refusal: Refusal }> => {
  const term = await req.payload.findByID({ collection: 'terms', id: idOf(run.term as never)!, req, ...system })
  const year = idOf(term.schoolYear)!
  const wrongYear = (path: string, name: string) => ({ refusal: { path, message: tReq(req, 'errors.reportCards.wrongYear', { name, term: term.name }) } })
  if (run.scope === 'class') {
    const klass = await req.payload.findByID({ collection: 'classes', id: idOf(run.class as never)!, req, ...system })
    return String(idOf(klass.schoolYear)) === String(year) ? { classes: [klass.id] } : wrongYear('class', klass.name)
  }
  if (run.scope === 'student') {
    const student = await req.payload.findByID({ collection: 'students', id: idOf(run.student as never)!, req, ...system })
    const klass = await classOfStudent(req, student.id, year)
    if (klass == null) return { refusal: { path: 'student', message: tReq(req, 'errors.reportCards.notEnrolled', { name: student.fullName ?? '', term: term.name }) } }
    return { classes: [klass] }
  }
  const where: Where = run.scope === 'level' ? { level: { equals: idOf(run.level as never) } } : { school: { equals: idOf(term.school) } }
  const { docs } = await req.payload.find({
    collection: 'classes',
    where: { and: [where, { schoolYear: { equals: year } }] },
    pagination: false,
    depth: 1,
    overrideAccess: true,
    req,
    select: { name: true, level: true },
  })
  const order = (klass: (typeof docs)[number]) => (typeof klass.level === 'object' && klass.level ? klass.level.order : 0)
  const classes = docs.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, 'fr')).map((klass) => klass.id)
  return classes.length ? { classes } : { refusal: { path: 'term', message: tReq(req, 'errors.reportCards.noClasses') } }
}

/** The request a run works under: its requester's (their access, their name in the audit log), or the system's for a scheduled run. */
const requestOf = async (req: PayloadRequest, requestedBy: unknown) => {
  const id = idOf(requestedBy as never)
  if (id == null) return { req, system: true }
  const user = await req.payload.findByID({ collection: 'users', id, req, ...system })
  return { req: await createLocalReq({ user: { ...user, collection: 'users' } as never }, req.payload), system: false }
}

/** A run left 'running' this long was dropped by a worker that stopped; another may take it over. */
const abandonedAfter = '10 minutes'

/**
 * Takes the run for this worker, atomically: the jobs queue may hand one job to two workers
 * (it claims without SKIP LOCKED), and only one of them may write the cards and the counts.
 */
const claim = async (req: PayloadRequest, run: ID) => {
  const db = (req.payload.db as unknown as PostgresAdapter).drizzle
  const taken = await db.execute(sql`
    update report_card_runs set status = 'running', updated_at = now()
    where id = ${run} and (status in ('queued', 'retrying') or (status = 'running' and updated_at < now() - ${abandonedAfter}::interval))
    returning id`)
  return taken.rows.length > 0
}

/**
 * Carries out one run, class after class, writing its progress as it goes. Classes already done
 * are skipped, so a retry after a failure resumes where it stopped and counts nothing twice.
 */
export const carryOutRun = async (req: PayloadRequest, runId: ID, attempt: { number: number; last: boolean }) => {
  if (!(await claim(req, runId))) return null
  const run = await req.payload.findByID({ collection: 'report-card-runs', id: runId, req, ...system })
  const save = (data: Record<string, unknown>) =>
    req.payload.update({ collection: 'report-card-runs', id: run.id, data, req, ...system, context: { progress: true } })
  const done = new Set((run.classesDone as ID[] | null) ?? [])
  const counts = { cardsCreated: run.cardsCreated ?? 0, cardsUpdated: run.cardsUpdated ?? 0, cardsKept: run.cardsKept ?? 0 }
  try {
    const scope = await classesOfRun(req, run)
    if ('refusal' in scope) throw new Error(scope.refusal.message)
    await save({ status: 'running', attempts: attempt.number, classesTotal: scope.classes.length, startedAt: run.startedAt ?? new Date().toISOString(), error: null })
    const as = await requestOf(req, run.requestedBy)
    const student = run.scope === 'student' ? idOf(run.student) : undefined
    for (const klass of scope.classes) {
      if (done.has(klass)) continue
      const made = await generateClassReportCards(as.req, klass, idOf(run.term)!, { student, system: as.system })
      done.add(klass)
      counts.cardsCreated += made.created
      counts.cardsUpdated += made.updated
      counts.cardsKept += made.keptPublished
      await save({ classesDone: [...done], ...counts })
    }
    return await save({ status: 'done', finishedAt: new Date().toISOString() })
  } catch (error) {
    await save({ status: attempt.last ? 'failed' : 'retrying', error: (error as Error).message, ...(attempt.last ? { finishedAt: new Date().toISOString() } : {}) })
    throw error
  }
}
