/**
 * In-app delivery latency to 200 open connections, on the built app (`next start` with its
 * worker). 200 parents, each signed in, hold `GET /api/notifications/stream` open (server-sent
 * events, as the portal's bell does); one event is told to all 200 through `notify` from this
 * process, in a transaction of its own. Latency: from just before its COMMIT (pg_notify goes out
 * on commit) to the event's arrival on each connection. Several rounds, the first one apart (the
 * app's first read of the kind). Options: --connections <n> (default 200), --rounds <n> (default 5),
 * --port <n> (default 3340), --pg-port <n> (default 54471), --smtp-port <n> (default 2651).
 */
import { parseArgs } from 'node:util'
import path from 'node:path'
import { createLocalReq } from 'payload'
import { startServer } from '../scripts/server'
import { startMailCatcher } from '../src/email/catcher'
import { withPayload } from '../src/db/prepare'
import { dataFolder } from '../src/db/settings'
import { inTransaction } from '../src/db/transaction'
import { notify } from '../src/notifications/notify'
import { demoPassword } from '../src/seed/accounts'
import { eventReader } from '../tests/support/sse'
import { benchDatabase, ms } from './support'

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    connections: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '5' },
    port: { type: 'string', default: '3340' },
    'pg-port': { type: 'string', default: '54471' },
    'smtp-port': { type: 'string', default: '2651' },
  },
})
const connections = Number(values.connections)
const rounds = Number(values.rounds)

// The worker e-mails what it is told: to a local catcher, not to nowhere.
process.env.SMTP_HOST = '127.0.0.1'
process.env.SMTP_PORT = values['smtp-port']
const mail = await startMailCatcher({ port: Number(values['smtp-port']), folder: path.join(dataFolder, 'bench-notifications-mail') })
const db = await benchDatabase('notifications', { folder: 'postgres-bench-notifications', port: Number(values['pg-port']) })

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
/** Median, p95 and max of latencies sorted ascending. */
const figures = (sorted: number[]) =>
  sorted.length ? `median ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted[sorted.length - 1])}` : 'none received'

await withPayload(async (payload) => {
  const school = (await payload.find({ collection: 'schools', where: { code: { equals: 'CSMA' } }, limit: 1, depth: 0 })).docs[0]
  // Parents as a school has them, each their own account (made and signed in through Payload, ten at a time).
  const tokens: string[] = []
  const users: number[] = []
  for (let start = 0; start < connections; start += 10) {
    const batch = Array.from({ length: Math.min(10, connections - start) }, (_, k) => start + k)
    const made = await Promise.all(
      batch.map(async (n) => {
        const email = `banc-notif-${n}@kelasi.test`
        const user = await payload.create({ collection: 'users', data: { name: `Parent banc ${n}`, email, password: demoPassword, roles: ['parent'], schools: [school.id], _verified: true } as never, disableVerificationEmail: true })
        const { token } = await payload.login({ collection: 'users', data: { email, password: demoPassword } })
        return { id: user.id, token: token! }
      }),
    )
    for (const { id, token } of made) {
      users.push(id)
      tokens.push(token)
    }
  }

  const server = await startServer(Number(values.port))
  const controller = new AbortController()
  try {
    const streams = await Promise.all(
      tokens.map(async (token) => {
        const answer = await fetch(`${server.url}/api/notifications/stream`, { headers: { Authorization: `JWT ${token}` }, signal: controller.signal })
        if (answer.status !== 200) throw new Error(`stream refused: ${answer.status} ${await answer.text()}`)
        const reader = eventReader(answer)
        await reader.next((e) => e.event === 'unread', 30_000)
        return reader
      }),
    )
    console.log(`notifications-latency: ${streams.length} streams open on ${server.url} (one per parent)`)
    const all: number[] = []
    for (let round = 1; round <= rounds; round++) {
      const event = `bench-latency:${Date.now()}:${round}`
      const req = await createLocalReq({}, payload)
      let committing = 0
      await inTransaction(req, async () => {
        await notify(req, { kind: 'paymentReceived', event, school: school.id, recipients: users.map((user) => ({ user })), vars: { pupil: 'BANC', amount: '1,00 $US', number: `FAC-BANC-${round}` } })
        committing = performance.now()
      })
      const arrivals = await Promise.all(streams.map((stream) => stream.next((e) => e.event === 'notification' && e.data.body.includes(`FAC-BANC-${round}`), 10_000).then((e) => e.at - committing, () => null)))
      const received = arrivals.filter((a): a is number => a !== null).sort((a, b) => a - b)
      if (round > 1) all.push(...received)
      console.log(`round ${round}${round === 1 ? ' (first)' : ''}: received ${received.length}/${streams.length}; ${figures(received)}`)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    if (rounds > 1) console.log(`rounds 2–${rounds} together: ${all.length}/${streams.length * (rounds - 1)} received; ${figures(all.sort((a, b) => a - b))}`)
    controller.abort()
    await Promise.all(streams.map((stream) => stream.close()))
  } finally {
    await server.stop()
  }
})
await mail.close()
await db.stop()
