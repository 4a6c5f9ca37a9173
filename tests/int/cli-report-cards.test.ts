/** `npm run kelasi -- report-cards …` as an operator types it, on the test database. */
import { spawnSync } from 'node:child_process'
import type { Payload } from 'payload'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { closeTestPayload, testPayload } from '../support/payload'

const kelasi = (...args: string[]) =>
  spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/kelasi.ts', 'report-cards', ...args], { encoding: 'utf8', env: process.env })

let payload: Payload
let fx: Fixtures
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
})
afterAll(closeTestPayload)

describe('npm run kelasi -- report-cards generate', () => {
  it('generates a class’s drafts as a job and answers one JSON document', async () => {
    const run = kelasi('generate', '--school', fx.schools.main.code, '--term', 'P1', '--class', fx.classes.childB.code, '--json')
    expect(run.status).toBe(0)
    const answer = JSON.parse(run.stdout)
    const pupils = (await payload.count({ collection: 'enrollments', where: { class: { equals: fx.classes.childB.id }, status: { in: ['active', 'completed'] } } })).totalDocs
    expect(answer).toMatchObject({ ok: true, command: 'report-cards', status: 'done', scope: 'class', term: 'P1', classes: { done: 1, total: 1 } })
    expect(answer.cards.created + answer.cards.updated + answer.cards.keptPublished).toBe(pupils)
    const saved = await payload.findByID({ collection: 'report-card-runs', id: answer.run, depth: 0 })
    expect(saved).toMatchObject({ trigger: 'cli', status: 'done', requestedBy: null })

    // Again: the drafts are replaced, none created.
    const again = JSON.parse(kelasi('generate', '--school', fx.schools.main.code, '--term', 'P1', '--class', fx.classes.childB.code, '--json').stdout)
    expect(again.cards.created).toBe(0)
  })

  it('prints its progress on stderr and a summary without --json', () => {
    const run = kelasi('generate', '--school', fx.schools.main.code, '--term', 'P1', '--student', fx.students.self.matricule)
    expect(run.status).toBe(0)
    expect(run.stderr).toContain('1/1')
    expect(run.stdout).toContain('"status":"done"')
  })

  it('names what it cannot find, with a non-zero status and nothing queued', async () => {
    const before = (await payload.count({ collection: 'report-card-runs' })).totalDocs
    const unknownClass = kelasi('generate', '--school', fx.schools.main.code, '--term', 'P1', '--class', 'ZZ-9', '--json')
    expect(unknownClass.status).toBe(1)
    expect(JSON.parse(unknownClass.stdout).error).toMatch(/n’a pas de classe ZZ-9/)
    const twoTargets = kelasi('generate', '--school', fx.schools.main.code, '--term', 'P1', '--class', 'A', '--level', 'P', '--json')
    expect(JSON.parse(twoTargets.stdout).error).toBe('Indiquez au plus une cible : --class, --level ou --student.')
    expect((await payload.count({ collection: 'report-card-runs' })).totalDocs).toBe(before)
  })
})
