import type { Payload } from 'payload'
import { demoAccounts, demoPassword, tokenFor } from '../support/accounts'
import { graphql, rest } from '../support/http'
import { linkIn, waitForMail } from '../support/mailbox'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let adminToken: string
let mainSchool: number | string
let n = 0

beforeAll(async () => {
  payload = await testPayload()
  adminToken = await tokenFor(payload, demoAccounts.admin)
  mainSchool = (await payload.find({ collection: 'schools', where: { code: { equals: 'CSMA' } }, overrideAccess: true })).docs[0].id
})
afterAll(closeTestPayload)

const password = 'Lubumbashi-Kin-2026'

/** An account created by the direction, as in the admin panel (verification e-mail sent). */
const newAccount = async (language: 'fr' | 'en' = 'fr', roles = ['secretariat']) => {
  const email = `auth-${Date.now()}-${++n}@kelasi.test`
  const created = await rest('POST', '/users', {
    token: adminToken,
    body: { email, password, name: `Compte ${n}`, roles, schools: [mainSchool], language },
  })
  expect(created.status).toBe(201)
  return { email, id: created.body.doc.id as number }
}

const login = (email: string, pass = password, headers: Record<string, string> = {}) =>
  rest('POST', '/users/login', { body: { email, password: pass }, headers })

const verify = async (email: string) => {
  const mail = await waitForMail(email, /./)
  const token = linkIn(mail).split('/verify/')[1]
  expect((await rest('POST', `/users/verify/${token}`)).status).toBe(200)
}

describe('e-mail verification', () => {
  it('sends a verification e-mail in the user’s language, and login waits for it', async () => {
    const { email } = await newAccount('en')
    const mail = await waitForMail(email, /confirm your e-mail/)
    expect(mail.subject).toBe('Kelasi: confirm your e-mail address')
    const link = linkIn(mail)
    expect(link).toMatch(/^http:\/\/localhost:3000\/admin\/users\/verify\/[0-9a-f]+$/)

    const early = await login(email)
    expect(early.status).toBe(403)

    const token = link.split('/verify/')[1]
    expect((await rest('POST', `/users/verify/${token}`)).status).toBe(200)
    const after = await login(email)
    expect(after.status).toBe(200)
    expect(after.body.user.email).toBe(email)
  })

  it('writes French by default', async () => {
    const { email } = await newAccount('fr')
    const mail = await waitForMail(email, /confirmez/)
    expect(mail.subject).toBe('Kelasi : confirmez votre adresse e-mail')
    expect(mail.html).toContain('Bonjour Compte')
  })
})

describe('forgotten password', () => {
  it('e-mails a reset link; the new password must follow the rule; the old one stops working', async () => {
    const { email } = await newAccount('fr')
    await verify(email)
    expect((await rest('POST', '/users/forgot-password', { body: { email } })).status).toBe(200)
    const mail = await waitForMail(email, /réinitialisation/)
    const token = linkIn(mail).split('/reset/')[1]

    const weak = await rest('POST', '/users/reset-password', { body: { token, password: 'azertyuiop123' } })
    expect(weak.status).toBe(400)
    expect(weak.body.errors[0].data.errors[0]).toEqual({
      path: 'password',
      message: 'Ce mot de passe fait partie des plus courants ; choisissez-en un autre.',
    })

    const short = await rest('POST', '/users/reset-password', {
      body: { token, password: 'Kin-2026' },
      headers: { 'Accept-Language': 'en' },
    })
    expect(short.status).toBe(400)
    expect(short.body.errors[0].data.errors[0].message).toBe('The password must be at least 10 characters long.')

    const good = await rest('POST', '/users/reset-password', { body: { token, password: 'Nouveau-mot-2027' } })
    expect(good.status).toBe(200)
    expect((await login(email)).status).toBe(401)
    expect((await login(email, 'Nouveau-mot-2027')).status).toBe(200)
  })

  it('answers the same for an unknown address (no account discovery)', async () => {
    const unknown = await rest('POST', '/users/forgot-password', { body: { email: 'nobody@kelasi.test' } })
    expect(unknown.status).toBe(200)
  })
})

describe('lockout', () => {
  it('locks an account after 5 failed logins, even with the right password afterwards', async () => {
    const { email } = await newAccount()
    await verify(email)
    for (let i = 0; i < 5; i++) expect((await login(email, 'wrong-password-123')).status).toBe(401)
    const locked = await login(email)
    expect(locked.status).toBe(401)
    expect(locked.body.errors[0].message).toMatch(/verrouillé|locked/i)
  })
})

