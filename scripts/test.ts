/**
 * `npm test`: a fresh test database (embedded PostgreSQL, or a `kelasi_test` database on the
 * DATABASE_URL server), the committed migrations, the demo school as fixtures, a local SMTP
 * server the tests read from, then jest. Arguments go to jest (`npm test -- tests/unit`).
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { freshDatabase } from '../src/db/embedded'
import { prepareDatabase } from '../src/db/prepare'
import { dataFolder } from '../src/db/settings'
import { startMailCatcher } from '../src/email/catcher'
import { run } from './run'

process.env.PAYLOAD_SECRET ||= 'kelasi-test-secret-not-for-production'
process.env.SERVER_URL ||= 'http://localhost:3000'

// KELASI_TEST_LANE (with its own ports) lets two test runs share a machine.
const lane = process.env.KELASI_TEST_LANE ? `-${process.env.KELASI_TEST_LANE}` : ''
// A fresh database every run: the migrations are what is tested, never a leftover schema.
const db = await freshDatabase({
  folder: path.join(dataFolder, `postgres-test${lane}`),
  port: Number(process.env.KELASI_TEST_PG_PORT || 54339),
  name: 'kelasi_test',
})
// Uploads made by the tests land in .data, never in the checkout's media/.
process.env.KELASI_MEDIA_DIR = path.join(dataFolder, `test-media${lane}`)
rmSync(process.env.KELASI_MEDIA_DIR, { recursive: true, force: true })
const mailFolder = path.join(dataFolder, `test-mail${lane}`)
rmSync(mailFolder, { recursive: true, force: true })
process.env.SMTP_HOST = '127.0.0.1'
process.env.SMTP_PORT = process.env.KELASI_TEST_SMTP_PORT || '2526'
process.env.KELASI_TEST_MAIL_DIR = mailFolder
const mail = await startMailCatcher({ port: Number(process.env.SMTP_PORT), folder: mailFolder })
// What the sandbox SMS gateway sent, read back as a family's phone would show it (tests/support/sms.ts).
process.env.KELASI_SMS_SANDBOX_FILE = path.join(dataFolder, `test-sms${lane}.jsonl`)
rmSync(process.env.KELASI_SMS_SANDBOX_FILE, { force: true })

let status = 0
try {
  const started = Date.now()
  await prepareDatabase({ demo: true })
  console.log(`[test] database migrated and demo school loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  // --forceExit: db-postgres keeps a pool client checked out that destroy() never releases.
  await run(
    process.execPath,
    ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--runInBand', '--forceExit', ...process.argv.slice(2)],
    { env: { ...process.env, NODE_OPTIONS: '--no-deprecation' } },
  )
} catch (error) {
  console.error(`[test] ${(error as Error).stack ?? error}`)
  status = 1
} finally {
  await mail.close()
  await db.stop()
}
process.exit(status)
