/**
 * The admin home's dashboard on the demo database: each role gets exactly its parts, another
 * school's direction only its school, and every figure equals a count made independently
 * through the Local API as the same user, most of them through the very link the figure
 * carries (its `where` parsed as Payload's list view parses it).
 */
import { parse } from 'qs-esm'
import { createLocalReq, type CollectionSlug, type Payload, type TypedUser, type Where } from 'payload'
import { loadDashboard, type Dashboard } from '../../src/dashboard/load'
import { dayEnd, dayStart, listHref, type Condition } from '../../src/dashboard/links'
import { round } from '../../src/domain/grading'
import { loadClassResults } from '../../src/results/classResults'
import { demoAccounts, otherAccounts, userFor } from '../support/accounts'
import { loadFixtures, type Fixtures } from '../support/fixtures'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
const users: Record<string, TypedUser> = {}
// The demo's first period (P1) ended on 31 October; its rolls and some expenses are in October.
const query = { month: '2026-10', today: '2026-12-04' }

beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
  for (const [persona, email] of Object.entries({ ...demoAccounts, matete: otherAccounts.secondSchoolAdmin })) users[persona] = await userFor(payload, email)
})
afterAll(closeTestPayload)

const dashboardOf = async (persona: string, extra: Record<string, string> = {}) => loadDashboard(await createLocalReq({ user: users[persona] }, payload), { ...query, ...extra })
const as = (persona: string) => ({ user: users[persona], overrideAccess: false as const, depth: 0 as const, pagination: false as const })
const find = (persona: string, collection: CollectionSlug, where: Where) => payload.find({ collection, where, ...as(persona) }).then((r) => r.docs as unknown as Record<string, any>[])
/** The rows a figure's link lists, read as the caller: the link's `where` as Payload's list view receives it. */
const listed = (persona: string, conditions: Condition[], collection: CollectionSlug) => {
  const href = listHref('/admin', collection, conditions)
  return find(persona, collection, (parse(href.split('?')[1]) as { where: Where }).where)
}
const parts = (d: Dashboard | null) => d && Object.entries(d.parts).filter(([, shown]) => shown).map(([part]) => part)

describe('who sees what', () => {
  it('gives the direction and IT every part, the secretariat no money, finance no attendance, results or sex', async () => {
    expect(parts(await dashboardOf('admin'))).toEqual(['students', 'sexes', 'attendance', 'results', 'money', 'expenses'])
    expect(parts(await dashboardOf('it'))).toEqual(['students', 'sexes', 'attendance', 'results', 'money', 'expenses'])
    const secretariat = (await dashboardOf('secretariat'))!
    expect(parts(secretariat)).toEqual(['students', 'sexes', 'attendance', 'results'])
    expect([secretariat.money, secretariat.expenses]).toEqual([null, null])
    const finance = (await dashboardOf('finance'))!
    expect(parts(finance)).toEqual(['students', 'money', 'expenses'])
    expect([finance.attendance, finance.results, finance.students!.sexes]).toEqual([null, null, null])
    expect(finance.students!.classes.every((klass) => klass.sexes === null)).toBe(true)
  })
  it('has no dashboard for teachers, parents and students', async () => {
    for (const persona of ['teacher', 'parent', 'student']) expect(await dashboardOf(persona)).toBeNull()
  })
  it('keeps another school’s direction to its school, even when asked for the first one', async () => {
    const d = (await dashboardOf('matete', { school: String(fx.schools.main.id) }))!
    expect(d.schools.map((s) => s.id)).toEqual([fx.schools.matete.id])
    expect(d.school.id).toBe(fx.schools.matete.id)
    const invoices = await find('matete', 'invoices', { and: [{ schoolYear: { equals: d.year!.id } }, { status: { not_equals: 'void' } }] })
    expect(invoices.length).toBeGreaterThan(0)
    expect(d.money!.currencies.map((c) => [c.currency, c.invoices])).toEqual(
      [...new Set(invoices.map((i) => i.currency as string))].sort().map((currency) => [currency, invoices.filter((i) => i.currency === currency).length]),
    )
    const classes = await find('matete', 'classes', { schoolYear: { equals: d.year!.id } })
    expect(d.students!.classes.map((c) => c.id).sort()).toEqual(classes.map((c) => c.id).sort())
  })
  it('lets IT choose the school, and defaults to the current year', async () => {
    const d = (await dashboardOf('it', { school: String(fx.schools.matete.id) }))!
    expect(d.school.id).toBe(fx.schools.matete.id)
    expect(d.year!.id).toBe(fx.schoolYears.matete.id)
  })
})

