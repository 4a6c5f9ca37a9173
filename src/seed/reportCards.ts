import { createLocalReq, type Payload, type TypedUser } from 'payload'
import { publishReportCards } from '../reportCards/publish'
import { demoAccounts } from './accounts'

type ID = number | string

/**
 * The first period's report cards, made as the secretary makes them: one report-card run for the
 * whole school, carried out by the jobs queue (drafts with their frozen figures), then the cards
 * of the classes whose marks are in published in her name, without e-mails to the guardians (the
 * demo's addresses are made up, and a fresh demo should not fill the mail catcher). The other
 * classes' cards stay drafts.
 */
export const seedReportCards = async (payload: Payload, school: ID, published: ID[]) => {
  const system = { depth: 0, overrideAccess: true } as const
  const [term] = (await payload.find({ collection: 'terms', where: { school: { equals: school }, code: { equals: 'P1' } }, limit: 1, ...system })).docs
  const [secretary] = (await payload.find({ collection: 'users', where: { email: { equals: demoAccounts.secretariat } }, limit: 1, ...system })).docs
  const user = { ...secretary, collection: 'users' } as TypedUser
  const run = await payload.create({ collection: 'report-card-runs', data: { school, term: term.id, scope: 'school' } as never, user, ...system })
  await payload.jobs.runByID({ id: run.job!, silent: true })
  const done = await payload.findByID({ collection: 'report-card-runs', id: run.id, ...system })
  if (done.status !== 'done') throw new Error(`The demo's report-card run for ${term.name} ended ${done.status}: ${done.error ?? 'no error recorded'}`)
  const publishing = await createLocalReq({ user, context: { skipNotify: true } }, payload)
  await publishReportCards(publishing, { term: term.id, classes: published })
  return done
}
