/**
 * A payslip's figures and life: gross plus allowances minus deductions makes the net, in integer
 * minor units of one currency; a payslip is a draft, then approved by the direction, then paid,
 * and never goes back. Periods are calendar months written "YYYY-MM".
 */
import { isMinor } from './money'

export const payslipStatuses = ['draft', 'approved', 'paid'] as const
export type PayslipStatus = (typeof payslipStatuses)[number]

export type PayLine = { label: string; amount: number }
export type PayslipAmounts = { gross: number; allowances?: PayLine[] | null; deductions?: PayLine[] | null }
export type Problem = { path: string; key: string }

/** "2026-11" → { year: 2026, month: 11 }; undefined for anything else (2026-13, 2026-1, 26-11). */
export const parsePeriod = (value: unknown): { year: number; month: number } | undefined => {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})$/.exec(value.trim()) : null
  if (!m) return undefined
  const [year, month] = [Number(m[1]), Number(m[2])]
  return year >= 2000 && year <= 2100 && month >= 1 && month <= 12 ? { year, month } : undefined
}

export const isPeriod = (value: unknown) => parsePeriod(value) !== undefined

/** "2026-11" → "novembre 2026" / "November 2026", as a payslip heads its month. */
export const periodLabel = (period: string, language: 'fr' | 'en' = 'fr') => {
  const parsed = parsePeriod(period)
  if (!parsed) return period
  const name = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
  return name.format(new Date(Date.UTC(parsed.year, parsed.month - 1, 1)))
}

const sum = (lines: PayLine[] | null | undefined) => (lines ?? []).reduce((total, line) => total + line.amount, 0)

/** Totals and net; the net may be negative here, the caller refuses it (see `payslipProblems`). */
export const payslipFigures = ({ gross, allowances, deductions }: PayslipAmounts) => {
  const allowancesTotal = sum(allowances)
  const deductionsTotal = sum(deductions)
  return { allowancesTotal, deductionsTotal, net: gross + allowancesTotal - deductionsTotal }
}

/** What is wrong with a payslip's amounts, field by field: a positive gross and lines in whole minor units, with a label and a positive amount, a net that is not negative. */
export const payslipProblems = (amounts: PayslipAmounts): Problem[] => {
  const problems: Problem[] = []
  if (!isMinor(amounts.gross) || amounts.gross <= 0) problems.push({ path: 'gross', key: 'gross' })
  for (const field of ['allowances', 'deductions'] as const)
    (amounts[field] ?? []).forEach((line, i) => {
      if (!line?.label?.trim()) problems.push({ path: `${field}.${i}.label`, key: 'lineLabel' })
      if (!isMinor(line?.amount) || line.amount <= 0) problems.push({ path: `${field}.${i}.amount`, key: 'lineAmount' })
    })
  if (problems.length) return problems
  if (payslipFigures(amounts).net < 0) problems.push({ path: 'deductions', key: 'negativeNet' })
  return problems
}

/** Who moves a payslip to a status: the direction approves; the direction or finance pays (IT may do either). */
const movers: Record<PayslipStatus, readonly string[]> = { draft: [], approved: ['admin', 'it'], paid: ['admin', 'finance', 'it'] }

/**
 * Whether `roles` may move a payslip from `from` to `to`: null when they may (or nothing moves),
 * else the reason: only one step forward, and only by the roles of that step.
 */
export const transitionProblem = (from: PayslipStatus, to: PayslipStatus, roles: readonly string[]): string | null => {
  if (from === to) return null
  const step = payslipStatuses.indexOf(to) - payslipStatuses.indexOf(from)
  if (step !== 1) return step < 0 ? 'backwards' : 'skipped'
  return movers[to].some((role) => roles.includes(role)) ? null : to === 'approved' ? 'approveRole' : 'payRole'
}

/** Once approved, a payslip's amounts are what was agreed: they no longer change. */
export const amountsLocked = (status: PayslipStatus | null | undefined) => status === 'approved' || status === 'paid'

/** The draft of a month for a staff member, from their base monthly salary. */
export const draftFromSalary = (staff: { baseSalary?: number | null; currency?: string | null }) =>
  isMinor(staff.baseSalary) && staff.baseSalary > 0 ? { gross: staff.baseSalary, currency: staff.currency ?? 'USD', allowances: [], deductions: [] } : undefined
