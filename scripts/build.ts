/**
 * `npm run build` (and `npm start` when needed): a production build of the app, skipped when
 * the sources have not changed since the last one (a hash of every input file).
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { run } from './run'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const inputs = ['src', 'collections', 'hooks', 'migrations', 'portal', 'payload.config.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json']
const stamp = path.join(root, '.next', 'kelasi-build-hash')

const files = (entry: string): string[] => {
  const full = path.join(root, entry)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [entry]
  return readdirSync(full).flatMap((name) => files(path.join(entry, name)))
}

export const sourceHash = () => {
  const hash = createHash('sha256')
  for (const file of inputs.flatMap(files).sort()) hash.update(file).update(readFileSync(path.join(root, file)))
  return hash.digest('hex')
}

export const ensureBuild = async (env: NodeJS.ProcessEnv, force = false) => {
  const hash = sourceHash()
  const built = existsSync(stamp) && existsSync(path.join(root, '.next', 'BUILD_ID')) && readFileSync(stamp, 'utf8') === hash
  if (built && !force) return false
  console.log('[kelasi] building the app (next build)…')
  await run('npx', ['next', 'build'], { cwd: root, env: { ...env, NODE_ENV: 'production' } })
  writeFileSync(stamp, hash)
  return true
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await ensureBuild(process.env, true)
}
