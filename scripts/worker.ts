/**
 * `npm run worker`: the jobs queue and the schedules, as their own process (production runs
 * one or more; `npm start` and `npm run dev` start one alongside the app). It needs the app's
 * DATABASE_URL and PAYLOAD_SECRET; SIGTERM or Ctrl-C finishes the jobs in hand, then exits.
 */
import { createServer } from 'node:http'
import { ensureSecret } from '../src/db/settings'
import { metricsText } from '../src/metrics/registry'

if (!process.env.DATABASE_URL) {
  console.error('[worker] DATABASE_URL is not set: `npm start` runs the worker itself; alone, give it the database the app uses.')
  process.exit(2)
}
ensureSecret()
// The config's whole module graph first, in one import; the rest after it (see scripts/kelasi.ts).
const { default: config } = await import('../payload.config')
const [{ getPayload }, { closePayload }, { startWorker }] = await Promise.all([import('payload'), import('../src/db/prepare'), import('../src/jobs/worker')])
const payload = await getPayload({ config, key: 'kelasi-worker' })
// Payload's logger: JSON lines in production, like the app's.
const log = (message: string) => payload.logger.info(`[worker] ${message}`)
const worker = startWorker(payload, { pollMs: Number(process.env.KELASI_WORKER_POLL_MS || 2000), log })
log('started')

// Its own Prometheus endpoint: the jobs it ran and failed, and its process (the app's /api/metrics is the app's).
const metricsPort = Number(process.env.KELASI_WORKER_METRICS_PORT || 0)
const metricsServer = metricsPort
  ? createServer(async (request, response) => {
      if (request.url !== '/metrics') return response.writeHead(404).end()
      const { body, contentType } = await metricsText()
      response.writeHead(200, { 'Content-Type': contentType }).end(body)
    }).listen(metricsPort, () => log(`metrics on :${metricsPort}/metrics`))
  : null

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  log('stopping after the jobs in hand')
  await worker.stop()
  metricsServer?.close()
  await closePayload(payload)
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
