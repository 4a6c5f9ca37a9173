/**
 * `npm run kelasi -- <command>`: the command line of DESIGN.md. Each command has `--help`,
 * and `--json` prints one JSON document on stdout. Exit status 0 on success.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startDatabase } from '../src/db/embedded'
import { dataFolder, ensureSecret } from '../src/db/settings'
import { commands } from './commands'

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

const common = { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } as const
const first = parseArgs({ allowPositionals: true, strict: false, options: common })
const name = first.positionals[0]
const command = name ? commands[name] : undefined
const parse = () => {
  try {
    return parseArgs({ allowPositionals: true, options: { ...common, ...command?.options } })
  } catch (error) {
    console.error(`${(error as Error).message}\n\nUsage: ${command?.usage}`)
    process.exit(2)
  }
}
const { values, positionals } = command ? parse() : first

if (!name || (values.help && !command)) {
  console.log(help())
  process.exit(values.help ? 0 : 1)
}
if (!command) {
  console.error(`Unknown command "${name}".\n\n${help()}`)
  process.exit(2)
}
if (values.help) {
  console.log(`${command.summary}\n\nUsage: ${command.usage}`)
  process.exit(0)
}

// With --json, stdout carries the one JSON answer: Payload's logs go to stderr.
if (values.json) process.env.KELASI_LOGS = 'stderr'
ensureSecret()
let status = 0
// process.exit does not wait for a piped stdout: a long JSON answer would be cut at 64 KiB.
const print = (text: string) => new Promise((resolve) => process.stdout.write(`${text}\n`, resolve))
const db = await startDatabase({ folder: path.join(dataFolder, 'postgres'), port: Number(process.env.KELASI_PG_PORT || 54329), database: 'kelasi' })
process.env.DATABASE_URL = db.url
process.env.SMTP_PORT ||= '2525'
try {
  const { json, help: _help, ...options } = values as Record<string, string | boolean | undefined>
  const result = await command.run({ args: positionals.slice(1), options, json: Boolean(json) })
  await print(values.json ? JSON.stringify({ ok: true, command: name, ...result }) : `${name}: done ${JSON.stringify(result)}`)
} catch (error) {
  const message = (error as Error).message
  if (values.json) await print(JSON.stringify({ ok: false, command: name, error: message }))
  else console.error(`${name}: ${message}`)
  status = 1
} finally {
  await db.stop()
}
process.exit(status)
