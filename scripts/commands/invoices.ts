import { createLocalReq } from 'payload'
import { withPayload } from '../../src/db/prepare'
import { issueInvoices } from '../../src/finance/issue'
import { applyLatePenalties } from '../../src/finance/penalties'
import { tReq } from '../../src/i18n'
import type { Command } from './types'

const usage = [
  'npm run kelasi -- invoices issue     --school CODE [--student MATRICULE] [--date 2026-09-01] [--json]',
  '       npm run kelasi -- invoices penalties --school CODE [--date 2026-09-01] [--json]',
  '(what the worker does every morning: issue the invoices due, add the late penalties; both idempotent)',
].join('\n')

export const invoicesCommand: Command = {
  summary: 'Invoices: issue those due (at enrollment, installments coming due) and add late penalties, as the daily job does.',
  usage,
  options: { school: { type: 'string' }, student: { type: 'string' }, date: { type: 'string' } },
  run: ({ args, options }) =>
    withPayload(async (payload) => {
      const req = await createLocalReq({}, payload)
      if (args[0] !== 'issue' && args[0] !== 'penalties') throw new Error(`Usage: ${usage}`)
      const code = typeof options.school === 'string' ? options.school : ''
      const school = (await payload.find({ collection: 'schools', where: { code: { equals: code } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]
      if (!school) throw new Error(tReq(req, code ? 'errors.reportCards.schoolNotFound' : 'errors.invoices.cliUsage', { code }))
      const date = typeof options.date === 'string' ? options.date : undefined
      if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(tReq(req, 'errors.invoices.badDate', { date }))
      const started = Date.now()
      if (args[0] === 'penalties') return { school: school.code, ...(await applyLatePenalties(req, { school: school.id, today: date })) }
      const matricule = typeof options.student === 'string' ? options.student : undefined
      const student = matricule ? (await payload.find({ collection: 'students', where: { school: { equals: school.id }, matricule: { equals: matricule } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] : undefined
      if (matricule && !student) throw new Error(tReq(req, 'errors.reportCards.studentNotFound', { school: code, code: matricule }))
      const issued = await issueInvoices(req, { school: school.id, today: date, student: student?.id })
      return { school: school.code, ...issued, seconds: Math.round((Date.now() - started) / 100) / 10 }
    }),
}
