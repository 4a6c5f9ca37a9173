import path from 'node:path'
import { createLocalReq, NotFound } from 'payload'
import { withPayload } from '../../src/db/prepare'
import { tReq } from '../../src/i18n'
import { describeImportError, importMarks as importSheet } from '../../src/imports/marks'
import type { Command, CommandArgs } from './types'

/** What `import` must accept for `import marks` (parseArgs refuses options it was not told of). */
export const marksOptions = { evaluation: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } satisfies Command['options']
export const marksUsage = 'npm run kelasi -- import marks FILE --evaluation ID [--dry-run] [--json]'

/**
 * `import marks FILE --evaluation ID`: `args` as the import command receives them, ['marks', FILE].
 * Runs as the system; a refused sheet saves nothing and fails with every refused row.
 */
export const importMarks = async ({ args: [, file], options }: CommandArgs) => {
  const evaluation = options.evaluation
  if (!file || typeof evaluation !== 'string') throw new Error(`Give the file and the evaluation.\n\nUsage: ${marksUsage}`)
  return withPayload(async (payload) => {
    const req = await createLocalReq({}, payload)
    const report = await importSheet(req, evaluation, path.resolve(file), { dryRun: options['dry-run'] === true, system: true }).catch((error) => {
      throw error instanceof NotFound ? new Error(`No evaluation ${evaluation}.`) : error
    })
    if (report.errors.length)
      throw new Error([tReq(req, 'errors.marksImport.refused', { count: report.rejected }), ...report.errors.map((error) => describeImportError(req, error))].join('\n'))
    return report
  })
}
