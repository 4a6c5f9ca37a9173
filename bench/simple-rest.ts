/**
 * The simple REST API (/api/v1) on the built app, over HTTP as its clients call it.
 * Saves, as the demo teacher: a 60-pupil class's roll (`POST /api/v1/roll-calls`) and a 60-pupil
 * evaluation's marks (`PUT /api/v1/mark-sheets/:id`), first written then corrected: latency of
 * the one request (median, p95, max).
 * Lists, with 5,000 students in the school: react-admin's getList of 25 students with a filter
 * and a sort (`GET /api/v1/students?filter=…&range=[0,24]&sort=…`) at 20 connections, as the
 * secretariat (the whole school) and as the teacher (their classes' pupils): req/s, p50, p95.
 * Options: --rounds <n> (default 15), --duration <s> (default 15), --connections <n> (default 20).
 */
import { parseArgs } from 'node:util'
import pg from 'pg'
import { startServer } from '../scripts/server'
import { withPayload } from '../src/db/prepare'
import { demoAccounts } from '../src/seed/accounts'
import { benchDatabase, growDemoSchool, loadTest, ms, signIn, teacherClass, timedJSON } from './support'

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: { rounds: { type: 'string', default: '15' }, duration: { type: 'string', default: '15' }, connections: { type: 'string', default: '20' } },
})
const rounds = Number(values.rounds)
const size = 60

const db = await benchDatabase('simple-rest', { folder: 'postgres-bench-simple-rest', port: 54365 })
const setup = await withPayload((payload) => teacherClass(payload, size))
const client = new pg.Client({ connectionString: db.url })
await client.connect()
const students = await growDemoSchool(client, 5000)
await client.end()

const server = await startServer(3297, { DATABASE_URL: db.url })
try {
  const teacher = await signIn(server.url, demoAccounts.teacher)
  const send = (method: 'POST' | 'PUT', path: string, body: unknown) => timedJSON(`${server.url}/api/v1${path}`, method, teacher, body)
  const timings: Record<string, number[]> = { 'roll call, first save (60 new)': [], 'roll call, corrected (3 changed)': [], 'mark sheet, first save (60 new)': [], 'mark sheet, corrected (5 changed)': [] }
  const [rollFirst, rollCorrected, marksFirst, marksCorrected] = Object.values(timings)
  for (let round = 0; round < rounds; round++) {
    const date = new Date(Date.UTC(2026, 10, 2 + round)).toISOString().slice(0, 10)
    const absent = (k: number) => setup.pupils.slice(k, k + 4).map((student) => ({ student, status: 'absent' }))
    const roll = await send('POST', '/roll-calls', { class: setup.klass, date, halfDay: 'morning', entries: absent(0) })
    if (roll.json.created !== size) throw new Error(`the roll call saved ${roll.json.created} rows`)
    rollFirst.push(roll.elapsed)
    rollCorrected.push((await send('POST', '/roll-calls', { class: setup.klass, date, halfDay: 'morning', entries: absent(1) })).elapsed)
    const evaluation = await send('POST', '/evaluations', { school: setup.school, class: setup.klass, subject: setup.subject, term: setup.term, title: `Interrogation ${round + 1}`, date: '2026-11-20', maximum: 20 })
    const grades = setup.pupils.map((student, i) => ({ student, score: (i * 7) % 21 }))
    const sheet = await send('PUT', `/mark-sheets/${evaluation.json.id}`, { grades })
    if (sheet.json.created !== size) throw new Error(`the mark sheet saved ${sheet.json.created} rows`)
    marksFirst.push(sheet.elapsed)
    marksCorrected.push((await send('PUT', `/mark-sheets/${evaluation.json.id}`, { grades: grades.map((g, i) => (i < 5 ? { ...g, score: 20 } : g)) })).elapsed)
  }
  const quantile = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))]
  console.log(`\nOne request each, ${rounds} rounds, class of ${size}, as ${demoAccounts.teacher}:`)
  for (const [name, list] of Object.entries(timings))
    console.log(`  ${name.padEnd(34)} median ${ms(quantile(list, 0.5)).padStart(9)}  p95 ${ms(quantile(list, 0.95)).padStart(9)}  max ${ms(Math.max(...list)).padStart(9)}`)

  const lists = {
    secretariat: { email: demoAccounts.secretariat, filter: { sex: 'F', q: 'bench 1' } },
    teacher: { email: demoAccounts.teacher, filter: { sex: 'F' } },
  }
  const rows: Record<string, Record<string, string | number>> = {}
  for (const [who, { email, filter }] of Object.entries(lists)) {
    const token = await signIn(server.url, email)
    const query = new URLSearchParams({ filter: JSON.stringify(filter), range: '[0,24]', sort: '["fullName","ASC"]' })
    const url = `${server.url}/api/v1/students?${query}`
    const check = await fetch(url, { headers: { Authorization: `JWT ${token}` } })
    if (!check.ok) throw new Error(`GET ${url}: ${check.status} ${await check.text()}`)
    const page = (await check.json()) as unknown[]
    const speed = await loadTest({ url, connections: Number(values.connections), headers: { Authorization: `JWT ${token}` } }, Number(values.duration), server.pid)
    if (speed.errors) throw new Error(`${who}: ${speed.errors} failed requests under load`)
    rows[who] = {
      filter: JSON.stringify(filter),
      rows: page.length,
      'Content-Range': check.headers.get('content-range') ?? '',
      'req/s': speed['req/s'],
      p50: ms(speed.p50),
      p95: ms(speed.p95),
      p99: ms(speed.p99),
      'CPU/request': speed.cpuPerRequest === null ? '—' : ms(speed.cpuPerRequest),
    }
  }
  console.log(`\nGET /api/v1/students, 25 rows with a filter, sorted by name — ${students} students, ${values.connections} connections, ${values.duration} s each`)
  console.table(rows)
} finally {
  await server.stop()
  await db.stop()
}
process.exit(0)
