import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import * as tar from 'tar'
import { defaultLanguage, t } from '../i18n'
import { BackupKeyError, isSealed, seal, unseal } from './sealed'

const run = promisify(execFile)
const format = 'kelasi-backup/1'
const namePattern = /^kelasi-(\d{8}T\d{6}Z)\.tar(\.sealed)?$/

export type Manifest = {
  format: string
  createdAt: string
  tables: Record<string, number>
  media: { path: string; size: number; sha256: string }[]
}

/** A refusal of the command line, in the school's language (errors.backup.* of the translation files). */
export class BackupError extends Error {
  constructor(key: string, vars: Record<string, string | number> = {}) {
    super(t(defaultLanguage, `errors.backup.${key}`, vars))
  }
}

/** Every table's row count, as one snapshot sees them. */
const tableCounts = async (client: pg.Client) => {
  const { rows } = await client.query<{ name: string }>(
    "select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1",
  )
  const counts: Record<string, number> = {}
  for (const { name } of rows) counts[name] = Number((await client.query(`select count(*)::bigint as n from ${name}`)).rows[0].n)
  return counts
}

const sha256 = (file: string) =>
  new Promise<string>((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file).on('data', (chunk) => hash.update(chunk)).on('end', () => resolve(hash.digest('hex'))).on('error', reject)
  })

/** The files under a folder, their sizes and digests, by path relative to it. */
const filesOf = async (folder: string): Promise<Manifest['media']> => {
  if (!existsSync(folder)) return []
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
  const listed = await Promise.all(files.map(async (file) => ({ path: path.relative(folder, file).split(path.sep).join('/'), size: (await stat(file)).size, sha256: await sha256(file) })))
  return listed.sort((a, b) => a.path.localeCompare(b.path))
}

const tool = async (name: 'pg_dump' | 'pg_restore', args: string[]) => {
  try {
    await run(process.env[name.toUpperCase()] || name, args, { maxBuffer: 64 * 1024 * 1024 })
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string }
    if (code === 'ENOENT') throw new BackupError('toolMissing', { tool: name, variable: name.toUpperCase() })
    throw new BackupError('toolFailed', { tool: name, error: (stderr || (error as Error).message).trim() })
  }
}

const stampOf = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')

/** The backups of a folder, newest first. */
export const backupsIn = async (folder: string) =>
  existsSync(folder) ? (await readdir(folder)).filter((name) => namePattern.test(name)).sort().reverse() : []

export type BackupOptions = { databaseUrl: string; mediaDir: string; folder: string; key?: string; keep?: number; now?: Date }

/**
 * One file holding the database (pg_dump's custom format) and the uploaded files, with a
 * manifest of every table's row count and every file's digest, taken from the same snapshot as
 * the dump, so a restore can prove it is whole. Sealed with the key when there is one. The
 * `keep` newest backups of the folder stay, older ones go.
 */
