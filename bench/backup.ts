/**
 * Backup and restore of the 5,000-student demo school: `makeBackup` (pg_dump custom format and
 * the uploads, with the manifest), plain and encrypted, then `restoreBackup` into a new empty
 * database (pg_restore in one transaction, then every table and file checked). Prints seconds,
 * the backup's size and what it holds.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { makeBackup, restoreBackup } from '../src/backup/backup'
import { mediaFolder } from '../src/backup/settings'
import { benchDatabase, growDemoSchool } from './support'

const db = await benchDatabase('backup', { folder: 'postgres-bench-backup', port: 54367 })
const client = new pg.Client({ connectionString: db.url })
await client.connect()
const students = await growDemoSchool(client, 5000)
const { rows: [{ grades }] } = await client.query('select count(*)::int as grades from grades')
const fresh = () => mkdtempSync(path.join(tmpdir(), 'kelasi-bench-'))
const urlOf = (name: string) => Object.assign(new URL(db.url), { pathname: `/${name}` }).toString()

try {
  const rows: Record<string, Record<string, string | number>> = {}
  for (const key of [undefined, 'une-cle-de-banc-d-essai']) {
    const made = await makeBackup({ databaseUrl: db.url, mediaDir: mediaFolder(), folder: fresh(), key })
    const target = `kelasi_bench_restore_${key ? 'sealed' : 'plain'}`
    await client.query(`drop database if exists ${target} with (force)`)
    await client.query(`create database ${target}`)
    const restored = await restoreBackup({ file: made.file, databaseUrl: urlOf(target), mediaDir: fresh(), key })
    await client.query(`drop database ${target} with (force)`)
    rows[key ? 'encrypted (BACKUP_KEY)' : 'plain'] = {
      'backup s': made.seconds,
      'restore s': restored.seconds,
      'file MB': Number((made.bytes / 1024 / 1024).toFixed(2)),
      tables: made.tables,
      rows: made.rows,
      'media files': made.mediaFiles,
    }
  }
  console.log(`\nBackup, then restore into a new database — ${students} students, ${grades} marks`)
  console.table(rows)
} finally {
  await client.end()
  await db.stop()
}
process.exit(0)
