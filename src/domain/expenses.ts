/**
 * A school's expenses: what was spent, on what, and the direction's decision. Payroll is kept
 * apart (see payroll.ts): salaries are payslips, never expenses.
 */
export const expenseCategories = ['supplies', 'equipment', 'maintenance', 'utilities', 'transport', 'food', 'communication', 'rent', 'exams', 'bankFees', 'other'] as const
export type ExpenseCategory = (typeof expenseCategories)[number]

export const expenseStatuses = ['submitted', 'approved', 'rejected'] as const
export type ExpenseStatus = (typeof expenseStatuses)[number]

/** Who decides on an expense: the direction of the school, or IT. */
export const deciders = ['admin', 'it'] as const

/**
 * Whether `roles` may move an expense from `from` to `to`, with a reason of `reason`: null when
 * they may (or nothing moves), else why not. A decision is taken once; a rejection says why.
 */
export const decisionProblem = (from: ExpenseStatus, to: ExpenseStatus, roles: readonly string[], reason?: string | null): { path: string; key: string } | null => {
  if (from === to) return null
  if (from !== 'submitted') return { path: 'status', key: from === 'approved' ? 'approvedLocked' : 'rejectedLocked' }
  if (to === 'submitted') return null
  if (!deciders.some((role) => roles.includes(role))) return { path: 'status', key: 'decideRole' }
  if (to === 'rejected' && !reason?.trim()) return { path: 'decisionReason', key: 'reasonRequired' }
  return null
}