describe('the figures', () => {
  it('count the pupils per class and sex as the enrollments list does', async () => {
    const d = (await dashboardOf('admin'))!
    const enrolled: Condition[] = [['school', 'equals', d.school.id], ['schoolYear', 'equals', d.year!.id], ['status', 'in', ['active', 'completed']]]
    const all = await find('admin', 'enrollments', { and: [{ school: { equals: d.school.id } }, { schoolYear: { equals: d.year!.id } }, { status: { in: ['active', 'completed'] } }] })
    expect(d.students!.total).toBe(new Set(all.map((e) => e.student)).size)
    expect(d.students!.total).toBeGreaterThan(150)
    for (const klass of d.students!.classes) {
      expect((await listed('admin', [...enrolled, ['class', 'equals', klass.id]], 'enrollments')).length).toBe(klass.total)
      expect((await listed('admin', [...enrolled, ['class', 'equals', klass.id], ['student.sex', 'equals', 'F']], 'enrollments')).length).toBe(klass.sexes!.F)
    }
    for (const level of d.students!.levels) expect((await listed('admin', [...enrolled, ['class.level', 'equals', level.id]], 'enrollments')).length).toBe(level.total)
    const girls = await find('admin', 'students', { id: { in: all.map((e) => e.student) }, sex: { equals: 'F' } })
    expect(d.students!.sexes!.F).toBe(girls.length)
    // Finance counts the same pupils, without their sex.
    expect((await dashboardOf('finance'))!.students!.total).toBe(d.students!.total)
  })

  it('count October’s absences as the attendance list does', async () => {
    const d = (await dashboardOf('secretariat'))!
    const records = await listed(
      'secretariat',
      [['school', 'equals', d.school.id], ['date', 'greater_than_equal', dayStart('2026-10-01')], ['date', 'less_than_equal', dayEnd('2026-10-31')], ['status', 'in', ['absent', 'excused']]],
      'attendance',
    )
    const pupilDays = new Set(records.map((r) => `${r.student}|${new Date(Date.parse(r.date) + 3600_000).toISOString().slice(0, 10)}`))
    const a = d.attendance!
    expect(records.length).toBeGreaterThan(0)
    expect(a.absentPupilDays).toBe(pupilDays.size)
    expect(a.enrolled).toBe(d.students!.total)
    expect(a.schoolDays).toBe(22)
    expect(a.rate).toBeCloseTo(1 - pupilDays.size / (a.enrolled * 22), 10)
    const top = a.mostAbsent[0]
    expect(records.filter((r) => r.student === top.student && r.status === 'absent').length).toBe(top.absent)
    expect(top.days).toBe([...pupilDays].filter((key) => key.startsWith(`${top.student}|`)).length)
  })

  it('give each class’s pass rate and average of the last ended term as its results do', async () => {
    const d = (await dashboardOf('admin'))!
    expect(d.term!.code).toBe('P1')
    const req = await createLocalReq({ user: users.admin }, payload)
    const marked = d.results!.classes.filter((klass) => klass.counted > 0)
    expect(marked.length).toBeGreaterThan(0)
    for (const klass of d.results!.classes) {
      const results = await loadClassResults(req, klass.class, { term: d.term!.id })
      const percentages = (results.students as { percentage: number | null }[]).map((line) => line.percentage).filter((p): p is number => p !== null)
      expect(klass.counted).toBe(percentages.length)
      expect(klass.passed).toBe(percentages.filter((p) => p >= 50).length)
      expect(klass.average).toBe(percentages.length ? round(percentages.reduce((sum, p) => sum + p, 0) / percentages.length, 1) : null)
    }
  })

  it('agree with the class results under the French scheme too', async () => {
    await payload.update({ collection: 'schools', id: fx.schools.main.id, data: { gradingScheme: 'french' }, overrideAccess: true })
    try {
      const d = (await dashboardOf('secretariat'))!
      const req = await createLocalReq({ user: users.secretariat }, payload)
      for (const klass of d.results!.classes) {
        const results = await loadClassResults(req, klass.class, { term: d.term!.id })
        const percentages = (results.students as { percentage: number | null }[]).map((line) => line.percentage).filter((p): p is number => p !== null)
        expect([klass.counted, klass.passed]).toEqual([percentages.length, percentages.filter((p) => p >= 50).length])
      }
      expect(d.results!.school.counted).toBeGreaterThan(0)
    } finally {
      await payload.update({ collection: 'schools', id: fx.schools.main.id, data: { gradingScheme: 'rdc' }, overrideAccess: true })
    }
  })

  it('total the year’s invoices per currency and class as the invoices list does, for finance and the direction alike', async () => {
    const d = (await dashboardOf('finance'))!
    const sum = (rows: Record<string, any>[], field: string) => rows.reduce((total, row) => total + Number(row[field] ?? 0), 0)
    for (const line of d.money!.currencies) {
      const invoices = await find('finance', 'invoices', { and: [{ school: { equals: d.school.id } }, { schoolYear: { equals: d.year!.id } }, { currency: { equals: line.currency } }, { status: { not_equals: 'void' } }] })
      expect([line.invoices, line.invoiced, line.collected, line.outstanding]).toEqual([invoices.length, sum(invoices, 'total'), sum(invoices, 'paid'), sum(invoices, 'balance')])
    }
    expect(d.money!.currencies[0].invoiced).toBeGreaterThan(0)
    const invoiceConditions = (currency: string): Condition[] => [['school', 'equals', d.school.id], ['schoolYear', 'equals', d.year!.id], ['currency', 'equals', currency], ['status', 'not_equals', 'void']]
    for (const klass of d.money!.classes) {
      const invoices = await listed('finance', [...invoiceConditions(klass.currency), ['student', 'in', klass.students]], 'invoices')
      expect([invoices.length, sum(invoices, 'total'), sum(invoices, 'paid')]).toEqual([klass.invoices, klass.invoiced, klass.collected])
      if (klass.class !== null) {
        const enrollments = await find('finance', 'enrollments', { and: [{ class: { equals: klass.class } }, { student: { in: klass.students } }] })
        expect(new Set(enrollments.map((e) => e.student)).size).toBe(klass.students.length)
      }
    }
    expect((await dashboardOf('admin'))!.money).toEqual(d.money)
  })

  it('total October’s expenses as the expenses list does', async () => {
    const d = (await dashboardOf('finance'))!
    const expenses = await find('finance', 'expenses', {
      and: [{ school: { equals: d.school.id } }, { date: { greater_than_equal: dayStart('2026-10-01') } }, { date: { less_than_equal: dayEnd('2026-10-31') } }, { status: { not_equals: 'rejected' } }],
    })
    expect(expenses.length).toBeGreaterThan(0)
    for (const line of d.expenses!.currencies) {
      const mine = expenses.filter((e) => e.currency === line.currency)
      const total = (status: string) => mine.filter((e) => (e.status ?? 'submitted') === status).reduce((sum, e) => sum + Number(e.amount), 0)
      expect([line.count, line.approved, line.submitted]).toEqual([mine.length, total('approved'), total('submitted')])
    }
  })
})
