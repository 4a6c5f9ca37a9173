import pg from 'pg'

/**
 * One worker at a time runs the queue and the schedules: the one holding a PostgreSQL advisory
 * lock on its own connection. Payload claims a job by reading then updating it, so two workers
 * running the queue could both take the same job; a standby takes over within a poll when the
 * leader stops or its connection dies (the lock goes with the session).
 */
export const leadership = (databaseUrl: string, name = 'kelasi:worker') => {
  let client: pg.Client | null = null
  let leading = false
  const drop = () => {
    leading = false
    client?.end().catch(() => undefined)
    client = null
  }
  const attempt = async () => {
    try {
      if (!client) {
        const fresh = new pg.Client({ connectionString: databaseUrl, application_name: 'kelasi-worker' })
        fresh.on('error', drop)
        await fresh.connect()
        client = fresh
      }
      // Held already: still held only if this very session still has it.
      const { rows } = leading
        ? await client.query("select count(*) > 0 as ok from pg_locks where locktype = 'advisory' and granted and pid = pg_backend_pid()")
        : await client.query('select pg_try_advisory_lock(hashtext($1)) as ok', [name])
      leading = Boolean(rows[0].ok)
    } catch {
      drop()
    }
    return leading
  }
  return {
    attempt,
    isLeading: () => leading,
    release: async () => {
      const held = client
      leading = false
      client = null
      await held?.end().catch(() => undefined)
    },
  }
}
