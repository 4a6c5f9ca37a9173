/**
 * The parent/student portal on the built app with 5,000 students in the school, as a phone meets it.
 * Weight: each page's first visit, the HTML and every stylesheet and script it names under
 * /_next/ (but the `nomodule` polyfills a phone never loads), fetched with `Accept-Encoding: br,
 * gzip` and counted as sent (compressed), and decoded.
 * Speed: autocannon on a child's marks page as the demo parent, signed in by the `payload-token`
 * cookie as a browser is; then, under the same load, the floor of this machine: the login page
 * (Next renders it and reads nothing) and `/api/users/me` (Payload's authentication alone).
 * A child's page not built yet (404) is shown as absent. Options: --duration <s> (default 15),
 * --connections <n> (default 20), --port <n> (default 3333; another session's app may hold it).
 */
import http from 'node:http'
import { parseArgs } from 'node:util'
import zlib from 'node:zlib'
import pg from 'pg'
import { startServer } from '../scripts/server'
import { demoAccounts } from '../src/seed/accounts'
import { benchDatabase, growDemoSchool, loadTest, ms, signIn } from './support'

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: { duration: { type: 'string', default: '15' }, connections: { type: 'string', default: '20' }, port: { type: 'string', default: '3333' } },
})
const total = 5000
const targets = { marksKB: 150, p95: 150 }
const acceptEncoding = 'br, gzip'

// Its own folder and port: another worktree's students bench may hold the default one.
const db = await benchDatabase('portal', { folder: 'postgres-bench-portal', port: 54363 })
const client = new pg.Client({ connectionString: db.url })
await client.connect()
const students = await growDemoSchool(client, total)
// The parent's child with the most published marks, in the larger class (the demo seed publishes P1 in every class but two).
const { rows: [child] } = await client.query(
  `select s.id, s.full_name, c.name as class,
          (select count(*)::int from enrollments e2 where e2.class_id = c.id and e2.status = 'active') as pupils,
          (select count(*)::int from grades g where g.class_id = c.id and g.published) as published,
          (select count(*)::int from grades g where g.class_id = c.id and g.student_id = s.id and g.published) as own
   from users u
   join guardians gu on gu.user_id = u.id
   join students_rels r on r.guardians_id = gu.id and r.path = 'guardians'
   join students s on s.id = r.parent_id
   join enrollments e on e.student_id = s.id and e.status = 'active'
   join classes c on c.id = e.class_id
   where u.email = $1
   order by own desc, pupils desc, s.full_name limit 1`,
  [demoAccounts.parent],
)
await client.end()
if (!child?.own) throw new Error(`No child of ${demoAccounts.parent} has published marks: the demo seed changed (${JSON.stringify(child)})`)

type Answer = { status: number; headers: http.IncomingHttpHeaders; wire: number; body: Buffer }

/** One GET as a browser asks it, the body as sent: node:http does not decode, so its length is the bytes on the wire (without headers). */
const get = (url: string, headers: Record<string, string> = {}) =>
  new Promise<Answer>((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding, ...headers } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => {
          const raw = Buffer.concat(chunks)
          const encoding = response.headers['content-encoding']
          const body = encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : encoding === 'deflate' ? zlib.inflateSync(raw) : raw
          resolve({ status: response.statusCode!, headers: response.headers, wire: raw.length, body })
        })
      })
      .on('error', reject)
  })

const attributes = (tag: string) => {
  const found: Record<string, string> = {}
  for (const [, name, ...value] of tag.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g))
    found[name.toLowerCase()] = (value.find((v) => v !== undefined) ?? '').replace(/&amp;/g, '&')
  return found
}

/**
 * What the HTML makes a browser fetch from /_next/: its stylesheets, and the scripts it runs or
 * preloads. A `nomodule` script (Next's polyfills) is fetched only by browsers without ES modules,
 * which no phone of today is: it is listed apart, not counted.
 */
const assetsOf = (html: string) => {
  const css = new Set<string>()
  const js = new Set<string>()
  const noModule = new Set<string>()
  for (const [, name, rest] of html.matchAll(/<(link|script)\b([^>]*)>/gi)) {
    const a = attributes(rest)
    const rel = (a.rel ?? '').toLowerCase().split(/\s+/)
    if (name.toLowerCase() === 'script' && a.src?.startsWith('/_next/')) ('nomodule' in a ? noModule : js).add(a.src)
    else if (rel.includes('stylesheet') && a.href?.startsWith('/_next/')) css.add(a.href)
    else if ((rel.includes('modulepreload') || (rel.includes('preload') && a.as === 'script')) && a.href?.startsWith('/_next/')) js.add(a.href)
  }
  return { css: [...css], js: [...js].filter((src) => !noModule.has(src)), noModule: [...noModule] }
}

const server = await startServer(Number(values.port), { DATABASE_URL: db.url })
const fetched = new Map<string, Promise<Answer>>()
const asset = (path: string) => {
  if (!fetched.has(path)) fetched.set(path, get(`${server.url}${path}`))
  return fetched.get(path)!
}
const encodings = { html: new Set<string>(), css: new Set<string>(), js: new Set<string>() }
const kb = (bytes: number) => Number((bytes / 1024).toFixed(1))

