/**
 * The invoice run of a 10,000-pupil school: 250 classes of 40, ~6,700 families (one child in two
 * has a brother or sister, so the sibling rule has work), one fee schedule (registration at
 * enrollment, tuition and exam fees in three installments) and a sibling discount; the daily
 * billing on a day when every installment is due issues 4 invoices a pupil in one run. Then the
 * same run again (nothing to issue), and the late penalties of the overdue ones.
 * Options: --pupils <n> (default 10000).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { freshDatabase } from '../src/db/embedded'
import { prepareDatabase, withPayload } from '../src/db/prepare'
import { dataFolder } from '../src/db/settings'
import { benchSchoolYear, buildSchool } from './support'

const { values } = parseArgs({ args: process.argv.slice(3), options: { pupils: { type: 'string', default: '10000' } } })
const pupils = Math.max(40, Number(values.pupils))

process.env.PAYLOAD_SECRET ||= 'kelasi-bench-secret'
process.env.SMTP_PORT ||= '2599'
const db = await freshDatabase({ folder: path.join(dataFolder, 'postgres-bench-invoices'), port: 54357, name: 'kelasi_bench_invoices' })
const client = new pg.Client({ connectionString: db.url })
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
try {
  await prepareDatabase({ demo: false })
  await client.connect()
  await client.query("set session_replication_role = 'replica'")
  const one = async (text: string, params: unknown[] = []) => (await client.query(text, params)).rows[0]
  const { school, year } = await benchSchoolYear(client)
  await buildSchool(client, school, year, {
    level: { name: 'Humanités', code: 'H' },
    subjects: ['Français'],
    classes: { count: Math.ceil(pupils / 40), name: (k) => `Classe ${k}`, code: (k) => `C${k}`, capacity: 45 },
    pupils,
    perClass: 40,
  })
  // A guardian per family: pupils 2k and 2k+1 are siblings for one family in three.
  await client.query(
    `insert into guardians (school_id, last_name, first_name, relationship) select $1, 'PARENT', 'N° ' || g, 'mother' from generate_series(1, $2::int) g`,
    [school, Math.ceil((pupils * 2) / 3)],
  )
  await client.query(
    `insert into students_rels ("order", parent_id, path, guardians_id)
     select 1, s.id, 'guardians', g.id
     from (select id, row_number() over (order by id) - 1 as n from students where school_id = $1) s
     join (select id, row_number() over (order by id) - 1 as n from guardians where school_id = $1) g
       on g.n = case when s.n % 3 = 2 then s.n / 3 * 2 + 1 else s.n / 3 * 2 + (s.n % 3) / 2 end`,
    [school],
  )
  await client.query("set session_replication_role = 'origin'")
  await client.query('analyze')
  console.log(`\nBuilt ${pupils} pupils in ${Math.ceil(pupils / 40)} classes`)

  await withPayload(async (payload) => {
    const { createLocalReq } = await import('payload')
    const { issueInvoices } = await import('../src/finance/issue')
    const { applyLatePenalties } = await import('../src/finance/penalties')
    await payload.create({
      collection: 'fee-schedules',
      overrideAccess: true,
      data: {
        school,
        name: 'Frais 2026-2027',
        schoolYear: year,
        currency: 'USD',
        items: [
          { kind: 'registration', label: 'Inscription', amount: 2_000, billing: 'enrollment' },
          { kind: 'tuition', label: 'Minerval', amount: 30_000, billing: 'installments' },
          { kind: 'exam', label: 'Frais d’examen', amount: 1_500, billing: 'installments' },
        ],
        installments: [
          { label: '1re tranche', dueDate: '2026-09-15', weight: 40 },
          { label: '2e tranche', dueDate: '2027-01-15', weight: 30 },
          { label: '3e tranche', dueDate: '2027-04-15', weight: 30 },
        ],
        latePenalty: { mode: 'percent', value: '5', afterDays: 10 },
      } as never,
    })
    await payload.create({ collection: 'discounts', overrideAccess: true, data: { school, schoolYear: year, kind: 'sibling', label: 'Fratrie −10 %', mode: 'percent', value: '10', fromChild: 2 } as never })
    const req = await createLocalReq({}, payload)

    const timed = async <T>(work: () => Promise<T>) => {
      const at = performance.now()
      const result = await work()
      return { result, ms: performance.now() - at }
    }
    const run = await timed(() => issueInvoices(req, { school, today: '2027-05-01' }))
    const again = await timed(() => issueInvoices(req, { school, today: '2027-05-01' }))
    const penalties = await timed(() => applyLatePenalties(req, { school, today: '2027-05-01' }))
    const check = await one(
      `select count(*)::int as invoices, count(distinct number)::int as numbers, max(substring(number from 10)::int) - min(substring(number from 10)::int) + 1 as span,
              count(*) filter (where exists (select 1 from invoices_lines l where l._parent_id = i.id and l.kind = 'discount'))::int as discounted
       from invoices i where school_id = $1`,
      [school],
    )
    console.log(`Invoice run: ${run.result.invoices} invoices for ${run.result.pupils} pupils in ${seconds(run.ms)} (${((run.ms / run.result.pupils) * 1000).toFixed(0)} µs a pupil)`)
    console.log(`  numbers: ${check.numbers} distinct over a span of ${check.span} (gap-free: ${check.numbers === check.span ? 'yes' : 'NO'}); ${check.discounted} with a sibling discount`)
    console.log(`Again the same day: ${again.result.invoices} invoices in ${seconds(again.ms)}`)
    console.log(`Late penalties: ${penalties.result.penalties} invoices in ${seconds(penalties.ms)}`)
    console.log(`Target: 10,000 pupils in under 10 s: ${run.ms * (10_000 / run.result.pupils) < 10_000 ? 'yes' : 'NO'}`)
  })
} finally {
  await client.end()
  await db.stop()
}
process.exit(0)
