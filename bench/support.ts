import path from 'node:path'
import { freshDatabase } from '../src/db/embedded'
import { prepareDatabase } from '../src/db/prepare'
import { dataFolder } from '../src/db/settings'

/** A fresh database with the demo school, on an embedded server of its own (or DATABASE_URL's server). */
export const benchDatabase = async (name: string) => {
  process.env.PAYLOAD_SECRET ||= 'kelasi-bench-secret'
  const db = await freshDatabase({ folder: path.join(dataFolder, 'postgres-bench'), port: 54359, name: `kelasi_bench_${name}` })
  process.env.SMTP_PORT ||= '2599'
  await prepareDatabase({ demo: true })
  return db
}

export const ms = (value: number) => `${value.toFixed(1)} ms`
