/**
 * `npm run kelasi -- <command>`: the command line of DESIGN.md. Each command has `--help`,
 * and `--json` prints one JSON document on stdout. Exit status 0 on success.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startDatabase } from '../src/db/embedded'
import { prepareDatabase, withPayload } from '../src/db/prepare'
import { dataFolder, ensureSecret } from '../src/db/settings'

type Command = { summary: string; usage: string; run: (json: boolean) => Promise<Record<string, unknown>> }

const commands: Record<string, Command> = {
  migrate: {
    summary: 'Apply the committed migrations that the database has not run yet.',
    usage: 'npm run kelasi -- migrate [--json]',
    run: async () => {
      await prepareDatabase({ demo: false })
      return { migrated: true }
    },
  },
  seed: {
    summary: 'Load the demo school (two schools, ~190 students, the demo accounts) into an empty database.',
    usage: 'npm run kelasi -- seed [--json]',
    run: async () => {
      if (process.env.NODE_ENV === 'production') throw new Error('The demo data is never loaded in production (NODE_ENV=production).')
      const { seeded } = await prepareDatabase({ demo: true })
      if (!seeded) throw new Error('The database already holds a school: the demo is only loaded into an empty database.')
      return withPayload(async (payload) => ({
        seeded: true,
        schools: (await payload.count({ collection: 'schools' })).totalDocs,
        students: (await payload.count({ collection: 'students' })).totalDocs,
        users: (await payload.count({ collection: 'users' })).totalDocs,
      }))
    },
  },
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

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
})
const name = positionals[0]
const command = name ? commands[name] : undefined

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
const db = await startDatabase({ folder: path.join(dataFolder, 'postgres'), port: Number(process.env.KELASI_PG_PORT || 54329), database: 'kelasi' })
process.env.DATABASE_URL = db.url
process.env.SMTP_PORT ||= '2525'
try {
  const result = await command.run(values.json)
  console.log(values.json ? JSON.stringify({ ok: true, command: name, ...result }) : `${name}: done ${JSON.stringify(result)}`)
} catch (error) {
  const message = (error as Error).message
  if (values.json) console.log(JSON.stringify({ ok: false, command: name, error: message }))
  else console.error(`${name}: ${message}`)
  status = 1
} finally {
  await db.stop()
}
process.exit(status)
