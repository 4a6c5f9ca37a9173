import path from 'node:path'
import { dropDatabase, ensureDatabase, startDatabase } from '../src/db/embedded'
import { prepareDatabase } from '../src/db/prepare'
import { dataFolder } from '../src/db/settings'

/** A fresh database with the demo school, on an embedded server of its own (or DATABASE_URL's server). */
export const benchDatabase = async (name: string) => {
  process.env.PAYLOAD_SECRET ||= 'kelasi-bench-secret'
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = `/kelasi_bench_${name}`
    process.env.DATABASE_URL = url.toString()
  }
  const db = await startDatabase({ folder: path.join(dataFolder, 'postgres-bench'), port: 54359, database: `kelasi_bench_${name}` })
  await dropDatabase(db.url)
  await ensureDatabase(db.url)
  process.env.DATABASE_URL = db.url
  process.env.SMTP_PORT ||= '2599'
  await prepareDatabase({ demo: true })
  return db
}

export const ms = (value: number) => `${value.toFixed(1)} ms`
