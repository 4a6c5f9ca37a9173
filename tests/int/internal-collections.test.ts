/** Payload's own collections (preferences, locks, migrations, key-value store) leak nothing. */
import type { Payload } from 'payload'
import { demoAccounts, tokenFor } from '../support/accounts'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})
afterAll(closeTestPayload)

it('refuses anonymous callers, never serves the migrations table, and keeps preferences private', async () => {
  for (const slug of ['payload-preferences', 'payload-locked-documents', 'payload-kv'])
    expect((await rest('GET', `/${slug}`)).status).toBe(403)
  const parentToken = await tokenFor(payload, demoAccounts.parent)
  expect([404, 501]).toContain((await rest('GET', '/payload-migrations', { token: parentToken })).status)
  expect((await rest('GET', '/payload-kv', { token: parentToken })).status).toBe(403)

  // The admin saves a list preference the way its UI does.
  const adminToken = await tokenFor(payload, demoAccounts.admin)
  expect((await rest('POST', '/payload-preferences/students-list', { token: adminToken, body: { value: { limit: 25 } } })).status).toBe(200)
  expect((await rest('GET', '/payload-preferences', { token: adminToken })).body.totalDocs).toBe(1)
  expect((await rest('GET', '/payload-preferences', { token: parentToken })).body.totalDocs).toBe(0)
})
