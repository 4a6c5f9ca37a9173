/**
 * Payment reminders to the families: one a few days before an invoice's due date, then, while
 * it is still owed, one the day after and one every week, three at most. Pure: which step is
 * due on a given day; the job records what was sent, so each step goes out once.
 */
import { addDays } from './billing'

export type ReminderRule = {
  /** How many days before the due date the first reminder goes out. */
  daysBefore: number
  /** Days between two overdue reminders, the first one the day after the due date. */
  overdueEvery: number
  /** How many overdue reminders at most. */
  overdueCount: number
}

export const defaultReminderRule: ReminderRule = { daysBefore: 5, overdueEvery: 7, overdueCount: 3 }

/** `before`, then `overdue1`, `overdue2`, … */
export type ReminderStep = 'before' | `overdue${number}`

export const openStatuses = ['unpaid', 'partial', 'overdue'] as const

export type Remindable = { dueDate: string | null | undefined; status: string | null | undefined; balance: number | null | undefined; voided?: boolean }

/** Whether the family still owes something on it: open, not void, a balance left. */
export const owes = (invoice: Remindable) =>
  !invoice.voided && openStatuses.includes(invoice.status as (typeof openStatuses)[number]) && (invoice.balance ?? 0) > 0

/**
 * The reminder due on `today` (YYYY-MM-DD) for an invoice, or null. Each step holds until the
 * next one starts, so a day the worker missed is caught up on the next; a step already past is
 * never sent late once the next one is due. Before: from `daysBefore` days ahead to the due date
 * itself; overdue k: from the day after the due date plus (k − 1) weeks, for a week.
 */
export const reminderDue = (invoice: Remindable, today: string, rule: ReminderRule = defaultReminderRule): ReminderStep | null => {
  const due = invoice.dueDate ? String(invoice.dueDate).slice(0, 10) : null
  if (!due || !owes(invoice)) return null
  if (today > due) {
    const late = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000)
    const k = Math.floor((late - 1) / rule.overdueEvery) + 1
    return k <= rule.overdueCount ? `overdue${k}` : null
  }
  return today >= addDays(due, -rule.daysBefore) ? 'before' : null
}

/** The due dates whose invoices may have a reminder on `today`: the window a query needs. */
export const reminderWindow = (today: string, rule: ReminderRule = defaultReminderRule) => ({
  from: addDays(today, -rule.overdueEvery * rule.overdueCount),
  to: addDays(today, rule.daysBefore),
})
