import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { withPayload } from '../../src/db/prepare'
import { t } from '../../src/i18n'
import { importStudents, schoolFor, type ImportResult } from '../../src/imports/students'
import type { Command, CommandArgs } from './types'
import { importMarks, marksOptions, marksUsage } from './importMarks'
import { progressBar } from './progress'

/** What a person reads without --json: the counts and each rejected row (stdout carries JSON otherwise). */
const summary = (result: ImportResult) => {
  const { rows, created, updated, unchanged, rejected } = result
  const lines = [t('fr', 'import.summary', { rows, created, updated, unchanged, rejected }), t('fr', result.dryRun ? 'import.dryRunDone' : 'import.done')]
  for (const error of result.errors) lines.push(`  ${t('fr', 'import.rowError', { row: error.row, column: error.column ? ` (${error.column})` : '', message: error.message })}`)
  console.error(lines.join('\n'))
}

const studentsUsage = 'npm run kelasi -- import students FILE [--class CODE] [--school CODE] [--dry-run] [--json]'
const studentsOptions = { class: { type: 'string' }, school: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } satisfies Command['options']

/** `import students FILE`: a class list, as the system (an operator on the server). */
const importClassList = async ({ args: [, file], options, json }: CommandArgs) => {
  if (!file) throw new Error(`Give the file.\n\nUsage: ${studentsUsage}`)
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `No file ${file}.` : `Cannot read ${file}: ${error.message}`)
  })
  return withPayload(async (payload) => {
    const result = await importStudents(payload, {
      file: bytes,
      fileName: path.basename(file),
      school: await schoolFor(payload, options.school as string | undefined),
      classCode: options.class as string | undefined,
      dryRun: options['dry-run'] === true,
      onProgress: progressBar(),
    })
    if (!json) summary(result)
    return result
  })
}

type Kind = { run: Command['run']; options: NonNullable<Command['options']>; usage: string }
/** One entry per kind of file: `import <kind> FILE ...`. */
const kinds: Record<string, Kind> = {
  students: { run: importClassList, options: studentsOptions, usage: studentsUsage },
  marks: { run: importMarks, options: marksOptions, usage: marksUsage },
}

export const importCommand: Command = {
  summary: `Import a spreadsheet (.xlsx): ${Object.keys(kinds).join(', ')}; --dry-run reports without saving.`,
  usage: Object.values(kinds).map((kind) => kind.usage).join('\n       '),
  options: Object.assign({}, ...Object.values(kinds).map((kind) => kind.options)),
  run: async (args) => {
    const kind = kinds[args.args[0]]
    if (!kind) throw new Error(`Say what to import (${Object.keys(kinds).join(', ')}).\n\nUsage: ${importCommand.usage}`)
    return kind.run(args)
  },
}
