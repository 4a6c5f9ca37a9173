/**
 * Two workers on one database: one leads (runs the queue and the schedules), the other stands
 * by; a job runs once; when the leader stops, the standby takes over and runs what is queued.
 */
import { mkdtempSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { backupsIn } from '../../src/backup/backup'
import { queueNightlyBackup } from '../../src/jobs/backup'
import { startWorker } from '../../src/jobs/worker'
import { metricsText } from '../../src/metrics/registry'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
const folder = mkdtempSync(path.join(tmpdir(), 'kelasi-workers-'))
const logs: Record<'first' | 'second', string[]> = { first: [], second: [] }

beforeAll(async () => {
  payload = await testPayload()
  process.env.BACKUP_DIR = folder
})
afterAll(async () => {
  delete process.env.BACKUP_DIR
  await closeTestPayload()
})

const until = async (condition: () => boolean | Promise<boolean>, ms = 60_000) => {
  const deadline = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

it('lets one worker lead, runs a job once, and hands over when the leader stops', async () => {
  const first = startWorker(payload, { pollMs: 200, log: (line) => logs.first.push(line) })
  await until(() => first.isLeading())
  const second = startWorker(payload, { pollMs: 200, log: (line) => logs.second.push(line) })
  try {
    await until(() => logs.second.length > 0)
    expect(logs.second).toEqual(['standing by: another worker runs the jobs queue'])
    expect(second.isLeading()).toBe(false)

    await queueNightlyBackup(payload, '2026-12-07')
    await until(async () => (await backupsIn(folder)).length === 1)
    expect(second.isLeading()).toBe(false)

    await first.stop()
    expect(first.isLeading()).toBe(false)
    await until(() => second.isLeading())
    expect(logs.second).toContain('leading: running the jobs queue and the schedules')
    // Without today's backup, the next one queued is made again: by the new leader.
    for (const name of await backupsIn(folder)) unlinkSync(path.join(folder, name))
    await queueNightlyBackup(payload)
    await until(async () => (await backupsIn(folder)).length === 1)
  } finally {
    await first.stop()
    await second.stop()
  }
  expect(logs.first.filter((line) => line.startsWith('leading'))).toHaveLength(1)
  // Counted for the worker's /metrics: both runs, whichever worker ran them.
  expect((await metricsText()).body).toMatch(/^kelasi_jobs_total\{task="nightlyBackup",outcome="success"\} [2-9]$/m)
})
