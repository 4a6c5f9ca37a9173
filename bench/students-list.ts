/**
 * Authenticated `GET /api/students?limit=50&depth=1` on the built app with 5,000 students,
 * 20 concurrent connections (autocannon), as the direction (50 of 5,000 rows) and as a
 * parent (their 2 children, found through their guardian record).
 * Options: --duration <s> (default 15), --connections <n> (default 20).
 */
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import hdr from 'hdr-histogram-js'
import pg from 'pg'
import { startServer } from '../scripts/server'
import { demoAccounts, demoPassword } from '../src/seed/accounts'
import { benchDatabase, ms } from './support'

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: { duration: { type: 'string', default: '15' }, connections: { type: 'string', default: '20' } },
})
const total = 5000

const db = await benchDatabase('students')
const client = new pg.Client({ connectionString: db.url })
await client.connect()
const { rows: [school] } = await client.query("select id from schools where code = 'CSMA'")
const { rows: [{ count }] } = await client.query('select count(*)::int as count from students')
// Set-based: the rows a school would have after importing its registers, in one statement each.
await client.query(
  `insert into students (school_id, matricule, last_name, post_name, first_name, full_name, sex, birth_date, birth_place)
   select $1, 'BENCH-' || g, (array['MUKENDI','KABONGO','NGOY','LUMBU','MBUYI'])[1 + g % 5], 'KIALA',
          (array['Grâce','Joseph','Ruth','Patrick'])[1 + g % 4], 'BENCH ' || g, (array['M','F'])[1 + g % 2]::enum_students_sex,
          date '2012-01-01' + (g % 2000), 'Kinshasa'
   from generate_series(1, $2::int) g`,
  [school.id, total - count],
)
await client.query(
  `insert into students_rels ("order", parent_id, path, guardians_id)
   select 1, s.id, 'guardians', g.ids[1 + s.id % array_length(g.ids, 1)]
   from students s, (select array_agg(id) ids from guardians where school_id = $1 and user_id is null) g
   where s.matricule like 'BENCH-%'`,
  [school.id],
)
await client.query('analyze')
const { rows: [{ students }] } = await client.query('select count(*)::int as students from students')
await client.end()

const server = await startServer(3299, { DATABASE_URL: db.url })
const login = async (email: string) => {
  const answer = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  })
  return ((await answer.json()) as { token: string }).token
}

const measure = async (who: string, email: string) => {
  const token = await login(email)
  const url = `${server.url}/api/students?limit=50&depth=1`
  const check = await fetch(url, { headers: { Authorization: `JWT ${token}` } })
  const rows = ((await check.json()) as { docs: unknown[]; totalDocs: number })
  const options = { url, connections: Number(values.connections), headers: { Authorization: `JWT ${token}` } }
  await autocannon({ ...options, duration: 3 })
  const latencies = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000, numberOfSignificantValueDigits: 3 })
  const result = await autocannon({ ...options, duration: Number(values.duration), histograms: { latencies } } as autocannon.Options)
  return {
    as: who,
    'rows/page': rows.docs.length,
    visible: rows.totalDocs,
    'req/s': Math.round(result.requests.average),
    p50: ms(latencies.getValueAtPercentile(50)),
    p95: ms(latencies.getValueAtPercentile(95)),
    p99: ms(latencies.getValueAtPercentile(99)),
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
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
