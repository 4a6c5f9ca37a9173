/**
 * Backups and restores on the real test database: back up (pg_dump and the uploads), restore
 * into a new empty database and media folder, and every table's row count and every file are
 * identical; encrypted with BACKUP_KEY, a wrong key restores nothing; a database that is not
 * empty is refused; only the newest backups are kept.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import pg from 'pg'
import { backupsIn, makeBackup, restoreBackup } from '../../src/backup/backup'
import { queueNightlyBackup } from '../../src/jobs/backup'
import { t } from '../../src/i18n'
import { tinyPng } from '../support/fixtures'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let admin: pg.Client
const source = process.env.DATABASE_URL!
const media = process.env.KELASI_MEDIA_DIR!
const made: string[] = []
const key = 'une-phrase-de-passe-longue-pour-les-sauvegardes'

const urlOf = (database: string) => {
  const url = new URL(source)
  url.pathname = `/${database}`
  return url.toString()
}

/** A new empty database on the test server, dropped after the tests. */
const emptyDatabase = async () => {
  const name = `kelasi_restore_${Date.now()}_${made.length}`
  await admin.query(`create database ${name}`)
  made.push(name)
  return urlOf(name)
}

const countsOf = async (url: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ name: string }>("select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1")
    const counts: Record<string, number> = {}
    for (const { name } of rows) counts[name] = Number((await client.query(`select count(*) as n from ${name}`)).rows[0].n)
    return counts
  } finally {
    await client.end()
  }
}

const filesOf = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => [path.relative(folder, file), createHash('sha256').update(readFileSync(file)).digest('hex')])
    .sort()

beforeAll(async () => {
  payload = await testPayload()
  // At least one upload on disk, as a school has logos, photos and certificates.
  const school = (await payload.find({ collection: 'schools', limit: 1, depth: 0 })).docs[0]
  await payload.create({ collection: 'media', data: { school: school.id, alt: 'Sauvegarde' }, file: tinyPng(), overrideAccess: true })
  admin = new pg.Client({ connectionString: urlOf('postgres') })
  await admin.connect()
})

afterAll(async () => {
  for (const name of made) await admin.query(`drop database if exists ${name} with (force)`)
  await admin.end()
  await closeTestPayload()
})

const fresh = () => mkdtempSync(path.join(tmpdir(), 'kelasi-test-'))

it('restores into a new database every table with the same rows and every file with the same bytes', async () => {
  const folder = fresh()
  const backup = await makeBackup({ databaseUrl: source, mediaDir: media, folder })
  expect(backup).toMatchObject({ encrypted: false, removed: [] })
  expect(backup.tables).toBeGreaterThan(50)
  expect(backup.mediaFiles).toBeGreaterThan(0)
  expect(statSync(backup.file).size).toBe(backup.bytes)

  const target = await emptyDatabase()
  const restoredMedia = fresh()
  const restored = await restoreBackup({ file: backup.file, databaseUrl: target, mediaDir: restoredMedia })
  expect(restored).toMatchObject({ tables: backup.tables, rows: backup.rows, mediaFiles: backup.mediaFiles })

  const [before, after] = [await countsOf(source), await countsOf(target)]
  expect(Object.keys(after).length).toBe(backup.tables)
  expect(after).toEqual(before)
  expect(after['public.students']).toBeGreaterThan(100)
  expect(filesOf(restoredMedia)).toEqual(filesOf(media))
})