/** A page's first visit: its HTML and each asset once, compressed and decoded; null when the page answers 404. */
const weigh = async (path: string, headers: Record<string, string>, expect?: string) => {
  const page = await get(`${server.url}${path}`, headers)
  if (page.status === 404) return null
  const html = page.body.toString('utf8')
  if (page.status !== 200) throw new Error(`GET ${path}: ${page.status} ${page.headers.location ?? ''} (the session or the demo data is wrong)`)
  if (expect && !html.includes(expect)) throw new Error(`GET ${path}: 200 but without « ${expect} »`)
  encodings.html.add(page.headers['content-encoding'] ?? 'none')
  const { css, js, noModule } = assetsOf(html)
  const sum = async (kind: 'css' | 'js', paths: string[]) => {
    const answers = await Promise.all(paths.map(asset))
    answers.forEach((answer, k) => {
      if (answer.status !== 200) throw new Error(`GET ${paths[k]}: ${answer.status}`)
      encodings[kind].add(answer.headers['content-encoding'] ?? 'none')
    })
    return { wire: answers.reduce((n, a) => n + a.wire, 0), size: answers.reduce((n, a) => n + a.body.length, 0) }
  }
  const [styles, scripts, skipped] = await Promise.all([sum('css', css), sum('js', js), sum('js', noModule)])
  return {
    files: 1 + css.length + js.length,
    html: { wire: page.wire, size: page.body.length },
    css: styles,
    js: scripts,
    wire: page.wire + styles.wire + scripts.wire,
    size: page.body.length + styles.size + scripts.size,
    noModule: skipped,
  }
}

try {
  const token = await signIn(server.url, demoAccounts.parent)
  // Payload reads its cookie only from the same site: a browser says so, a bench must.
  const asParent = { cookie: `payload-token=${token}`, 'sec-fetch-site': 'same-origin' }
  const marksPath = `/fr/students/${child.id}/marks`
  const pages: [string, string, Record<string, string>, string?][] = [
    ['login', '/fr/login', {}],
    ['parent home', '/fr', asParent, child.full_name],
    ['marks', marksPath, asParent, child.full_name],
    ...(['report-cards', 'attendance', 'timetable', 'invoices'] as const).map((s): [string, string, Record<string, string>] => [s, `/fr/students/${child.id}/${s}`, asParent]),
  ]
  const weights: Record<string, Awaited<ReturnType<typeof weigh>>> = {}
  for (const [name, path, headers, expect] of pages) weights[name] = await weigh(path, headers, expect)
  const rows = Object.fromEntries(
    pages.map(([name, path]) => {
      const w = weights[name]
      if (!w) return [name, { path, HTML: 'absent', CSS: '', JS: '', 'total KB': '', 'decoded KB': '', files: '', 'nomodule KB (not counted)': '' }]
      return [name, { path, HTML: kb(w.html.wire), CSS: kb(w.css.wire), JS: kb(w.js.wire), 'total KB': kb(w.wire), 'decoded KB': kb(w.size), files: w.files, 'nomodule KB (not counted)': kb(w.noModule.wire) }]
    }),
  )
  console.log(`\nPage weight, first visit (KB as sent with Accept-Encoding: ${acceptEncoding}; "decoded KB": the same files uncompressed) — ${students} students`)
  console.table(rows)
  const list = (set: Set<string>) => [...set].join(', ') || '—'
  console.log(`Content-Encoding from next start (compress: true): HTML ${list(encodings.html)}; CSS ${list(encodings.css)}; JS ${list(encodings.js)}`)
  const marks = weights.marks!
  console.log(
    `Marks page: ${kb(marks.wire)} KB compressed (HTML ${kb(marks.html.wire)}, CSS ${kb(marks.css.wire)}, JS ${kb(marks.js.wire)}; ${kb(marks.size)} KB decoded) — target < ${targets.marksKB} KB: ${kb(marks.wire) < targets.marksKB ? 'met' : 'target missed'}`,
  )

  const headers = { ...asParent, 'accept-encoding': acceptEncoding }
  const load = (path: string, extra: Record<string, string>) =>
    loadTest({ url: `${server.url}${path}`, connections: Number(values.connections), headers: { 'accept-encoding': acceptEncoding, ...extra } }, Number(values.duration), server.pid)
  const speed = await load(marksPath, headers)
  // The floor on this machine: a page that reads nothing (the login form), and Payload's own cheapest authenticated answer.
  const floor = { login: await load('/fr/login', {}), me: await load('/api/users/me', asParent) }
  console.log(
    `\nGET ${marksPath} as ${demoAccounts.parent} (${child.full_name}, ${child.class}: ${child.pupils} pupils, ${child.published} published marks, ${child.own} of them the child's) — ${students} students, ${values.connections} connections, ${values.duration} s`,
  )
  const row = (s: typeof speed) => ({
    'req/s': s['req/s'], p50: ms(s.p50), p95: ms(s.p95), p99: ms(s.p99), 'CPU/request': s.cpuPerRequest === null ? '—' : ms(s.cpuPerRequest), requests: s.requests, 'non-2xx': s.non2xx, errors: s.errors,
  })
  console.table({ marks: row(speed), 'floor: /fr/login (no data)': row(floor.login), 'floor: GET /api/users/me': row(floor.me) })
  console.log(`p95 ${ms(speed.p95)} — target < ${targets.p95} ms: ${speed.p95 < targets.p95 ? 'met' : 'target missed'}`)
  if (speed.cpuPerRequest !== null)
    // n connections each waiting for its answer, one Node process: a request waits for about n others' CPU.
    console.log(
      `Server CPU per request (next start): ${ms(speed.cpuPerRequest)}; with ${values.connections} connections on one process, a p95 under ${targets.p95} ms needs it under about ${ms(targets.p95 / Number(values.connections))}`,
    )
  for (const [name, s] of Object.entries({ marks: speed, ...floor }))
    if (s.errors) throw new Error(`${name}: ${s.errors} failed requests (${s.non2xx} non-2xx) under load: the figures above are not the page's`)
} finally {
  await server.stop()
  await db.stop()
}
process.exit(0)
