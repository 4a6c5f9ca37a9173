/**
 * Payment webhooks: a 1,000-pupil school with its 4,000 invoices; signed mobile-money callbacks
 * (each one a new payment on its invoice), then the same callbacks replayed, then Stripe's
 * checkout.session.completed events, posted over HTTP to /api/payments/webhooks/<provider>,
 * `--concurrency` at a time (default 20). Then 50 callbacks at once on one invoice, each a partial
 * payment: the balance must come out exact with 50 consecutive receipt numbers.
 * Options: --events <n> (default 2000), --concurrency <n>.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { freshDatabase } from '../src/db/embedded'
import { prepareDatabase, withPayload } from '../src/db/prepare'
import { dataFolder } from '../src/db/settings'
import { benchSchoolYear, buildSchool, ms } from './support'

const { values } = parseArgs({ args: process.argv.slice(3), options: { events: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '20' } } })
const events = Math.max(50, Number(values.events))
const concurrency = Math.max(1, Number(values.concurrency))

process.env.PAYLOAD_SECRET ||= 'kelasi-bench-secret'
process.env.SMTP_PORT ||= '2599'
process.env.SANDBOX_PAYMENTS_SECRET = 'bench-sandbox-secret'
process.env.STRIPE_SECRET_KEY = 'sk_test_bench'
process.env.STRIPE_WEBHOOK_SECRET = 'whsec_bench'
const db = await freshDatabase({ folder: path.join(dataFolder, 'postgres-bench-webhooks'), port: 54358, name: 'kelasi_bench_webhooks' })
const client = new pg.Client({ connectionString: db.url })
try {
  await prepareDatabase({ demo: false })
  await client.connect()
  await client.query("set session_replication_role = 'replica'")
  const one = async (text: string, params: unknown[] = []) => (await client.query(text, params)).rows[0]
  const { school, year } = await benchSchoolYear(client)
  await buildSchool(client, school, year, { level: { name: 'Humanités', code: 'H' }, subjects: ['Français'], classes: { count: 25, name: (k) => `Classe ${k}`, code: (k) => `C${k}`, capacity: 45 }, pupils: 1000, perClass: 40 })
  await client.query("set session_replication_role = 'origin'")

  await withPayload(async (payload) => {
    const { createLocalReq, handleEndpoints } = await import('payload')
    const { default: Stripe } = await import('stripe')
    const { issueInvoices } = await import('../src/finance/issue')
    const { signSandboxPayload } = await import('../src/payments/sandbox')
    await payload.create({
      collection: 'fee-schedules',
      overrideAccess: true,
      data: {
        school, name: 'Frais 2026-2027', schoolYear: year, currency: 'USD',
        items: [{ kind: 'registration', label: 'Inscription', amount: 2_000, billing: 'enrollment' }, { kind: 'tuition', label: 'Minerval', amount: 30_000, billing: 'installments' }],
        installments: [{ label: '1re tranche', dueDate: '2026-09-15', weight: 40 }, { label: '2e tranche', dueDate: '2027-01-15', weight: 30 }, { label: '3e tranche', dueDate: '2027-04-15', weight: 30 }],
      } as never,
    })
    await issueInvoices(await createLocalReq({}, payload), { school, today: '2027-05-01' })
    await client.query('analyze')
    const invoices = (await client.query('select id, total from invoices where school_id = $1 order by id', [school])).rows as { id: number; total: number }[]

    const server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (c) => chunks.push(c)).on('end', async () => {
        const headers = new Headers(Object.entries(request.headers).map(([k, v]) => [k, String(v)] as [string, string]))
        const answer = await handleEndpoints({ config: payload.config, path: request.url!, request: new Request(`http://127.0.0.1${request.url}`, { method: 'POST', headers, body: Buffer.concat(chunks) }) })
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text())
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/payments/webhooks`

    type Call = { provider: string; body: string; headers: Record<string, string> }
    const sandboxCall = (invoice: number, n: number, amount: number): Call => {
      const body = JSON.stringify({ id: `evt_bench_${n}`, createdAt: new Date().toISOString(), data: { transactionId: `SBX-bench-${n}`, reference: `KEL-${invoice}-bench${n}`, status: 'SUCCESSFUL', amount, currency: 'USD' } })
      return { provider: 'sandbox', body, headers: { 'content-type': 'application/json', 'x-sandbox-signature': signSandboxPayload('bench-sandbox-secret', body, Math.floor(Date.now() / 1000)) } }
    }
    const stripeCall = (invoice: number, n: number, amount: number): Call => {
      const body = JSON.stringify({ id: `evt_stripe_${n}`, object: 'event', type: 'checkout.session.completed', data: { object: { id: `cs_bench_${n}`, object: 'checkout.session', payment_status: 'paid', amount_total: amount, currency: 'usd', payment_intent: `pi_bench_${n}`, metadata: { invoice: String(invoice), amount: String(amount) } } } })
      return { provider: 'stripe', body, headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_bench' }) } }
    }
    /** Posts the calls `concurrency` at a time; the outcomes and each call's latency. */
    const post = async (calls: Call[], width = concurrency) => {
      const latencies: number[] = []
      const outcomes: Record<string, number> = {}
      let next = 0
      const started = performance.now()
      await Promise.all(Array.from({ length: Math.min(width, calls.length) }, async () => {
        while (next < calls.length) {
          const call = calls[next++]
          const at = performance.now()
          const answer = await fetch(`${base}/${call.provider}`, { method: 'POST', headers: call.headers, body: call.body })
          const outcome = answer.ok ? ((await answer.json()) as { outcome: string }).outcome : `HTTP ${answer.status}`
          latencies.push(performance.now() - at)
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
        }
      }))
      const total = performance.now() - started
      latencies.sort((a, b) => a - b)
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
      return `${calls.length} events in ${(total / 1000).toFixed(2)} s: ${((calls.length / total) * 1000).toFixed(0)} events/s, p50 ${ms(at(0.5))}, p95 ${ms(at(0.95))}, max ${ms(at(1))} → ${JSON.stringify(outcomes)}`
    }

    const mobile = Array.from({ length: events }, (_, n) => sandboxCall(invoices[n % invoices.length].id, n, 1_000))
    console.log(`\nMobile-money callbacks (${concurrency} at a time): ${await post(mobile)}`)
    console.log(`The same callbacks replayed: ${await post(mobile)}`)
    const card = Array.from({ length: Math.floor(events / 2) }, (_, n) => stripeCall(invoices[(n + events) % invoices.length].id, n, 1_500))
    console.log(`Stripe checkout.session.completed: ${await post(card)}`)
    const counted = await one("select count(*)::int as payments, coalesce(sum(amount_applied), 0)::bigint as applied from payments where school_id = $1 and status = 'succeeded'", [school])
    const expected = events * 1_000 + Math.floor(events / 2) * 1_500
    console.log(`  counted: ${counted.payments} payments, ${counted.applied} cents (expected ${events + Math.floor(events / 2)} and ${expected}: ${Number(counted.applied) === expected ? 'exact' : 'WRONG'})`)

    const target = invoices[invoices.length - 1]
    const burst = Array.from({ length: 50 }, (_, k) => sandboxCall(target.id, 1_000_000 + k, 100 + k))
    console.log(`50 partial payments at once on one invoice: ${await post(burst, 50)}`)
    const after = await one('select total, paid, balance from invoices where id = $1', [target.id])
    const sum = Array.from({ length: 50 }, (_, k) => 100 + k).reduce((a, b) => a + b, 0)
    const receipts = (await client.query("select substring(receipt_number from 10)::int as n from payments where invoice_id = $1 and provider = 'sandbox' order by 1", [target.id])).rows.map((r) => r.n as number)
    const consecutive = receipts.every((n, i) => i === 0 || n === receipts[i - 1] + 1)
    console.log(`  paid ${after.paid} of ${after.total}, balance ${after.balance} (expected paid ${sum}: ${Number(after.paid) === sum && Number(after.balance) === Number(after.total) - sum ? 'exact' : 'WRONG'}); receipts consecutive: ${consecutive ? 'yes' : 'NO'}`)
    server.close()
  })
} finally {
  await client.end()
  await db.stop()
}
process.exit(0)
