import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createLocalReq, NotFound, type PayloadRequest } from 'payload'
import { attendanceWorkbook } from '../../collections/attendance/attendanceExport'
import { classListWorkbook } from '../../collections/academics/classExport'
import { marksWorkbook } from '../../collections/grading/marksExport'
import { withPayload } from '../../src/db/prepare'
import type { Command } from './types'

const usage = [
  'npm run kelasi -- export class-list --class CODE [--school CODE] [--out FILE] [--json]',
  '       npm run kelasi -- export marks --evaluation ID [--out FILE] [--json]',
  '       npm run kelasi -- export attendance --class CODE [--school CODE] --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE] [--json]',
].join('\n')

type Options = Record<string, string | boolean | undefined>
const system = { system: true }

/** A class by its code: the one of the current school year when earlier years used the code too. */
const classByCode = async (req: PayloadRequest, options: Options) => {
  const { class: code, school } = options
  if (typeof code !== 'string') throw new Error(`Give the class code.\n\nUsage: ${usage}`)
  const schools = typeof school === 'string' ? await req.payload.find({ collection: 'schools', where: { code: { equals: school } }, depth: 0, req }) : undefined
  if (schools && !schools.docs.length) throw new Error(`No school ${school}.`)
  const found = await req.payload.find({
    collection: 'classes',
    where: { code: { equals: code }, ...(schools && { school: { equals: schools.docs[0].id } }) },
    depth: 1,
    pagination: false,
    req,
  })
  const current = found.docs.filter((klass) => typeof klass.schoolYear === 'object' && klass.schoolYear.current)
  const candidates = current.length ? current : found.docs
  if (candidates.length === 1) return candidates[0].id
  if (!candidates.length) throw new Error(`No class ${code}${schools ? ` in school ${school}` : ''}.`)
  throw new Error(`Several schools have a class ${code}: choose one with --school CODE.`)
}

const exports: Record<string, (req: PayloadRequest, options: Options) => Promise<{ name: string; data: Buffer }>> = {
  'class-list': async (req, options) => classListWorkbook(req, await classByCode(req, options), system),
  marks: async (req, { evaluation }) => {
    if (typeof evaluation !== 'string') throw new Error(`Give the evaluation id.\n\nUsage: ${usage}`)
    return marksWorkbook(req, evaluation, system).catch((error) => {
      throw error instanceof NotFound ? new Error(`No evaluation ${evaluation}.`) : error
    })
  },
  attendance: async (req, options) => attendanceWorkbook(req, { class: await classByCode(req, options), from: options.from, to: options.to }, system),
}

/** `export <class-list|marks|attendance>`: an .xlsx as the staff download it, written as the system. */
export const exportCommand: Command = {
  summary: 'Write a class list, a marks sheet or an attendance register as an Excel file (.xlsx).',
  usage,
  options: { class: { type: 'string' }, school: { type: 'string' }, evaluation: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  run: async ({ args: [kind], options }) => {
    const build = kind ? exports[kind] : undefined
    if (!build) throw new Error(`Say what to export: ${Object.keys(exports).join(', ')}.\n\nUsage: ${usage}`)
    return withPayload(async (payload) => {
      const req = await createLocalReq({}, payload)
      const file = await build(req, options)
      const out = path.resolve(typeof options.out === 'string' ? options.out : file.name)
      await writeFile(out, file.data)
      return { file: out, bytes: file.data.length }
    })
  },
}
