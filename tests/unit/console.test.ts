/** The teacher workspace's pure parts: its translations, the roll's exceptions, the mark sheet's checks, the week. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { en } from '../../src/app/console/i18n/en'
import { fr } from '../../src/app/console/i18n/fr'
import { lineOf, lineProblem, sheetGrades, sheetStatistics, type Line } from '../../src/app/console/marks'
import { rollCounts, rollEntries, savedRoll, type Mark } from '../../src/app/console/roll'
import { addDays, dayInWeekOf, endOf, weekdayOf } from '../../src/app/console/week'

type Tree = { [key: string]: string | Tree }
const keys = (tree: Tree, prefix = ''): string[] => Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)))
const lookup = (tree: Tree, key: string) => key.split('.').reduce<Tree | string | undefined>((node, part) => (node && typeof node === 'object' ? node[part] : undefined), tree)
const placeholders = (text: unknown) => [...new Set([...String(text).matchAll(/%\{(\w+)\}/g)].map((m) => m[1]))].sort()

describe('the workspace’s translations', () => {
  it('French and English have the same keys, none empty, each with the same placeholders', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort())
    for (const key of keys(fr)) {
      expect({ key, fr: String(lookup(fr, key)).trim() !== '', en: String(lookup(en, key)).trim() !== '' }).toEqual({ key, fr: true, en: true })
      expect({ key, names: placeholders(lookup(en, key)) }).toEqual({ key, names: placeholders(lookup(fr, key)) })
    }
  })

  it('every key the screens name is in the files', () => {
    const folder = path.resolve('src/app/console')
    const used = readdirSync(folder)
      .filter((file) => file.endsWith('.tsx') || file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(path.join(folder, file), 'utf8').matchAll(/['"`](kelasi\.[\w.]+)['"`]/g)].map((m) => m[1]))
    expect(used.length).toBeGreaterThan(20)
    expect(used.filter((key) => typeof lookup(fr, key) !== 'string')).toEqual([])
  })
})

describe('the roll', () => {
  const present: Mark = { status: 'present', minutesLate: null }
  it('sends only the exceptions, lateness with its minutes, and the notes already recorded', () => {
    const marks = new Map<number, Mark>([
      [1, present],
      [2, { status: 'absent', minutesLate: null }],
      [3, { status: 'late', minutesLate: 15 }],
      [4, { status: 'present', minutesLate: null, note: 'Arrivé avec sa maman' }],
      [5, { status: 'excused', minutesLate: null }],
    ])
    expect(rollEntries(marks)).toEqual([
      { student: 2, status: 'absent' },
      { student: 3, status: 'late', minutesLate: 15 },
      { student: 4, status: 'present', note: 'Arrivé avec sa maman' },
      { student: 5, status: 'excused' },
    ])
    expect(rollCounts([...marks.values()])).toEqual({ present: 2, absent: 2, late: 1, total: 5 })
  })

  it('reads back the roll of one lesson or one half-day, never another’s', () => {
    const records = [
      { student: 1, slot: 7, halfDay: 'morning', status: 'absent' },
      { student: 2, slot: null, halfDay: 'morning', status: 'late', minutesLate: 5 },
      { student: 3, slot: null, halfDay: 'afternoon', status: 'absent' },
      { student: 4, slot: null, halfDay: null, status: 'absent' },
    ]
    expect([...savedRoll(records, { slot: 7, halfDay: null }).keys()]).toEqual([1])
    expect(savedRoll(records, { slot: null, halfDay: 'morning' })).toEqual(new Map([[2, { status: 'late', minutesLate: 5, note: null }]]))
    expect([...savedRoll(records, { slot: null, halfDay: null }).keys()]).toEqual([4])
  })
})

describe('the mark sheet', () => {
  const scored = (text: string): Line => ({ status: 'scored', text })
  it('checks a score against the maximum as typed, a French decimal comma included', () => {
    expect(lineProblem(scored('12,5'), 20)).toBeNull()
    expect(lineProblem(scored('25'), 20)).toBe('aboveMaximum')
    expect(lineProblem(scored('-1'), 20)).toBe('belowZero')
    expect(lineProblem(scored('douze'), 20)).toBe('notANumber')
    expect(lineProblem(scored(''), 20)).toBeNull()
    expect(lineProblem({ status: 'absent', text: '' }, 20)).toBeNull()
  })

  it('counts only valid scores in the average, lowest and highest', () => {
    const lines = [scored('8'), scored('6,5'), scored('12'), scored(''), { status: 'absent', text: '' } as Line, scored('4')]
    expect(sheetStatistics(lines, 10)).toEqual({ count: 3, average: 6.17, min: 4, max: 8 })
    expect(sheetStatistics([scored('')], 10)).toEqual({ count: 0, average: null, min: null, max: null })
  })

  it('sends every line: a score, a status, or an empty score that clears the mark; comments kept', () => {
    expect(sheetGrades([[1, scored('7,5')], [2, { status: 'absent', text: '', comment: 'Malade' }], [3, scored(' ')], [4, { status: 'scored', text: '9', comment: 'Bien' }]])).toEqual([
      { student: 1, status: 'scored', score: 7.5 },
      { student: 2, status: 'absent', score: null, comment: 'Malade' },
      { student: 3, score: null },
      { student: 4, status: 'scored', score: 9, comment: 'Bien' },
    ])
    expect(lineOf({ status: 'scored', score: 12.5, comment: null }, 'fr')).toEqual({ status: 'scored', text: '12,5', comment: null })
    expect(lineOf({ status: 'scored', score: 12.5 }, 'en').text).toBe('12.5')
  })
})

describe('the week', () => {
  it('places a weekday in the week of a day, and ends a lesson', () => {
    expect(weekdayOf('2026-12-04')).toBe('fri')
    expect(dayInWeekOf('2026-12-04', 'mon')).toBe('2026-11-30')
    expect(dayInWeekOf('2026-12-06', 'mon')).toBe('2026-11-30')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(endOf('07:30', 50)).toBe('08:20')
    expect(endOf('11:10', 50)).toBe('12:00')
  })
})
