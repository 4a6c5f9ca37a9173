import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const dataFolder = path.resolve(process.env.KELASI_DATA_DIR || '.data')

/**
 * PAYLOAD_SECRET from the environment; on a developer's machine a random one kept in
 * `.data/secret`, so sessions survive restarts without anyone writing a secret by hand.
 */
export const ensureSecret = () => {
  if (process.env.PAYLOAD_SECRET) return
  if (process.env.NODE_ENV === 'production' && process.env.DATABASE_URL)
    throw new Error('PAYLOAD_SECRET must be set in production (a long random string).')
  const file = path.join(dataFolder, 'secret')
  mkdirSync(dataFolder, { recursive: true })
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  process.env.PAYLOAD_SECRET = readFileSync(file, 'utf8').trim()
}
