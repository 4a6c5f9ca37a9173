/**
 * docker-compose.yml and the Dockerfile, read as files (no Docker daemon on these machines):
 * every service is either health-checked or waits on a condition, the app and the worker get
 * the database, S3, SMTP and the secrets, data lives in named volumes, and the image's final
 * stage has pg_dump 15, runs as a non-root user and checks /api/health.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

type Service = {
  image?: string
  build?: unknown
  command?: string[]
  environment?: Record<string, string>
  healthcheck?: { test?: unknown; disable?: boolean }
  depends_on?: Record<string, { condition?: string }>
  volumes?: string[]
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> }
const dockerfile = readFileSync('Dockerfile', 'utf8')
// Continuation lines joined, comments dropped: one instruction a line.
const instructions = dockerfile.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
const finalStage = instructions.slice(instructions.map((line) => /^FROM /i.test(line)).lastIndexOf(true))
const services = Object.entries(compose.services)

it('health-checks every service or starts it only once what it needs is ready', () => {
  const conditions = ['service_healthy', 'service_completed_successfully']
  for (const [name, service] of services) {
    const checked = Boolean(service.healthcheck?.test) || (Boolean(service.build) && !service.healthcheck?.disable)
    const waits = Object.values(service.depends_on ?? {}).length > 0 && Object.values(service.depends_on!).every((d) => conditions.includes(d.condition ?? ''))
    expect({ name, ok: checked || waits }).toEqual({ name, ok: true })
    for (const needed of Object.keys(service.depends_on ?? {})) expect(compose.services[needed]).toBeDefined()
  }
  // What others wait on as healthy has a check of its own.
  for (const [, service] of services)
    for (const [needed, { condition }] of Object.entries(service.depends_on ?? {}))
      if (condition === 'service_healthy') expect({ needed, test: Boolean(compose.services[needed].healthcheck?.test) }).toEqual({ needed, test: true })
})

it('has PostgreSQL 15, an S3-compatible store with its bucket made once, and an SMTP catcher', () => {
  expect(compose.services.db.image).toMatch(/^postgres:15/)
  expect(compose.services.s3.image).toMatch(/^minio\/minio:/)
  expect(compose.services['s3-bucket'].command?.join(' ')).toMatch(/mc mb --ignore-existing kelasi\/kelasi/)
  expect(compose.services.mail.image).toMatch(/^axllent\/mailpit:/)
})

it('gives the app and the worker the database, S3, SMTP and the required secrets', () => {
  for (const name of ['app', 'worker', 'migrate']) {
    const env = compose.services[name].environment ?? {}
    expect({ name, db: env.DATABASE_URL }).toEqual({ name, db: expect.stringMatching(/^postgres:\/\/kelasi:.+@db:5432\/kelasi$/) })
    expect(env).toMatchObject({ NODE_ENV: 'production', S3_BUCKET: 'kelasi', S3_ENDPOINT: 'http://s3:9000', S3_FORCE_PATH_STYLE: 'true' })
    for (const variable of ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'SMTP_HOST', 'SMTP_PORT', 'SMTP_FROM']) expect({ name, variable, set: Boolean(env[variable]) }).toEqual({ name, variable, set: true })
    // A missing secret stops `docker compose up` with a message instead of starting without it.
    for (const secret of ['PAYLOAD_SECRET', 'BACKUP_KEY']) expect({ name, secret, value: env[secret] }).toEqual({ name, secret, value: expect.stringMatching(new RegExp(`^\\$\\{${secret}:\\?`)) })
  }
  expect(compose.services.worker.command).toEqual(['node', 'node_modules/tsx/dist/cli.mjs', 'scripts/worker.ts'])
  // The worker serves no /api/health: its check asks its own metrics port.
  const port = compose.services.worker.environment?.KELASI_WORKER_METRICS_PORT
  expect(JSON.stringify(compose.services.worker.healthcheck?.test)).toContain(`127.0.0.1:${port}/metrics`)
  expect(compose.services.migrate.command?.slice(-2)).toEqual(['scripts/kelasi.ts', 'migrate'])
  for (const script of ['scripts/worker.ts', 'scripts/kelasi.ts']) expect(existsSync(script)).toBe(true)
})

it('keeps data in named volumes only', () => {
  const mounts = services.flatMap(([, service]) => service.volumes ?? [])
  expect(mounts.length).toBeGreaterThan(0)
  for (const mount of mounts) {
    const source = mount.split(':')[0]
    expect({ mount, named: source in compose.volumes }).toEqual({ mount, named: true })
  }
  for (const volume of ['db-data', 's3-data', 'backups']) expect(Object.keys(compose.volumes)).toContain(volume)
})

it('builds on Node 20 and bookworm, and the final stage has pg_dump 15, a non-root user and a health check', () => {
  const stages: string[] = []
  for (const from of instructions.filter((line) => /^FROM /i.test(line))) {
    const [, base, name] = /^FROM (\S+)(?: AS (\S+))?/i.exec(from)!
    expect({ from, base: stages.includes(base) ? 'node:20-bookworm-slim' : base }).toEqual({ from, base: 'node:20-bookworm-slim' })
    if (name) stages.push(name)
  }
  expect(finalStage[0]).toMatch(/^FROM node:20-bookworm-slim\b/)
  expect(instructions.some((line) => /npm ci\b/.test(line))).toBe(true)
  expect(instructions).toContain('RUN npx next build')
  expect(dockerfile).toMatch(/KELASI_STANDALONE=true/)
  expect(readFileSync('next.config.ts', 'utf8')).toMatch(/KELASI_STANDALONE === 'true' \? \{ output: 'standalone'/)
  expect(finalStage.some((line) => /apt-get install .*postgresql-client-15/.test(line))).toBe(true)
  const user = finalStage.filter((line) => /^USER /i.test(line)).pop()
  expect(user).toBeDefined()
  expect(user!.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/)
  const healthcheck = finalStage.find((line) => /^HEALTHCHECK /i.test(line))
  expect(healthcheck).toMatch(/\/api\/health/)
  // Everything the image copies from the checkout is there and not left out by .dockerignore.
  const ignored = readFileSync('.dockerignore', 'utf8').split('\n').filter(Boolean)
  const copied = finalStage.filter((line) => /^COPY /i.test(line) && !/--from=/.test(line)).flatMap((line) => line.split(/\s+/).slice(1, -1))
  for (const source of copied) {
    expect({ source, exists: existsSync(source) }).toEqual({ source, exists: true })
    expect({ source, ignored: ignored.includes(source) || ignored.includes(path.basename(source)) }).toEqual({ source, ignored: false })
  }
})
