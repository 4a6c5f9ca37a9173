/**
 * Two app processes (each `next start` with its worker, as two machines behind a load balancer
 * would run them) on one database: a session opened on one is served and closed on the other;
 * the login limits count across both; one worker leads the queue and the schedules, the other
 * stands by; each answers /api/health with the queue and /api/metrics in Prometheus' format.
 */
import { demoAccounts, demoPassword } from '../support/accounts'
import { rules } from '../../src/domain/rateLimits'
import { startServer } from '../../scripts/server'

const base = Number(process.env.KELASI_TEST_APP_PORT || 3210)
let servers: Awaited<ReturnType<typeof startServer>>[] = []

beforeAll(async () => {
  servers = [await startServer(base)]
  servers.push(await startServer(base + 1))
}, 15 * 60_000)

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()))
})

const until = async (condition: () => boolean, ms = 60_000) => {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

it('serves and ends on one process the session opened on the other', async () => {
  const [a, b] = servers
  const login = await fetch(`${a.url}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: demoAccounts.teacher, password: demoPassword }) })
  expect(login.status).toBe(200)
  const { token } = (await login.json()) as { token: string }
  const me = (server: (typeof servers)[number]) => fetch(`${server.url}/api/users/me`, { headers: { Authorization: `JWT ${token}` } }).then((r) => r.json() as Promise<{ user: { email: string } | null }>)
  expect((await me(b)).user?.email).toBe(demoAccounts.teacher)
  expect((await fetch(`${b.url}/api/users/logout`, { method: 'POST', headers: { Authorization: `JWT ${token}` } })).status).toBe(200)
  expect((await me(a)).user).toBeNull()
})

it('counts failed logins across both processes', async () => {
  const client = `2001:db8:e2e::${Date.now().toString(16)}`
  const attempt = (server: (typeof servers)[number], password: string) =>
    fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client }, body: JSON.stringify({ email: `inconnu-${client}@kelasi.test`, password }) })
  for (let k = 0; k < rules.loginFailuresPerAccount.limit; k++) expect((await attempt(servers[k % 2], 'faux')).status).toBe(401)
  expect((await attempt(servers[0], 'faux')).status).toBe(429)
  expect((await attempt(servers[1], 'faux')).status).toBe(429)
})

it('lets exactly one worker lead the queue and the schedules', async () => {
  await until(() => servers.every((server) => /leading|standing by/.test(server.output())))
  const leading = servers.filter((server) => server.output().includes('leading: running the jobs queue and the schedules'))
  const standing = servers.filter((server) => server.output().includes('standing by: another worker runs the jobs queue'))
  expect([leading.length, standing.length]).toEqual([1, 1])
})

it('answers /api/health with the queue and /api/metrics in Prometheus format', async () => {
  for (const server of servers) {
    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', database: { status: 'ok' }, queue: { status: 'ok', waiting: expect.any(Number), failed: expect.any(Number) } })
    await (await fetch(`${server.url}/fr/login`)).text()
    const metrics = await fetch(`${server.url}/api/metrics`)
    expect(metrics.status).toBe(200)
    expect(metrics.headers.get('content-type')).toContain('text/plain')
    const text = await metrics.text()
    expect(text).toMatch(/^kelasi_http_request_duration_seconds_count\{method="GET",area="portal",status="2xx"\} [1-9]\d*$/m)
    expect(text).toContain('# TYPE kelasi_jobs_queue_depth gauge')
    expect(text).toMatch(/^kelasi_process_cpu_seconds_total /m)
  }
})
