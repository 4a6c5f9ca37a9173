import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { ensureBuild } from './build'
import { spawnWorker } from './workerProcess'

/** The production build of the app, served by `next start` with its worker, as `npm start` does. */
export const startServer = async (port: number, env: Record<string, string> = {}) => {
  const fullEnv = { ...process.env, NODE_ENV: 'production', SERVER_URL: `http://localhost:${port}`, ...env } as NodeJS.ProcessEnv
  await ensureBuild(fullEnv)
  const child: ChildProcess = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const worker = spawnWorker(fullEnv, 'pipe')
  let output = ''
  for (const process of [child, worker]) {
    process.stdout?.on('data', (chunk) => (output += chunk))
    process.stderr?.on('data', (chunk) => (output += chunk))
  }
  const url = `http://localhost:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      await fetch(`${url}/admin/login`, { redirect: 'manual' })
      break
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`The app did not start:\n${output}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  return {
    url,
    /** The `next start` process (benches read its CPU time). */
    pid: child.pid!,
    output: () => output,
    stop: () =>
      Promise.all(
        [child, worker].map(
          (process) =>
            new Promise<void>((resolve) => {
              if (process.exitCode !== null) return resolve()
              process.once('exit', () => resolve())
              process.kill('SIGTERM')
            }),
        ),
      ).then(() => undefined),
  }
}
