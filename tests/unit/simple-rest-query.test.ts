import { contentRange, listQuery, pagesOf } from '../../src/api/v1/query'

const fields = new Set(['id', 'fullName', 'class', 'date', 'score', 'sex', 'published'])
const search = ['fullName', 'matricule']
const query = (params: Record<string, unknown>) =>
  listQuery(new URLSearchParams(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))), fields, search)

describe('listQuery', () => {
  it('reads equals, lists, null, q and the comparison suffixes into a Payload where', () => {
    const outcome = query({ filter: { class: 4, id: [1, 2], sex: null, q: 'kabila', date_gte: '2026-10-01', score_lt: 10, published_neq: true } })
    expect(outcome).toEqual({
      ok: true,
      query: {
        where: {
          and: [
            { class: { equals: 4 } },
            { id: { in: [1, 2] } },
            { sex: { exists: false } },
            { or: [{ fullName: { like: 'kabila' } }, { matricule: { like: 'kabila' } }] },
            { date: { greater_than_equal: '2026-10-01' } },
            { score: { less_than: 10 } },
            { published: { not_equals: true } },
          ],
        },
        sort: undefined,
        start: 0,
        end: 1,
      },
    })
  })

  it('sorts ascending or descending by a known field', () => {
    expect(query({ sort: ['fullName', 'DESC'] })).toMatchObject({ ok: true, query: { sort: '-fullName' } })
    expect(query({ sort: ['date', 'asc'] })).toMatchObject({ ok: true, query: { sort: 'date' } })
  })

  it('answers a list of ids whole when no range is given (getMany), any other list by its first 25', () => {
    const ids = Array.from({ length: 60 }, (_, k) => k + 1)
    expect(query({ filter: { id: ids } })).toMatchObject({ ok: true, query: { start: 0, end: 59 } })
    expect(query({ filter: { id: ids }, range: [0, 9] })).toMatchObject({ ok: true, query: { start: 0, end: 9 } })
    expect(query({ filter: { class: 3 } })).toMatchObject({ ok: true, query: { start: 0, end: 24 } })
    expect(query({ filter: { id: Array.from({ length: 1001 }, (_, k) => k) } })).toEqual({ ok: false, problem: { param: 'range', code: 'rangeTooLarge', params: { max: 1000 } } })
  })

  it('takes an empty filter and an empty q as no condition', () => {
    expect(query({ filter: {} })).toMatchObject({ ok: true, query: { where: {} } })
    expect(query({ filter: { q: '' } })).toMatchObject({ ok: true, query: { where: {} } })
  })

  it.each([
    [{ filter: '{oops' }, { param: 'filter', code: 'notJSON' }],
    [{ filter: [1] }, { param: 'filter', code: 'filterNotObject' }],
    [{ filter: { colour: 'red' } }, { param: 'filter', code: 'unknownField', params: { field: 'colour' } }],
    [{ filter: { colour_gte: 1 } }, { param: 'filter', code: 'unknownField', params: { field: 'colour_gte' } }],
    [{ filter: { class: { equals: 1 } } }, { param: 'filter', code: 'filterValue', params: { field: 'class' } }],
    [{ filter: { score_gt: [1, 2] } }, { param: 'filter', code: 'filterValue', params: { field: 'score_gt' } }],
    [{ filter: { q: 5 } }, { param: 'filter', code: 'filterValue', params: { field: 'q' } }],
    [{ range: [5, 2] }, { param: 'range', code: 'rangeShape' }],
    [{ range: [-1, 2] }, { param: 'range', code: 'rangeShape' }],
    [{ range: [0, 1.5] }, { param: 'range', code: 'rangeShape' }],
    [{ range: [0, 1000] }, { param: 'range', code: 'rangeTooLarge', params: { max: 1000 } }],
    [{ sort: ['fullName'] }, { param: 'sort', code: 'sortShape' }],
    [{ sort: ['fullName', 'UP'] }, { param: 'sort', code: 'sortShape' }],
    [{ sort: ['password', 'ASC'] }, { param: 'sort', code: 'unknownField', params: { field: 'password' } }],
  ])('refuses %j: %j', (params, problem) => {
    expect(query(params)).toEqual({ ok: false, problem })
  })

  it('refuses q on a resource without search fields', () => {
    expect(listQuery(new URLSearchParams({ filter: '{"q":"x"}' }), fields, [])).toEqual({ ok: false, problem: { param: 'filter', code: 'noSearch' } })
  })
})

describe('pagesOf', () => {
  it('reads an aligned range as one page and an unaligned one as two, with where it starts', () => {
    expect(pagesOf(0, 24)).toEqual({ limit: 25, pages: [1], skip: 0 })
    expect(pagesOf(50, 74)).toEqual({ limit: 25, pages: [3], skip: 0 })
    expect(pagesOf(3, 7)).toEqual({ limit: 5, pages: [1, 2], skip: 3 })
    expect(pagesOf(12, 21)).toEqual({ limit: 10, pages: [2, 3], skip: 2 })
  })

  it('covers every row of the range', () => {
    for (const [start, end] of [[0, 0], [7, 19], [999, 1000], [13, 13]]) {
      const { limit, pages, skip } = pagesOf(start, end)
      const covered = pages.flatMap((page) => Array.from({ length: limit }, (_, k) => (page - 1) * limit + k)).slice(skip, skip + limit)
      expect(covered).toEqual(Array.from({ length: end - start + 1 }, (_, k) => start + k))
    }
  })
})

describe('contentRange', () => {
  it('says which rows and how many in all', () => {
    expect(contentRange('students', 0, 25, 319)).toBe('students 0-24/319')
    expect(contentRange('students', 300, 19, 319)).toBe('students 300-318/319')
    expect(contentRange('students', 400, 0, 319)).toBe('students */319')
  })
})
