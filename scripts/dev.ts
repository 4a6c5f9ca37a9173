/**
 * `npm run dev`: the hot-reloading development server. The schema is pushed from the
 * collections (no migration needed while iterating) on its own database, `kelasi_dev`, so
 * it never mixes with the migrated one `npm start` uses. Create the migration before committing:
 * `npm run migrate:create -- <name>`.
 */
import path from 'node:path'
import { startDatabase, withDatabaseName } from '../src/db/embedded'
import { prepareDatabase } from '../src/db/prepare'
import { dataFolder, ensureSecret } from '../src/db/settings'
import { catchMailUnlessSmtp } from '../src/email/catcher'
import { run } from './run'
import { spawnWorker } from './workerProcess'

ensureSecret()
process.env.PORT ||= '3000'
// Push never touches the migrated database: with DATABASE_URL, its server's `kelasi_dev` is used.
if (process.env.DATABASE_URL) process.env.DATABASE_URL = withDatabaseName(process.env.DATABASE_URL, 'kelasi_dev')
const db = await startDatabase({
  folder: path.join(dataFolder, 'postgres'),
  port: Number(process.env.KELASI_PG_PORT || 54329),
  database: 'kelasi_dev',
})
process.env.DATABASE_URL = db.url
process.env.KELASI_SCHEMA_PUSH = 'true'
const mail = await catchMailUnlessSmtp(path.join(dataFolder, 'mail'))
try {
  await prepareDatabase({ demo: true, migrate: false })
  const worker = spawnWorker(process.env)
  process.once('exit', () => worker.kill('SIGTERM'))
  await run(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'dev', '-p', process.env.PORT])
} finally {
  await mail?.close()
  await db.stop()
}
