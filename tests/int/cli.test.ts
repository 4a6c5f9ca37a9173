/** The command line, as an operator types it: `npm run kelasi -- <command>`. */
import { spawnSync } from 'node:child_process'

const kelasi = (...args: string[]) =>
  spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/kelasi.ts', ...args], { encoding: 'utf8', env: process.env })

describe('npm run kelasi', () => {
  it('lists its commands with --help', () => {
    const run = kelasi('--help')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('seed')
    expect(run.stdout).toContain('migrate')
  })

  it('refuses an unknown command with a clear message and a non-zero status', () => {
    const run = kelasi('teleport')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Unknown command "teleport"')
  })

  it('answers one JSON document with --json, and refuses to seed a database that has a school', () => {
    const run = kelasi('seed', '--json')
    expect(run.status).toBe(1)
    expect(JSON.parse(run.stdout)).toEqual({
      ok: false,
      command: 'seed',
      error: 'The database already holds a school: the demo is only loaded into an empty database.',
    })
  })

  it('applies migrations idempotently', () => {
    const run = kelasi('migrate', '--json')
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, command: 'migrate', migrated: true })
  })
})
