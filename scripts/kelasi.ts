/**
 * `npm run kelasi -- <command>`: the command line of DESIGN.md. Each command has `--help`,
 * and `--json` prints one JSON document on stdout. Exit status 0 on success.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startDatabase, type Database } from '../src/db/embedded'
import { dataFolder, ensureSecret } from '../src/db/settings'

const common = { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } as const
const first = parseArgs({ allowPositionals: true, strict: false, options: common })
const name = first.positionals[0]

let db: Database | undefined

/**
 * tsx's loader on Node 20 now and then leaves a dynamic import unsettled for ever (the process then
 * hangs, or ends silently with status 0 once nothing else keeps it alive: privatenumber/tsx#806,
 * payloadcms/payload#17757). Loading takes 2 to 5 s; past the limit the command runs again in a
 * fresh process, twice at most, and answers with that one's status.
 */
const settlesWithin = (loading: Promise<unknown>, ms: number) => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))
  return Promise.race([loading.then(() => true), late]).finally(() => clearTimeout(timer))
}
const startAgain = async () => {
  const attempt = Number(process.env.KELASI_CLI_ATTEMPT || 1)
  await db?.stop()
  if (attempt >= 3) {
    console.error('Kelasi could not load its configuration (the module loader never answered). Try again.')
    process.exit(1)
  }
  const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, KELASI_CLI_ATTEMPT: String(attempt + 1) } })
  process.exit(again.status ?? 1)
}
if (name && !first.values.help) {
  // With --json, stdout carries the one JSON answer: Payload's logs go to stderr.
  if (first.values.json) process.env.KELASI_LOGS = 'stderr'
  ensureSecret()
  db = await startDatabase({ folder: path.join(dataFolder, 'postgres'), port: Number(process.env.KELASI_PG_PORT || 54329), database: 'kelasi' })
  process.env.DATABASE_URL = db.url
  process.env.SMTP_PORT ||= '2525'
  // The config's whole module graph in one import, before the commands load parts of it: imported
  // after them (as withPayload does), that dynamic import more often never settled.
  if (!(await settlesWithin(import('../payload.config'), 30_000))) await startAgain()
}
const { commands } = await import('./commands')
const exit = async (code: number) => {
  await db?.stop()
  process.exit(code)
}

const help = () =>
  [
    'Kelasi command line',
    '',
    'Usage: npm run kelasi -- <command> [--json] [--help]',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
    '',
    'The database is DATABASE_URL, or the embedded one in .data/ (started if needed).',
  ].join('\n')

const command = name ? commands[name] : undefined
const parse = () => {
  try {
    return parseArgs({ allowPositionals: true, options: { ...common, ...command?.options } })
  } catch (error) {
    console.error(`${(error as Error).message}\n\nUsage: ${command?.usage}`)
    return exit(2)
  }
}
const { values, positionals } = (command ? await parse() : first) as ReturnType<typeof parseArgs>

if (!name || (values.help && !command)) {
  console.log(help())
  await exit(values.help ? 0 : 1)
}
if (!command) {
  console.error(`Unknown command "${name}".\n\n${help()}`)
  await exit(2)
}
if (values.help) {
  console.log(`${command!.summary}\n\nUsage: ${command!.usage}`)
  await exit(0)
}

let status = 0
// process.exit does not wait for a piped stdout: a long JSON answer would be cut at 64 KiB.
const print = (text: string) => new Promise((resolve) => process.stdout.write(`${text}\n`, resolve))
try {
  const { json, help: _help, ...options } = values as Record<string, string | boolean | undefined>
  const result = await command!.run({ args: positionals.slice(1), options, json: Boolean(json) })
  await print(values.json ? JSON.stringify({ ok: true, command: name, ...result }) : `${name}: done ${JSON.stringify(result)}`)
} catch (error) {
  const message = (error as Error).message
  if (values.json) await print(JSON.stringify({ ok: false, command: name, error: message }))
  else console.error(`${name}: ${message}`)
  status = 1
} finally {
  await db?.stop()
}
process.exit(status)
