import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, Condition } from 'payload'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { label, options, tReq } from '../../src/i18n'
import { classesOfRun, runScopes, runStatuses, runTriggers, type RunScope } from '../../src/reportCards/runs'
import { invalid } from '../../hooks/invalid'
import { naming, relation, school, systemWritten } from '../fields'

const shownFor = (scope: RunScope) => ({ condition: (data: { scope?: string }) => data?.scope === scope })
// What the job writes is shown once the run exists: the create form asks only what to generate.
const afterCreate: Condition = (_data, _siblings, { operation }) => operation !== 'create'
const readOnly = { readOnly: true }
// On rows and optional fields only: a condition on a required field would make it optional in payload-types.
const written = { readOnly: true, condition: afterCreate }
// Only the job (and the system, with overrideAccess) writes these: a request cannot forge its origin, progress or schedule key.
const count = (name: string) => ({ name, type: 'number' as const, defaultValue: 0, label: label(`fields.${name}`), admin: readOnly, access: systemWritten })

/** A new run names what it covers (the class, level or pupil of its scope), all of the term's school year. */
const target: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const scope = (data.scope ?? 'class') as RunScope
  if (scope !== 'school' && data[scope] == null)
    throw invalid(req, [{ path: scope, message: tReq(req, 'errors.reportCards.targetRequired', { target: tReq(req, `fields.${scope}`).toLowerCase() }) }])
  const covered = await classesOfRun(req, { ...data, scope })
  if ('refusal' in covered) throw invalid(req, [covered.refusal])
  // A trigger other than 'manual' only comes from the system (field access keeps it from requests).
  const trigger = data.trigger ?? 'manual'
  return { ...data, scope, trigger, status: 'queued', classesTotal: covered.classes.length, requestedBy: trigger === 'manual' ? (req.user?.id ?? null) : null }
}

/** The run becomes a job on the queue in the same transaction: no run without its job, no job without its run. */
const enqueue: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const job = await req.payload.jobs.queue({ task: 'generateReportCards', input: { run: doc.id }, req })
  return req.payload.update({ collection: 'report-card-runs', id: doc.id, data: { job: String(job.id) }, req, depth: 0, overrideAccess: true })
}

/**
 * A request to generate report cards for a term (the whole school, a level, a class or a pupil),
 * carried out by the worker as a Payload job; its record shows the progress and any error.
 * Nobody edits a run: the job writes it.
 */
export const ReportCardRuns: CollectionConfig = {
  slug: 'report-card-runs',
  ...naming('reportCardRuns', 'ReportCardRun', 'ReportCardRuns'),
  admin: {
    group: label('groups.marks'),
    // The progress column shows « 3 / 12 » and the status, read again while a run goes on.
    defaultColumns: ['term', 'scope', 'progress', 'cardsCreated', 'createdAt'],
  },
  defaultSort: '-createdAt',
  access: {
    read: anyOf(isIT, staffOf(['admin', 'secretariat'])),
    create: managedBy(['admin', 'secretariat'], ['admin']).create,
    update: () => false,
    delete: managedBy(['admin', 'secretariat'], ['admin']).delete,
  },
  fields: [
    school(),
    // The progress panel on a run's page: bar, status, counts, error; once done, print and publish.
    {
      name: 'progress',
      type: 'ui',
      label: label('fields.progress'),
      admin: {
        condition: afterCreate,
        components: { Field: '/src/admin/reportCards/RunProgressField#RunProgressField', Cell: '/src/admin/reportCards/RunProgressCell#RunProgressCell' },
      },
    },
    // The create form reads in order: what to cover, which one, then the term.
    {
      name: 'scope',
      type: 'select',
      required: true,
      defaultValue: 'class',
      label: label('fields.scope'),
      options: options('reportCardRunScope', runScopes),
    },
    relation('level', 'levels', { admin: shownFor('level') }),
    relation('class', 'classes', { admin: shownFor('class') }),
    relation('student', 'students', { admin: shownFor('student') }),
    relation('term', 'terms', { required: true }),
    {
      type: 'row',
      admin: { condition: afterCreate },
      fields: [
        { name: 'status', type: 'select', defaultValue: 'queued', index: true, label: label('fields.status'), options: options('reportCardRunStatus', runStatuses), admin: readOnly, access: systemWritten },
        { name: 'trigger', type: 'select', defaultValue: 'manual', label: label('fields.trigger'), options: options('reportCardRunTrigger', runTriggers), admin: readOnly, access: systemWritten },
      ],
    },
    // The classes done are listed by name in the progress panel; their ids alone would tell a secretary nothing.
    { type: 'row', admin: { condition: afterCreate }, fields: [count('classesTotal'), { name: 'classesDone', type: 'json', label: label('fields.classesDone'), admin: { readOnly: true, hidden: true }, access: systemWritten }, count('attempts')] },
    { type: 'row', admin: { condition: afterCreate }, fields: [count('cardsCreated'), count('cardsUpdated'), count('cardsKept')] },
    { name: 'error', type: 'textarea', label: label('fields.error'), admin: written, access: systemWritten },
    relation('requestedBy', 'users', { admin: { ...written, position: 'sidebar' }, access: systemWritten }),
    { name: 'startedAt', type: 'date', label: label('fields.startedAt'), admin: { ...written, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } }, access: systemWritten },
    { name: 'finishedAt', type: 'date', label: label('fields.finishedAt'), admin: { ...written, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } }, access: systemWritten },
    // One scheduled run per term, even with two workers racing at the term's end.
    { name: 'scheduleKey', type: 'text', unique: true, label: label('fields.scheduleKey'), admin: { ...written, position: 'sidebar' }, access: systemWritten },
    { name: 'job', type: 'text', label: label('fields.job'), admin: { ...written, position: 'sidebar' }, access: systemWritten },
  ],
  hooks: {
    beforeChange: [target],
    afterChange: [enqueue],
  },
}
