import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
beforeAll(async () => {
  payload = await testPayload()
})
afterAll(closeTestPayload)

type DrizzleKit = {
  generateDrizzleJson: (schema: unknown) => Promise<unknown>
  generateMigration: (before: unknown, after: unknown) => Promise<string[]>
}

describe('schema', () => {
  it('the committed migrations describe exactly the collections (run `npm run migrate:create -- <name>` after a change)', async () => {
    const db = payload.db as unknown as { requireDrizzleKit: () => DrizzleKit; schema: unknown }
    const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
    const folder = path.resolve('migrations')
    const latest = readdirSync(folder).filter((f) => f.endsWith('.json')).sort().pop()
    expect(latest).toBeDefined()
    const committed = JSON.parse(readFileSync(path.join(folder, latest!), 'utf8'))
    const current = await generateDrizzleJson(db.schema)
    expect(await generateMigration(committed, current)).toEqual([])
  })

  it('the test database was built by the migrations, every one of them applied', async () => {
    const applied = await payload.find({ collection: 'payload-migrations', overrideAccess: true, pagination: false })
    const files = readdirSync(path.resolve('migrations')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''))
    expect(applied.docs.map((m) => m.name).sort()).toEqual(files.sort())
  })
})
