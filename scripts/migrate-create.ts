/**
 * `npm run migrate:create -- <name>`: writes a migration for the difference between the
 * collections and the last committed migration (Payload's `migrate:create`), against a
 * throw-away embedded database so it works on any machine.
 */
import path from 'node:path'
import { dataFolder, ensureSecret } from '../src/db/settings'
import { dropDatabase, startDatabase } from '../src/db/embedded'
import { run } from './run'

const name = process.argv[2] || 'change'
ensureSecret()
const db = await startDatabase({ folder: path.join(dataFolder, 'postgres-tools'), port: 54349, database: 'kelasi_migrate' })
try {
  await run('npx', ['payload', 'migrate:create', name], { env: { ...process.env, DATABASE_URL: db.url } })
} finally {
  if (db.embedded) await dropDatabase(db.url)
  await db.stop()
}
