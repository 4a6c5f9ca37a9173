import { closeTestPayload, testPayload } from '../support/payload'
import { graphql, rest } from '../support/http'
import { demoAccounts, tokenFor } from '../support/accounts'

afterAll(closeTestPayload)

it('boots', async () => {
  const payload = await testPayload()
  const token = await tokenFor(payload, demoAccounts.admin)
  const r = await rest('GET', '/students?limit=2', { token })
  console.log(r.status, r.body.totalDocs)
  const g = await graphql('{ Students(limit: 2) { totalDocs docs { id fullName } } }', {}, token)
  console.log(g.status, JSON.stringify(g.body).slice(0, 300))
  const h = await rest('GET', '/health')
  console.log(h.status, h.body)
})
