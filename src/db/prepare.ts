import type { Payload } from 'payload'

/**
 * db-postgres keeps one pool client checked out that `destroy()` does not release; when the
 * server stops later, that client's "terminating connection" must not crash the process.
 */
export const closePayload = async (payload: Payload) => {
  const pool = (payload.db as unknown as { pool?: import('node:events').EventEmitter }).pool
  pool?.removeAllListeners('error').on('error', () => {})
  await payload.destroy()
}

let instances = 0

/** Payload on DATABASE_URL for the length of `fn`, closed afterwards (scripts, not the app). */
export const withPayload = async <T>(fn: (payload: Payload) => Promise<T>) => {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  // A key of its own: getPayload caches instances, and would hand back one already destroyed.
  const payload = await getPayload({ config, key: `kelasi-script-${++instances}` })
  try {
    return await fn(payload)
  } finally {
    await closePayload(payload)
  }
}

/**
 * Brings a database to the committed schema (the migrations; `npm run dev` pushes instead,
 * on its own database) and, when asked and the database holds no school yet, loads the demo
 * school. Environment (DATABASE_URL, PAYLOAD_SECRET) must be set before calling.
 */
export const prepareDatabase = ({ demo, migrate = true }: { demo: boolean; migrate?: boolean }) =>
  withPayload(async (payload) => {
    if (migrate) await payload.db.migrate()
    if (!demo) return { seeded: false }
    const { totalDocs } = await payload.count({ collection: 'schools', overrideAccess: true })
    if (totalDocs > 0) return { seeded: false }
    const { seedDemo } = await import('../seed')
    await seedDemo(payload)
    return { seeded: true }
  })
