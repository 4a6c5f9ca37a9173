import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { withPayload } from '../../src/db/prepare'
import { tReq } from '../../src/i18n'
import { applyRollover, nextYearName, previewRollover, type RolloverOptions, type RolloverPreview } from '../../src/rollover/rollover'
import { sourceNote } from '../../src/admin/rollover/strings'
import type { Command } from './types'

const yearNamed = async (payload: Payload, school: number, name: string) =>
  (await payload.find({ collection: 'school-years', where: { school: { equals: school }, name: { equals: name } }, limit: 1, depth: 0 })).docs[0]

/** The plan as a table: each class's pupils, their percentage, decision and next class, then the warnings. */
const print = (req: PayloadRequest, plan: RolloverPreview & { applied: boolean }) => {
  const text = (key: string, vars?: Record<string, string | number>) => tReq(req, `rollover.${key}`, vars)
  console.log(`\n${text('heading', { school: plan.school.code, from: plan.from.name, to: plan.to.name })}${plan.to.exists ? '' : ` (${text('newClass')})`}`)
  console.log((['promoted', 'repeating', 'leaving', 'graduated'] as const).map((d) => `${text(`decisions.${d}`)}: ${plan.counts[d]}`).join(' · '))
  if (plan.classesToCreate.length) console.log(`${text('classesToCreate', { to: plan.to.name })} ${plan.classesToCreate.map((k) => `${k.code} (${k.name})`).join(', ')}`)
  for (const klass of plan.classes) {
    console.log(`\n${klass.code} · ${klass.name}`)
    console.table(
      klass.pupils.map((pupil) => ({
        [text('pupil')]: pupil.fullName,
        [text('percentage')]: pupil.percentage ?? '—',
        [text('decision')]: `${text(`decisions.${pupil.decision}`)}${sourceNote[pupil.source] ? ` (${text(sourceNote[pupil.source]!)})` : ''}`,
        [text('nextClass')]: pupil.to ? `${pupil.to.code}${pupil.to.new ? ` (${text('newClass')})` : ''}${pupil.to.alreadyEnrolled ? ` (${text('keptPlace')})` : ''}` : '—',
      })),
    )
  }
  if (plan.warnings.length) console.log(`\n${text(plan.blocking ? 'blocking' : 'warningsTitle')}\n${plan.warnings.map((w) => `- ${w.message}`).join('\n')}`)
  if (!plan.applied) console.log(`\n${text('previewOnly')}`)
}

export const rolloverCommand: Command = {
  summary: 'Year rollover: promote a whole school year to the next (promoted, repeating, leaving); a preview unless --apply.',
  usage: 'npm run kelasi -- rollover --school CODE --from 2026-2027 [--to 2027-2028] [--create-next] [--apply] [--pass-mark 50] [--json]',
  options: {
    school: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'create-next': { type: 'boolean', default: false },
    apply: { type: 'boolean', default: false },
    'pass-mark': { type: 'string' },
  },
  run: ({ options, json }) =>
    withPayload(async (payload) => {
      // Run by the server's operator as the system; messages in the school's language, French.
      const req = await createLocalReq({}, payload)
      const fail = (key: string, vars?: Record<string, string | number>) => new Error(tReq(req, `errors.rollover.${key}`, vars))
      if (typeof options.school !== 'string' || typeof options.from !== 'string') throw fail('cliUsage')
      const school = (await payload.find({ collection: 'schools', where: { code: { equals: options.school } }, limit: 1, depth: 0 })).docs[0]
      if (!school) throw fail('schoolNotFound', { code: options.school })
      const from = await yearNamed(payload, school.id, options.from)
      if (!from) throw fail('yearNotFound', { school: school.code, year: options.from })
      const toName = typeof options.to === 'string' ? options.to : nextYearName(from.name)
      const to = await yearNamed(payload, school.id, toName)
      if (!to && !options['create-next']) throw fail('nextYearMissing', { year: toName })
      const passMark = options['pass-mark'] === undefined ? undefined : Number(options['pass-mark'])
      const rollover: RolloverOptions = { fromYear: from.id, toYear: to?.id ?? null, nextName: toName, passMark, system: true }
      const plan = options.apply ? await applyRollover(req, rollover) : { ...(await previewRollover(req, rollover)), applied: false }
      if (json) return plan
      print(req, plan)
      return { applied: plan.applied, total: plan.total, counts: plan.counts }
    }),
}
