import path from 'node:path'
import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'
import { withPayload } from '../../src/db/prepare'
import { tReq } from '../../src/i18n'
import { printReportCards } from '../../src/reportCards/print'
import { publishReportCards } from '../../src/reportCards/publish'
import { classesOfRun, type RunScope } from '../../src/reportCards/runs'
import { progressBar } from './progress'
import type { Command, CommandArgs } from './types'

const system = { depth: 0, overrideAccess: true, limit: 1 } as const
const first = async (payload: Payload, collection: 'schools' | 'school-years' | 'terms' | 'classes' | 'levels' | 'students', where: Where) =>
  (await payload.find({ collection, where, ...system })).docs[0] as { id: number; name?: string; code?: string } | undefined
const codeOrName = (value: string): Where => ({ or: [{ code: { equals: value } }, { name: { equals: value } }] })

/** The school, year, term and target the options name, or an error saying which one is missing. */
const resolve = async (req: PayloadRequest, options: CommandArgs['options']) => {
  const { payload } = req
  const fail = (key: string, vars?: Record<string, string>) => new Error(tReq(req, `errors.reportCards.${key}`, vars))
  const text = (name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined)
  const [schoolCode, termCode] = [text('school'), text('term')]
  if (!schoolCode || !termCode) throw fail('cliUsage')
  const targets = (['class', 'level', 'student'] as const).filter((name) => text(name))
  if (targets.length > 1) throw fail('oneTarget')
  const school = await first(payload, 'schools', { code: { equals: schoolCode } })
  if (!school) throw fail('schoolNotFound', { code: schoolCode })
  const yearName = text('year')
  const year = await first(payload, 'school-years', { school: { equals: school.id }, ...(yearName ? { name: { equals: yearName } } : { current: { equals: true } }) })
  if (!year) throw fail('yearNotFound', { school: schoolCode, year: yearName ?? '' })
  const term = await first(payload, 'terms', { and: [{ schoolYear: { equals: year.id } }, codeOrName(termCode)] })
  if (!term) throw fail('termNotFound', { school: schoolCode, year: year.name!, term: termCode })
  const scope = (targets[0] ?? 'school') as RunScope
  const code = text(scope) ?? ''
  const target =
    scope === 'class'
      ? await first(payload, 'classes', { and: [{ schoolYear: { equals: year.id } }, codeOrName(code)] })
      : scope === 'level'
        ? await first(payload, 'levels', { and: [{ school: { equals: school.id } }, codeOrName(code)] })
        : scope === 'student'
          ? await first(payload, 'students', { school: { equals: school.id }, matricule: { equals: code } })
          : school
  if (!target) throw fail(`${scope}NotFound`, { school: schoolCode, year: year.name!, code })
  return { school, term, scope, target }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs the run's job here and now (the worker would pick it up otherwise), drawing its progress;
 * a failed attempt is retried after the job's back-off, as the worker would.
 */
const carryOut = async (req: PayloadRequest, runId: number, json: boolean) => {
  const { payload } = req
  const read = () => payload.findByID({ collection: 'report-card-runs', id: runId, depth: 0, overrideAccess: true })
  const bar = progressBar()
  let shown = ''
  const draw = async () => {
    const run = await read()
    const done = ((run.classesDone as unknown[] | null) ?? []).length
    const line = `${done}/${run.classesTotal ?? 0}`
    if (line === shown) return run
    shown = line
    if (bar) bar(done, run.classesTotal ?? 0, tReq(req, `options.reportCardRunStatus.${run.status}`))
    else if (!json) console.error(`${line} ${tReq(req, 'fields.classesDone').toLowerCase()}`)
    return run
  }
  for (;;) {
    const run = await read()
    // A job that completed is deleted from the queue.
    const job = (await payload.find({ collection: 'payload-jobs', where: { id: { equals: run.job } }, depth: 0, limit: 1, overrideAccess: true })).docs[0]
    if (!job || job.completedAt || job.hasError) break
    const wait = job.waitUntil ? Date.parse(job.waitUntil) - Date.now() : 0
    if (wait > 0) {
      console.error(tReq(req, 'errors.reportCards.retryIn', { seconds: Math.ceil(wait / 1000), error: run.error ?? '' }))
      await pause(wait)
    }
    let running = true
    const watch = (async () => {
      while (running) {
        await draw()
        await pause(250)
      }
    })()
    await payload.jobs.run({ where: { id: { equals: job.id } }, limit: 1, silent: true }).finally(() => (running = false))
    await watch
  }
  return draw()
}

const usage = [
  'npm run kelasi -- report-cards generate --school CODE --term P1 [--year 2026-2027] [--class CODE | --level CODE | --student MATRICULE] [--queue-only] [--json]',
  '       npm run kelasi -- report-cards publish  --school CODE --term P1 [--year 2026-2027] [--class CODE | --level CODE | --student MATRICULE] [--json]',
  '       npm run kelasi -- report-cards print    --school CODE --term P1 --out FOLDER [--year …] [--class … | --level … | --student …] [--each] [--drafts] [--language fr|en] [--json]',
  '(publishing queues the e-mails to the guardians; the worker sends them. print writes a PDF per class,',
  ' or with --each a PDF per pupil in a folder per class; published cards only unless --drafts)',
].join('\n')

/** Publishes the drafts the options name, all or nothing; the guardians' e-mails go through the queue. */
const publish = async (req: PayloadRequest, options: CommandArgs['options']) => {
  const { term, scope, target } = await resolve(req, options)
  const covered = await classesOfRun(req, { term: term.id, scope, [scope]: target.id })
  if ('refusal' in covered) throw new Error(covered.refusal.message)
  const { published } = await publishReportCards(req, { term: term.id, classes: covered.classes, student: scope === 'student' ? target.id : undefined, system: true })
  return { term: term.code ?? term.name, scope, classes: covered.classes.length, published }
}

/** Writes the cards the options name to a folder, rendered on every core, with a progress bar. */
const print = async (req: PayloadRequest, options: CommandArgs['options']) => {
  const out = typeof options.out === 'string' ? options.out : undefined
  if (!out) throw new Error(tReq(req, 'errors.reportCards.outRequired'))
  const language = (options.language ?? 'fr') as string
  if (language !== 'fr' && language !== 'en') throw new Error(tReq(req, 'errors.reportCards.badLanguage', { language }))
  const { term, scope, target } = await resolve(req, options)
  const covered = await classesOfRun(req, { term: term.id, scope, [scope]: target.id })
  if ('refusal' in covered) throw new Error(covered.refusal.message)
  const bar = progressBar()
  const started = Date.now()
  const printed = await printReportCards(req.payload, {
    term: term.id,
    classes: covered.classes,
    student: scope === 'student' ? target.id : undefined,
    language,
    out,
    each: Boolean(options.each),
    drafts: Boolean(options.drafts),
    onProgress: bar && ((done, total) => bar(done, total)),
  })
  const which = tReq(req, options.drafts ? 'errors.reportCards.generated' : 'errors.reportCards.published')
  if (!printed.cards) throw new Error(tReq(req, 'errors.reportCards.nothingPrinted', { which }))
  return { term: term.code ?? term.name, scope, ...printed, folder: path.resolve(out), seconds: Math.round((Date.now() - started) / 100) / 10 }
}

export const reportCardsCommand: Command = {
  summary: 'Report cards: generate a term’s drafts (a job, with its progress), publish them, or print them to PDF files, for the whole school, a level, a class or a pupil.',
  usage,
  options: {
    school: { type: 'string' },
    year: { type: 'string' },
    term: { type: 'string' },
    class: { type: 'string' },
    level: { type: 'string' },
    student: { type: 'string' },
    'queue-only': { type: 'boolean', default: false },
    out: { type: 'string' },
    each: { type: 'boolean', default: false },
    drafts: { type: 'boolean', default: false },
    language: { type: 'string' },
  },
  run: ({ args, options, json }) =>
    withPayload(async (payload) => {
      // Run by the server's operator as the system; messages in French, the school's language.
      const req = await createLocalReq({}, payload)
      if (args[0] === 'publish') return publish(req, options)
      if (args[0] === 'print') return print(req, options)
      if (args[0] !== 'generate') throw new Error(`Usage: ${usage}`)
      const { school, term, scope, target } = await resolve(req, options)
      const started = Date.now()
      const created = await payload.create({
        collection: 'report-card-runs',
        data: { school: school.id, term: term.id, scope, status: 'queued', trigger: 'cli', ...(scope === 'school' ? {} : { [scope]: target.id }) },
        depth: 0,
        overrideAccess: true,
      })
      const run = options['queue-only'] ? created : await carryOut(req, created.id, json)
      if (run.status === 'failed') throw new Error(tReq(req, 'errors.reportCards.runFailed', { run: String(run.id), error: run.error ?? '' }))
      return {
        run: run.id,
        status: run.status,
        term: term.code ?? term.name,
        scope,
        classes: { done: ((run.classesDone as unknown[] | null) ?? []).length, total: run.classesTotal ?? 0 },
        cards: { created: run.cardsCreated ?? 0, updated: run.cardsUpdated ?? 0, keptPublished: run.cardsKept ?? 0 },
        seconds: Math.round((Date.now() - started) / 100) / 10,
      }
    }),
}
