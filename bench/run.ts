/** `npm run bench -- <name> [options]`: runs bench/<name>.ts, which prints its figures. */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const folder = path.dirname(fileURLToPath(import.meta.url))
const available = readdirSync(folder)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'support.ts'].includes(f))
  .map((f) => f.replace(/\.ts$/, ''))
const name = process.argv[2]
if (!name || !available.includes(name)) {
  console.log(`Usage: npm run bench -- <name>\n\nBenchmarks: ${available.join(', ')}`)
  process.exit(name ? 2 : 0)
}
await import(path.join(folder, `${name}.ts`))
