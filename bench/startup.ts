/**
 * `npm start` on an empty data directory until the first 200 on /admin/login, then a second
 * start on the same data. The production build is shared with the checkout: pass --build to
 * include a fresh `next build` in the first start, as on a new clone.
 */
import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ args: process.argv.slice(3), options: { build: { type: 'boolean', default: false } } })
const port = 3298
const dataDir = mkdtempSync(path.join(tmpdir(), 'kelasi-startup-'))
chmodSync(dataDir, 0o755)

const start = async (label: string, extraEnv: Record<string, string> = {}) => {
  const started = performance.now()
  const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
    env: {
      ...process.env,
      ...extraEnv,
      PORT: String(port),
      KELASI_DATA_DIR: dataDir,
      KELASI_PG_PORT: '54369',
      SMTP_PORT: '2597',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout.on('data', (c) => (log += c))
  child.stderr.on('data', (c) => (log += c))
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${log}`)
    try {
      const answer = await fetch(`http://localhost:${port}/admin/login`)
      if (answer.status === 200) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  const seconds = (performance.now() - started) / 1000
  const stopped = performance.now()
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGINT')
  })
  return {
    start: label,
    'to first 200 on /admin/login': `${seconds.toFixed(1)} s`,
    built: log.includes('building the app') ? 'yes' : 'no',
    'demo school created': log.includes('demo school created') ? 'yes' : 'no',
    'clean stop (Ctrl-C)': `${((performance.now() - stopped) / 1000).toFixed(1)} s`,
  }
}

try {
  const first = await start('1st (empty data directory)', values.build ? { KELASI_FORCE_BUILD: 'true' } : {})
  const second = await start('2nd (same data)')
  console.table([first, second])
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
