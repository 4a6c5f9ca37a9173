import { prepareDatabase, withPayload } from '../../src/db/prepare'
import type { Command } from './types'

export const migrate: Command = {
  summary: 'Apply the committed migrations that the database has not run yet.',
  usage: 'npm run kelasi -- migrate [--json]',
  run: async () => {
    await prepareDatabase({ demo: false })
    return { migrated: true }
  },
}

export const seed: Command = {
  summary: 'Load the demo school (two schools, ~190 students, the demo accounts) into an empty database.',
  usage: 'npm run kelasi -- seed [--json]',
  run: async () => {
    if (process.env.NODE_ENV === 'production') throw new Error('The demo data is never loaded in production (NODE_ENV=production).')
    const { seeded } = await prepareDatabase({ demo: true })
    if (!seeded) throw new Error('The database already holds a school: the demo is only loaded into an empty database.')
    return withPayload(async (payload) => ({
      seeded: true,
      schools: (await payload.count({ collection: 'schools' })).totalDocs,
      students: (await payload.count({ collection: 'students' })).totalDocs,
      users: (await payload.count({ collection: 'users' })).totalDocs,
    }))
  },
}