it('encrypts with BACKUP_KEY: unreadable without it, refused with a wrong one, whole with the right one', async () => {
  const folder = fresh()
  const backup = await makeBackup({ databaseUrl: source, mediaDir: media, folder, key })
  expect(backup.encrypted).toBe(true)
  const bytes = readFileSync(backup.file)
  expect(bytes.includes(Buffer.from('manifest.json'))).toBe(false)
  expect(bytes.includes(Buffer.from('PGDMP'))).toBe(false)

  const target = await emptyDatabase()
  await expect(restoreBackup({ file: backup.file, databaseUrl: target, mediaDir: fresh() })).rejects.toThrow(t('fr', 'errors.backup.needsKey'))
  await expect(restoreBackup({ file: backup.file, databaseUrl: target, mediaDir: fresh(), key: 'pas-la-bonne-cle' })).rejects.toThrow(t('fr', 'errors.backup.wrongKey'))
  expect(Object.keys(await countsOf(target))).toEqual([])
  const restored = await restoreBackup({ file: backup.file, databaseUrl: target, mediaDir: fresh(), key })
  expect(restored.rows).toBe(backup.rows)
})

it('refuses a database or a media folder that is not empty, and changes nothing', async () => {
  const backup = await makeBackup({ databaseUrl: source, mediaDir: media, folder: fresh() })
  const before = await countsOf(source)
  await expect(restoreBackup({ file: backup.file, databaseUrl: source, mediaDir: fresh() })).rejects.toThrow(/n’est pas vide|n'est pas vide/)
  expect(await countsOf(source)).toEqual(before)
  const target = await emptyDatabase()
  await expect(restoreBackup({ file: backup.file, databaseUrl: target, mediaDir: media })).rejects.toThrow(media)
  expect(Object.keys(await countsOf(target))).toEqual([])
})

it('keeps the newest backups of a folder and removes the older ones', async () => {
  const folder = fresh()
  const days = ['2026-12-01', '2026-12-02', '2026-12-03'].map((day) => new Date(`${day}T01:00:00Z`))
  const results = []
  for (const now of days) results.push(await makeBackup({ databaseUrl: source, mediaDir: media, folder, keep: 2, now }))
  expect(results.map((r) => r.removed)).toEqual([[], [], ['kelasi-20261201T010000Z.tar']])
  expect(await backupsIn(folder)).toEqual(['kelasi-20261203T010000Z.tar', 'kelasi-20261202T010000Z.tar'])
})

it('backs up and restores from the command line, with one JSON answer each', () => {
  const folder = fresh()
  const kelasi = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/kelasi.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } })
  const backup = kelasi(['backup', '--to', folder, '--json'], { BACKUP_KEY: key })
  expect(backup.status).toBe(0)
  const made = JSON.parse(backup.stdout)
  expect(made).toMatchObject({ ok: true, command: 'backup', encrypted: true })
  expect(made.file).toMatch(/kelasi-\d{8}T\d{6}Z\.tar\.sealed$/)
  return emptyDatabase().then((target) => {
    const restore = kelasi(['restore', '--latest', '--from', folder, '--json'], { BACKUP_KEY: key, DATABASE_URL: target, KELASI_MEDIA_DIR: fresh() })
    expect(restore.status).toBe(0)
    expect(JSON.parse(restore.stdout)).toMatchObject({ ok: true, command: 'restore', file: made.file, tables: made.tables, rows: made.rows, mediaFiles: made.mediaFiles })
  })
})

it('makes the night’s backup from the jobs queue, once a day however often it is queued', async () => {
  const folder = fresh()
  process.env.BACKUP_DIR = folder
  try {
    const day = new Date().toISOString().slice(0, 10)
    await queueNightlyBackup(payload, day)
    await queueNightlyBackup(payload, day)
    const waiting = await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'nightlyBackup' }, completedAt: { exists: false } }, overrideAccess: true })
    expect(waiting.totalDocs).toBe(1)
    await payload.jobs.run({ where: { taskSlug: { equals: 'nightlyBackup' } } })
    expect(await backupsIn(folder)).toHaveLength(1)
    await queueNightlyBackup(payload, day)
    await payload.jobs.run({ where: { taskSlug: { equals: 'nightlyBackup' } } })
    expect(await backupsIn(folder)).toHaveLength(1)
  } finally {
    delete process.env.BACKUP_DIR
  }
})
