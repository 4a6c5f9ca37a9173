/**
 * The teacher's two big saves on the built app, over HTTP as the demo teacher: the roll of a
 * 60-pupil class (`POST /api/attendance/roll`) and the marks of a 60-pupil evaluation
 * (`POST /api/evaluations/:id/grades`), each first written (60 new rows) then corrected
 * (a few rows changed). Prints the latency of the one request: median, p95, max.
 * Options: --rounds <n> (default 15).
 */
import { parseArgs } from 'node:util'
import { startServer } from '../scripts/server'
import { withPayload } from '../src/db/prepare'
import { demoAccounts } from '../src/seed/accounts'
import { benchDatabase, ms, signIn, teacherClass, timedJSON } from './support'

const { values } = parseArgs({ args: process.argv.slice(3), options: { rounds: { type: 'string', default: '15' } } })
const rounds = Number(values.rounds)
const size = 60

const db = await benchDatabase('saves')
const setup = await withPayload((payload) => teacherClass(payload, size))

const server = await startServer(3298, { DATABASE_URL: db.url })
const token = await signIn(server.url, demoAccounts.teacher)
const post = (path: string, body: unknown) => timedJSON(`${server.url}/api${path}`, 'POST', token, body)

const timings: Record<string, number[]> = { 'roll, first save (60 new)': [], 'roll, corrected (3 changed)': [], 'marks, first save (60 new)': [], 'marks, corrected (5 changed)': [] }
const [first, corrected, marks, remarks] = Object.values(timings)
for (let round = 0; round < rounds; round++) {
  const date = new Date(Date.UTC(2026, 10, 2 + round)).toISOString().slice(0, 10)
  const absent = (k: number) => setup.pupils.slice(k, k + 4).map((student) => ({ student, status: 'absent' }))
  const roll = await post('/attendance/roll', { class: setup.klass, date, halfDay: 'morning', entries: absent(0) })
  if (roll.json.created !== size) throw new Error(`roll saved ${roll.json.created} rows`)
  first.push(roll.elapsed)
  corrected.push((await post('/attendance/roll', { class: setup.klass, date, halfDay: 'morning', entries: absent(1) })).elapsed)

  const evaluation = await post('/evaluations', { school: setup.school, class: setup.klass, subject: setup.subject, term: setup.term, title: `Interrogation ${round + 1}`, date: '2026-11-20', maximum: 20 })
  const id = evaluation.json.doc.id
  const grades = setup.pupils.map((student, i) => ({ student, score: (i * 7) % 21 }))
  const saved = await post(`/evaluations/${id}/grades`, { grades })
  if (saved.json.created !== size) throw new Error(`marks saved ${saved.json.created} rows`)
  marks.push(saved.elapsed)
  remarks.push((await post(`/evaluations/${id}/grades`, { grades: grades.map((g, i) => (i < 5 ? { ...g, score: 20 } : g)) })).elapsed)
}
await server.stop()
await db.stop()

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]
console.log(`\nOne request each, ${rounds} rounds, class of ${size}, built app over HTTP:`)
for (const [name, values] of Object.entries(timings))
  console.log(`  ${name.padEnd(30)} median ${ms(quantile(values, 0.5)).padStart(9)}  p95 ${ms(quantile(values, 0.95)).padStart(9)}  max ${ms(Math.max(...values)).padStart(9)}`)