describe('logout', () => {
  it('invalidates the token at once, on REST and GraphQL', async () => {
    const token = await tokenFor(payload, demoAccounts.secretariat)
    expect((await rest('GET', '/users/me', { token })).body.user.email).toBe(demoAccounts.secretariat)
    expect((await rest('GET', '/students?limit=1', { token })).status).toBe(200)

    expect((await rest('POST', '/users/logout', { token })).status).toBe(200)

    expect((await rest('GET', '/users/me', { token })).body.user).toBeNull()
    expect((await rest('GET', '/students?limit=1', { token })).status).toBe(403)
    const viaGraphql = await graphql('{ Students(limit: 1) { docs { id } } }', {}, token)
    expect(viaGraphql.body.errors[0].extensions.statusCode).toBe(403)
  })
})

describe('deactivated accounts', () => {
  it('cannot log in, and lose their open sessions', async () => {
    const { email, id } = await newAccount()
    await verify(email)
    const token = (await login(email)).body.token
    expect((await rest('PATCH', `/users/${id}`, { token: adminToken, body: { active: false } })).status).toBe(200)
    expect((await rest('GET', '/users/me', { token })).body.user).toBeNull()
    const refused = await login(email)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toBe('Ce compte est désactivé. Adressez-vous à l’école.'.replace('’', "'"))
  })
})

describe('secrets never leave the server', () => {
  const secretKeys = /"(hash|salt|resetPasswordToken|resetPasswordExpiration|_verificationToken|apiKey|apiKeyIndex|password)"\s*:/

  it('in login, me, read, list and GraphQL answers, even for IT', async () => {
    const itToken = await tokenFor(payload, demoAccounts.it)
    const me = await payload.find({ collection: 'users', where: { email: { equals: demoAccounts.finance } }, overrideAccess: true })
    // An integration key on the finance account, as IT would set it in the admin.
    const key = '0f0e9c1e-5c55-4c1a-9b7e-2f8cfa0f2026'
    expect((await rest('PATCH', `/users/${me.docs[0].id}`, { token: itToken, body: { enableAPIKey: true, apiKey: key } })).status).toBe(200)

    const answers = [
      await login(demoAccounts.finance, demoPassword),
      await rest('GET', '/users/me', { token: itToken }),
      await rest('GET', `/users/${me.docs[0].id}`, { token: itToken }),
      await rest('GET', '/users?limit=100&depth=1', { token: itToken }),
      await graphql('{ Users(limit: 100) { docs { id email roles } } meUser { user { id email } } }', {}, itToken),
      await graphql('mutation { loginUser(email: "finance@kelasi.test", password: "demo-kelasi-2026") { token user { id email } } }'),
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      expect(JSON.stringify(answer.body)).not.toMatch(secretKeys)
      expect(JSON.stringify(answer.body)).not.toContain(key)
    }
    // A user sees the list of their own open sessions (Payload's rule), nobody else's.
    const financeSession = answers[0].body.user.sessions[0].id
    expect(financeSession).toMatch(/^[0-9a-f-]{36}$/)
    for (const answer of answers.slice(1)) expect(JSON.stringify(answer.body)).not.toContain(financeSession)

    // The key still works for the integration it was made for.
    const withKey = await rest('GET', '/users/me', { headers: { Authorization: `users API-Key ${key}` } })
    expect(withKey.body.user.email).toBe(demoAccounts.finance)
    expect(JSON.stringify(withKey.body)).not.toContain(key)
  })
})

describe('cross-site requests', () => {
  it('ignores the session cookie when the request comes from another origin', async () => {
    const token = await tokenFor(payload, demoAccounts.admin)
    const cookie = `payload-token=${token}`
    const sameSite = await rest('GET', '/users/me', { headers: { Cookie: cookie, Origin: 'http://localhost:3000' } })
    expect(sameSite.body.user?.email).toBe(demoAccounts.admin)
    const crossSite = await rest('GET', '/users/me', { headers: { Cookie: cookie, Origin: 'https://evil.example' } })
    expect(crossSite.body.user).toBeNull()
  })

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const answer = await login(demoAccounts.admin, demoPassword)
    const cookie = answer.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })
})