export const makeBackup = async ({ databaseUrl, mediaDir, folder, key, keep = 14, now = new Date() }: BackupOptions) => {
  const started = performance.now()
  const work = await mkdtemp(path.join(tmpdir(), 'kelasi-backup-'))
  const client = new pg.Client({ connectionString: databaseUrl })
  try {
    await client.connect()
    await client.query('begin isolation level repeatable read read only')
    const snapshot = (await client.query('select pg_export_snapshot() as id')).rows[0].id as string
    const tables = await tableCounts(client)
    await tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${path.join(work, 'database.dump')}`, `--dbname=${databaseUrl}`])
    await client.query('commit')
    const manifest: Manifest = { format, createdAt: now.toISOString(), tables, media: await filesOf(mediaDir) }
    await writeFile(path.join(work, 'manifest.json'), JSON.stringify(manifest, null, 2))
    const archive = path.join(work, 'backup.tar')
    await tar.c({ file: archive, cwd: work, portable: true }, ['manifest.json', 'database.dump'])
    if (manifest.media.length) await tar.r({ file: archive, cwd: mediaDir, prefix: 'media', portable: true }, manifest.media.map((f) => f.path))
    await mkdir(folder, { recursive: true })
    const name = `kelasi-${stampOf(now)}.tar${key ? '.sealed' : ''}`
    const partial = path.join(folder, `.${name}.partial`)
    if (key) await seal(archive, partial, key)
    else await cp(archive, partial)
    // Renamed once whole: a backup that is listed is complete.
    await rename(partial, path.join(folder, name))
    const removed = []
    for (const old of (await backupsIn(folder)).slice(keep)) {
      await unlink(path.join(folder, old))
      removed.push(old)
    }
    return {
      file: path.join(folder, name),
      bytes: (await stat(path.join(folder, name))).size,
      encrypted: Boolean(key),
      tables: Object.keys(tables).length,
      rows: Object.values(tables).reduce((a, b) => a + b, 0),
      mediaFiles: manifest.media.length,
      removed,
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    }
  } finally {
    await client.end().catch(() => undefined)
    await rm(work, { recursive: true, force: true })
  }
}

export type RestoreOptions = { file: string; databaseUrl: string; mediaDir: string; key?: string }

/** What differs between two manifests' tables and files, one line each. */
const differences = (expected: Manifest, tables: Record<string, number>, media: Manifest['media']) => {
  const lines: string[] = []
  for (const name of new Set([...Object.keys(expected.tables), ...Object.keys(tables)]))
    if (expected.tables[name] !== tables[name]) lines.push(t(defaultLanguage, 'errors.backup.tableDiffers', { table: name, backup: expected.tables[name] ?? '—', restored: tables[name] ?? '—' }))
  const restored = new Map(media.map((f) => [f.path, f.sha256]))
  for (const file of expected.media)
    if (restored.get(file.path) !== file.sha256) lines.push(t(defaultLanguage, restored.has(file.path) ? 'errors.backup.fileDiffers' : 'errors.backup.fileMissing', { file: file.path }))
  return lines
}

/**
 * Restores a backup into an empty database and an empty media folder, in one transaction, then
 * checks every table's row count and every file's digest against the manifest.
 */
export const restoreBackup = async ({ file, databaseUrl, mediaDir, key }: RestoreOptions) => {
  const started = performance.now()
  if (!existsSync(file)) throw new BackupError('noFile', { file })
  const work = await mkdtemp(path.join(tmpdir(), 'kelasi-restore-'))
  const client = new pg.Client({ connectionString: databaseUrl })
  try {
    let archive = file
    if (await isSealed(file)) {
      if (!key) throw new BackupError('needsKey')
      archive = path.join(work, 'backup.tar')
      try {
        await unseal(file, archive, key)
      } catch (error) {
        if (error instanceof BackupKeyError) throw new BackupError('wrongKey')
        throw error
      }
    }
    await tar.x({ file: archive, cwd: work })
    const manifest = JSON.parse(await readFile(path.join(work, 'manifest.json'), 'utf8').catch(() => 'null')) as Manifest | null
    if (manifest?.format !== format) throw new BackupError('notABackup', { file })
    await client.connect()
    const { rows: [{ n }] } = await client.query("select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")
    if (n > 0) throw new BackupError('databaseNotEmpty', { tables: n })
    if ((await filesOf(mediaDir)).length) throw new BackupError('mediaNotEmpty', { folder: mediaDir })
    await tool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl}`, path.join(work, 'database.dump')])
    if (existsSync(path.join(work, 'media'))) await cp(path.join(work, 'media'), mediaDir, { recursive: true })
    const tables = await tableCounts(client)
    const media = await filesOf(mediaDir)
    const wrong = differences(manifest, tables, media)
    if (wrong.length) throw new BackupError('differs', { differences: wrong.join('\n') })
    return {
      file,
      madeAt: manifest.createdAt,
      tables: Object.keys(tables).length,
      rows: Object.values(tables).reduce((a, b) => a + b, 0),
      mediaFiles: media.length,
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    }
  } finally {
    await client.end().catch(() => undefined)
    await rm(work, { recursive: true, force: true })
  }
}
