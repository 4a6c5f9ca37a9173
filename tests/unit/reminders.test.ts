import { defaultReminderRule, owes, reminderDue, reminderWindow, type Remindable } from '../../src/domain/reminders'

const invoice = (over: Partial<Remindable> = {}): Remindable => ({ dueDate: '2026-09-30', status: 'unpaid', balance: 30_000, ...over })
const on = (today: string, over: Partial<Remindable> = {}) => reminderDue(invoice(over), today)

describe('the reminder due on a day', () => {
  it('is none more than five days ahead, then the “before” reminder up to the due date itself', () => {
    expect(on('2026-09-24')).toBeNull()
    expect(on('2026-09-25')).toBe('before')
    expect(on('2026-09-28')).toBe('before')
    expect(on('2026-09-30')).toBe('before')
  })

  it('is the first overdue reminder the day after the due date, then one a week, three at most', () => {
    expect(on('2026-10-01')).toBe('overdue1')
    expect(on('2026-10-07')).toBe('overdue1')
    expect(on('2026-10-08')).toBe('overdue2')
    expect(on('2026-10-14')).toBe('overdue2')
    expect(on('2026-10-15')).toBe('overdue3')
    expect(on('2026-10-21')).toBe('overdue3')
    expect(on('2026-10-22')).toBeNull()
    expect(on('2027-03-01')).toBeNull()
  })

  it('counts across months and years by calendar days, whatever the time stored with the due date', () => {
    expect(on('2027-01-01', { dueDate: '2026-12-31T23:00:00.000Z' })).toBe('overdue1')
    expect(on('2026-12-26', { dueDate: '2026-12-31T00:00:00.000Z' })).toBe('before')
    expect(on('2024-03-01', { dueDate: '2024-02-28' })).toBe('overdue1')
    expect(on('2024-03-07', { dueDate: '2024-02-28' })).toBe('overdue2')
  })

  it('is none for an invoice paid, void, without balance or without due date', () => {
    expect(on('2026-10-01', { status: 'paid', balance: 0 })).toBeNull()
    expect(on('2026-10-01', { status: 'void' })).toBeNull()
    expect(on('2026-10-01', { voided: true })).toBeNull()
    expect(on('2026-10-01', { status: 'partial', balance: 0 })).toBeNull()
    expect(on('2026-10-01', { dueDate: null })).toBeNull()
    expect(on('2026-10-01', { status: 'partial', balance: 1 })).toBe('overdue1')
    expect(on('2026-10-01', { status: 'overdue' })).toBe('overdue1')
  })

  it('follows another rule when given one', () => {
    const rule = { daysBefore: 2, overdueEvery: 3, overdueCount: 1 }
    expect(reminderDue(invoice(), '2026-09-27', rule)).toBeNull()
    expect(reminderDue(invoice(), '2026-09-28', rule)).toBe('before')
    expect(reminderDue(invoice(), '2026-10-03', rule)).toBe('overdue1')
    expect(reminderDue(invoice(), '2026-10-04', rule)).toBeNull()
  })
})

describe('the due dates to look at on a day', () => {
  it('span the overdue weeks behind and the days ahead, and every reminder due falls inside', () => {
    const today = '2026-10-10'
    const window = reminderWindow(today)
    expect(window).toEqual({ from: '2026-09-19', to: '2026-10-15' })
    for (let d = -40; d <= 40; d++) {
      const due = new Date(Date.parse(`${today}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10)
      const inside = due >= window.from && due <= window.to
      expect([due, reminderDue(invoice({ dueDate: due }), today, defaultReminderRule) !== null]).toEqual([due, inside])
    }
  })

  it('owes: open with a balance', () => {
    expect(owes(invoice())).toBe(true)
    expect(owes(invoice({ status: 'paid' }))).toBe(false)
    expect(owes(invoice({ balance: null }))).toBe(false)
  })
})
