/**
 * Authenticated `GET /api/students?limit=50&depth=1` on the built app with 5,000 students,
 * 20 concurrent connections (autocannon), as the direction (50 of 5,000 rows) and as a
 * parent (their 2 children, found through their guardian record).
 * Options: --duration <s> (default 15), --connections <n> (default 20).
 */
import { parseArgs } from 'node:util'
import pg from 'pg'
import { startServer } from '../scripts/server'
import { demoAccounts } from '../src/seed/accounts'
import { benchDatabase, growDemoSchool, loadTest, ms, signIn } from './support'

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: { duration: { type: 'string', default: '15' }, connections: { type: 'string', default: '20' } },
})
const total = 5000

const db = await benchDatabase('students')
const client = new pg.Client({ connectionString: db.url })
await client.connect()
const students = await growDemoSchool(client, total)
await client.end()

const server = await startServer(3299, { DATABASE_URL: db.url })
const measure = async (who: string, email: string) => {
  const token = await signIn(server.url, email)
  const url = `${server.url}/api/students?limit=50&depth=1`
  const check = await fetch(url, { headers: { Authorization: `JWT ${token}` } })
  const rows = ((await check.json()) as { docs: unknown[]; totalDocs: number })
  const figures = await loadTest({ url, connections: Number(values.connections), headers: { Authorization: `JWT ${token}` } }, Number(values.duration))
  return {
    as: who,
    'rows/page': rows.docs.length,
    visible: rows.totalDocs,
    'req/s': figures['req/s'],
    p50: ms(figures.p50),
    p95: ms(figures.p95),
    p99: ms(figures.p99),
    requests: figures.requests,
    errors: figures.errors,
  }
}

try {
  const figures = [await measure('admin', demoAccounts.admin), await measure('parent', demoAccounts.parent)]
  console.log(`\nGET /api/students?limit=50&depth=1 — ${students} students, ${values.connections} connections, ${values.duration} s each`)
  console.table(figures)
} finally {
  await server.stop()
  await db.stop()
}
process.exit(0)
