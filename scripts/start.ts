/**
 * `npm start`: the whole app on one machine. PostgreSQL (embedded unless DATABASE_URL is
 * set), migrations, the demo school on an empty database, a production build when missing
 * or stale, then `next start` on PORT with the worker (jobs queue and schedules) beside it.
 * Ctrl-C stops the app and the worker, then the database.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { startDatabase } from '../src/db/embedded'
import { prepareDatabase } from '../src/db/prepare'
import { dataFolder, ensureSecret } from '../src/db/settings'
import { catchMailUnlessSmtp } from '../src/email/catcher'
import { ensureBuild } from './build'
import { spawnWorker } from './workerProcess'

const started = Date.now()
const port = Number(process.env.PORT || 3000)
process.env.PORT = String(port)
ensureSecret()

const db = await startDatabase({
  folder: path.join(dataFolder, 'postgres'),
  port: Number(process.env.KELASI_PG_PORT || 54329),
  database: 'kelasi',
})
process.env.DATABASE_URL = db.url
console.log(`[kelasi] database: ${db.embedded ? `embedded PostgreSQL on 127.0.0.1:${new URL(db.url).port}` : 'DATABASE_URL'}`)

const mail = await catchMailUnlessSmtp(path.join(dataFolder, 'mail'), (line) => console.log(`[kelasi] ${line}`))

const stopAll = async () => {
  await mail?.close()
  await db.stop()
}

try {
  const demo = process.env.KELASI_DEMO ? process.env.KELASI_DEMO === 'true' : db.embedded
  const { seeded } = await prepareDatabase({ demo })
  if (seeded) console.log('[kelasi] demo school created (accounts in README.md, password demo-kelasi-2026)')
  await ensureBuild(process.env, process.env.KELASI_FORCE_BUILD === 'true')
} catch (error) {
  console.error('[kelasi] could not start:', (error as Error).message)
  await stopAll()
  process.exit(1)
}

const nextBin = path.resolve('node_modules/next/dist/bin/next')
const app = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
})
const worker = spawnWorker({ ...process.env, NODE_ENV: 'production' })
console.log(`[kelasi] ready in ${((Date.now() - started) / 1000).toFixed(1)} s → http://localhost:${port}/admin (staff), http://localhost:${port}/fr (families)`)

// The app and the worker stop first, then the database they use (Ctrl-C reaches all; a signal
// sent to this process alone is passed on). Either one ending stops the other.
let stopping = false
const exited = (child: typeof app) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)))
const shutdown = (signal: NodeJS.Signals) => {
  if (stopping) return
  stopping = true
  for (const child of [app, worker]) if (child.exitCode === null) child.kill(signal)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
const first = await Promise.race([exited(app), exited(worker)])
const crashed = !stopping
shutdown('SIGTERM')
await Promise.all([exited(app), exited(worker)])
await stopAll()
process.exit(crashed ? (first || 1) : 0)
