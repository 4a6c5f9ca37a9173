/**
 * Failed logins and password-reset e-mails are limited per client address and per account,
 * counted in the database (the same for every app process): past the limit a 429 that says when
 * to come back; successful logins do not add up. Addresses are unique to each run: the counters
 * outlive the test. The address is the header the app server sets (tests/e2e/processes.test.ts
 * goes through it); here the handlers are called as that server calls them.
 */
import type { Payload } from 'payload'
import { clientHeader, rules } from '../../src/domain/rateLimits'
import { t } from '../../src/i18n'
import { demoAccounts, demoPassword } from '../support/accounts'
import { rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
const run = `${Date.now().toString(16)}${Math.random().toString(16).slice(2, 6)}`
let n = 0
const address = () => `2001:db8:${run.slice(0, 4)}:${run.slice(4, 8)}::${(++n).toString(16)}`
const unknownEmail = () => `personne-${run}-${++n}@kelasi.test`

const login = (from: string, email: string, password = 'pas-le-bon-mot-de-passe') =>
  rest('POST', '/users/login', { body: { email, password }, headers: { [clientHeader]: from, 'Accept-Language': 'fr' } })
const forgot = (from: string, email: string) => rest('POST', '/users/forgot-password', { body: { email }, headers: { [clientHeader]: from } })
const limitMessage = /Trop de tentatives/

beforeAll(async () => {
  payload = await testPayload()
})
afterAll(closeTestPayload)

it('refuses a client after its failed logins, even with the right password, and not another client', async () => {
  const client = address()
  for (let k = 0; k < rules.loginFailuresPerClient.limit; k++) expect((await login(client, unknownEmail())).status).toBe(401)
  const refused = await login(client, demoAccounts.teacher, demoPassword)
  expect(refused.status).toBe(429)
  expect(refused.body.errors[0].message).toMatch(limitMessage)
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(rules.loginFailuresPerClient.windowSeconds)
  expect((await login(address(), demoAccounts.teacher, demoPassword)).status).toBe(200)
})

it('refuses an account tried from many addresses', async () => {
  const email = unknownEmail()
  for (let k = 0; k < rules.loginFailuresPerAccount.limit; k++) expect((await login(address(), email)).status).toBe(401)
  expect((await login(address(), email)).status).toBe(429)
})

it('does not count successful logins', async () => {
  const client = address()
  for (let k = 0; k < 5; k++) expect((await login(client, demoAccounts.teacher, demoPassword)).status).toBe(200)
  for (let k = 0; k < rules.loginFailuresPerClient.limit; k++) expect((await login(client, unknownEmail())).status).toBe(401)
  expect((await login(client, unknownEmail())).status).toBe(429)
})

it('limits password-reset e-mails per account and per client', async () => {
  const email = unknownEmail()
  for (let k = 0; k < rules.resetsPerAccount.limit; k++) expect((await forgot(address(), email)).status).toBe(200)
  const refused = await forgot(address(), email)
  expect(refused.status).toBe(429)
  expect(refused.body.errors[0].message).toBe(t('fr', 'errors.rateLimited', { minutes: Math.ceil(Number(refused.headers.get('retry-after')) / 60) }))
  const client = address()
  for (let k = 0; k < rules.resetsPerClient.limit; k++) expect((await forgot(client, unknownEmail())).status).toBe(200)
  expect((await forgot(client, unknownEmail())).status).toBe(429)
})

it('leaves the Local API of scripts and jobs alone (no client address)', async () => {
  for (let k = 0; k < rules.loginFailuresPerAccount.limit + 2; k++)
    await expect(payload.login({ collection: 'users', data: { email: 'personne-local@kelasi.test', password: 'x' } })).rejects.toMatchObject({ status: 401 })
})
