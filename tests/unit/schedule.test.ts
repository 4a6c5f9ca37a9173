import { daysBefore, termEndKey, termsDueForReportCards } from '../../src/domain/schedule'

const terms = [
  { id: 1, endDate: '2026-11-25T00:00:00.000Z' },
  { id: 2, endDate: '2026-11-19' },
  { id: 3, endDate: '2026-11-18' },
  { id: 4, endDate: '2026-11-26' },
]

describe('report cards at the end of a term', () => {
  it('are due on the end date and for a week after, never before', () => {
    expect(termsDueForReportCards(terms, '2026-11-25', new Set()).map((t) => t.id)).toEqual([1, 2])
    expect(termsDueForReportCards(terms, '2026-11-26', new Set()).map((t) => t.id)).toEqual([1, 4])
  })

  it('are not scheduled twice for a term', () => {
    expect(termsDueForReportCards(terms, '2026-11-25', new Set([termEndKey(1)])).map((t) => t.id)).toEqual([2])
  })

  it('count days across months and years', () => {
    expect(daysBefore('2027-01-03', 7)).toBe('2026-12-27')
    expect(daysBefore('2028-03-01', 1)).toBe('2028-02-29')
  })
})
