import { auditFilterOf, auditListHref, changeRows } from '../../src/domain/auditFilter'

const list = '/admin/collections/audit-logs'

describe('the audit log filter', () => {
  it('builds the list view’s where, in qs brackets, the days in Kinshasa time', () => {
    const href = auditListHref(list, { user: '12', collection: 'grades', action: 'update', from: '2026-10-01', to: '2026-10-31' })
    const [path, query] = href.split('?')
    expect(path).toBe(list)
    expect([...new URLSearchParams(query)]).toEqual([
      ['where[and][0][user][equals]', '12'],
      ['where[and][1][collection][equals]', 'grades'],
      ['where[and][2][action][equals]', 'update'],
      ['where[and][3][createdAt][greater_than_equal]', '2026-09-30T23:00:00.000Z'],
      ['where[and][4][createdAt][less_than_equal]', '2026-10-31T22:59:59.999Z'],
    ])
  })

  it('leaves out what is empty or malformed, keeps the sort and limit, starts from the first page', () => {
    expect(auditListHref(list, { user: '', collection: '  ', from: '2026-13-45', to: 'hier' })).toBe(list)
    expect(auditListHref(list, { action: 'login' }, { sort: '-createdAt', limit: '50', page: '4', 'where[or][0][ip][equals]': 'x' })).toBe(`${list}?sort=-createdAt&limit=50&where%5Band%5D%5B0%5D%5Baction%5D%5Bequals%5D=login`)
  })

  it('reads back the filter it wrote', () => {
    const filter = { user: '12', collection: 'grades', action: 'update', from: '2026-10-01', to: '2026-10-31' }
    const query = Object.fromEntries(new URLSearchParams(auditListHref(list, filter).split('?')[1]))
    expect(auditFilterOf(query)).toEqual(filter)
    expect(auditFilterOf({ 'where[and][0][ip][equals]': '1.2.3.4', 'where[and][1][createdAt][greater_than_equal]': 'jamais' })).toEqual({})
  })
})

describe('a log entry’s changes', () => {
  it('one row per field, before and after as text', () => {
    expect(changeRows([{ field: 'score', before: 12, after: 14.5 }, { field: 'status', before: null, after: 'scored' }, { field: 'subjects', before: [1, 2], after: { a: 1 } }])).toEqual([
      { field: 'score', before: '12', after: '14.5' },
      { field: 'status', before: '—', after: 'scored' },
      { field: 'subjects', before: '1, 2', after: '{"a":1}' },
    ])
  })

  it('other shapes: a row per key, or nothing', () => {
    expect(changeRows({ reason: 'wrong password' })).toEqual([{ field: 'reason', before: '—', after: 'wrong password' }])
    expect(changeRows(null)).toEqual([])
  })
})
