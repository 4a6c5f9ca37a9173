import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

/** `npm run worker` as a child of the app's launcher, with the same environment. */
export const spawnWorker = (env: NodeJS.ProcessEnv, stdio: 'inherit' | 'pipe' = 'inherit'): ChildProcess =>
  spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), path.resolve('scripts/worker.ts')], {
    env,
    stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  })
