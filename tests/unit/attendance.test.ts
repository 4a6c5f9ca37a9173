import { attendanceTotals, halfDayOf, rollFor, type AttendanceRecord, type Period } from '../../src/domain/attendance'

describe('taking the roll by exception', () => {
  const enrolled = [11, 12, 13, 14]

  it('marks every enrolled pupil present when nothing else is said', () => {
    expect(rollFor(enrolled, [])).toEqual({
      ok: true,
      roll: enrolled.map((student) => ({ student, status: 'present' })),
    })
  })

  it('applies the exceptions, in the class list\'s order, with their note and lateness', () => {
    const result = rollFor(enrolled, [
      { student: 14, status: 'late', minutesLate: 15, note: 'Bus' },
      { student: 12, status: 'absent' },
      { student: 13, status: 'excused', note: 'Certificat médical' },
    ])
    expect(result).toEqual({
      ok: true,
      roll: [
        { student: 11, status: 'present' },
        { student: 12, status: 'absent' },
        { student: 13, status: 'excused', note: 'Certificat médical' },
        { student: 14, status: 'late', note: 'Bus', minutesLate: 15 },
      ],
    })
  })

  it('keeps lateness only on a late pupil, and accepts a late pupil without minutes', () => {
    const result = rollFor(enrolled, [
      { student: 11, status: 'absent', minutesLate: 10 },
      { student: 12, status: 'late' },
      { student: 13, status: 'late', minutesLate: 0 },
    ])
    expect(result.ok && result.roll.slice(0, 3)).toEqual([
      { student: 11, status: 'absent' },
      { student: 12, status: 'late' },
      { student: 13, status: 'late', minutesLate: 0 },
    ])
  })

  it('matches pupils whether their ids come as numbers or strings, and lists each enrolled pupil once', () => {
    const result = rollFor([11, 12, 12], [{ student: '12', status: 'absent' }])
    expect(result).toEqual({ ok: true, roll: [{ student: 11, status: 'present' }, { student: 12, status: 'absent' }] })
  })

  it('refuses the whole roll, naming each problem', () => {
    const result = rollFor(enrolled, [
      { student: 12, status: 'absent' },
      { student: 99, status: 'absent' },
      { student: 12, status: 'late' },
      { student: 13, status: 'sick' },
      { student: 14, status: 'late', minutesLate: -5 },
      { student: 11, status: 'late', minutesLate: 2.5 },
    ])
    expect(result).toEqual({
      ok: false,
      errors: [
        { code: 'notInClass', params: { student: 99 } },
        { code: 'duplicateStudent', params: { student: 12 } },
        { code: 'unknownStatus', params: { student: 13, status: 'sick' } },
        { code: 'invalidMinutesLate', params: { student: 14 } },
        { code: 'invalidMinutesLate', params: { student: 11 } },
      ],
    })
  })

  it('refuses a pupil named twice even when the first line was wrong', () => {
    expect(rollFor(enrolled, [{ student: 13, status: 'sick' }, { student: 13, status: 'absent' }])).toEqual({
      ok: false,
      errors: [
        { code: 'unknownStatus', params: { student: 13, status: 'sick' } },
        { code: 'duplicateStudent', params: { student: 13 } },
      ],
    })
  })

  it('reports a pupil of another class before anything else about that line', () => {
    expect(rollFor(enrolled, [{ student: 99, status: 'sick' }])).toEqual({ ok: false, errors: [{ code: 'notInClass', params: { student: 99 } }] })
  })

  it('refuses any exception on an empty class', () => {
    expect(rollFor([], [])).toEqual({ ok: true, roll: [] })
    expect(rollFor([], [{ student: 1, status: 'absent' }])).toEqual({ ok: false, errors: [{ code: 'notInClass', params: { student: 1 } }] })
  })
})

describe('the half-day of a lesson', () => {
  it('is the morning before noon, the afternoon from noon', () => {
    expect(halfDayOf('07:30')).toBe('morning')
    expect(halfDayOf('11:59')).toBe('morning')
    expect(halfDayOf('12:00')).toBe('afternoon')
    expect(halfDayOf('14:10')).toBe('afternoon')
    expect(halfDayOf('later')).toBeNull()
  })
})

describe('absence totals for the report card', () => {
  const P1: Period = { id: 'P1', startDate: '2026-09-01', endDate: '2026-10-31' }
  const P2: Period = { id: 'P2', startDate: '2026-11-01', endDate: '2026-12-20' }
  const zero = { absences: 0, excused: 0, lates: 0, halfDaysAbsent: 0, daysAbsent: 0, present: 0 }
  const totalsOf = (records: AttendanceRecord[], periods: Period[] = [P1, P2]) => attendanceTotals(records, periods)

  it('counts each status per pupil and per period, across two periods', () => {
    const records: AttendanceRecord[] = [
      { student: 1, date: '2026-09-07', status: 'present' },
      { student: 1, date: '2026-09-08', status: 'absent' },
      { student: 1, date: '2026-09-09', status: 'late' },
      { student: 1, date: '2026-10-31', status: 'excused' },
      { student: 1, date: '2026-11-02', status: 'absent' },
      { student: 1, date: '2026-11-03', status: 'absent' },
      { student: 2, date: '2026-11-02', status: 'late' },
      { student: 2, date: '2026-11-03', status: 'present' },
    ]
    expect(totalsOf(records)).toEqual([
      { student: 1, period: 'P1', ...zero, absences: 1, excused: 1, lates: 1, present: 1, halfDaysAbsent: 1, daysAbsent: 1 },
      { student: 1, period: 'P2', ...zero, absences: 2, halfDaysAbsent: 2, daysAbsent: 2 },
      { student: 2, period: 'P1', ...zero },
      { student: 2, period: 'P2', ...zero, lates: 1, present: 1 },
    ])
  })

  it('includes both ends of a period and ignores records outside every period', () => {
    const records: AttendanceRecord[] = [
      { student: 1, date: '2026-08-31', status: 'absent' },
      { student: 1, date: '2026-09-01', status: 'absent' },
      { student: 1, date: '2026-10-31', status: 'absent' },
      { student: 1, date: '2026-12-21', status: 'absent' },
      { student: 3, date: '2027-01-05', status: 'absent' },
    ]
    const totals = totalsOf(records)
    expect(totals.map((t) => [t.student, t.period, t.absences])).toEqual([
      [1, 'P1', 2],
      [1, 'P2', 0],
    ])
  })

  it('counts a record in every period it falls in (a term and its semester)', () => {
    const S1: Period = { id: 'S1', startDate: '2026-09-01', endDate: '2027-01-31' }
    const totals = totalsOf([{ student: 1, date: '2026-09-08', status: 'absent' }, { student: 1, date: '2026-11-10', status: 'absent' }], [P1, P2, S1])
    expect(totals.map((t) => [t.period, t.absences, t.daysAbsent])).toEqual([
      ['P1', 1, 1],
      ['P2', 1, 1],
      ['S1', 2, 2],
    ])
  })

  it('does not count excused absences or lateness as days or half-days absent', () => {
    const [p1] = totalsOf([
      { student: 1, date: '2026-09-08', status: 'excused', halfDay: 'morning' },
      { student: 1, date: '2026-09-09', status: 'late', halfDay: 'morning' },
    ])
    expect(p1).toMatchObject({ excused: 1, lates: 1, absences: 0, halfDaysAbsent: 0, daysAbsent: 0 })
  })

  describe('half-days and days absent', () => {
    const oneDay = (records: Omit<AttendanceRecord, 'student' | 'date' | 'status'>[]) =>
      totalsOf(records.map((r) => ({ student: 1, date: '2026-09-08', status: 'absent' as const, ...r })))[0]

    it('count the morning and the afternoon of one date as two half-days and one day', () => {
      expect(oneDay([{ halfDay: 'morning' }, { halfDay: 'afternoon' }])).toMatchObject({ absences: 2, halfDaysAbsent: 2, daysAbsent: 1 })
    })

    it('count three lessons missed in one morning as three absences, one half-day, one day', () => {
      const lessons = [1, 2, 3].map((slot) => ({ slot, halfDay: 'morning' as const }))
      expect(oneDay(lessons)).toMatchObject({ absences: 3, halfDaysAbsent: 1, daysAbsent: 1 })
    })

    it('count a daily register\'s absence (no half-day) as one half-day', () => {
      expect(oneDay([{}])).toMatchObject({ absences: 1, halfDaysAbsent: 1, daysAbsent: 1 })
      expect(oneDay([{ halfDay: null, slot: null }])).toMatchObject({ halfDaysAbsent: 1 })
    })

    it('count lessons recorded without a half-day as the date, one unit however many', () => {
      expect(oneDay([{ slot: 1 }, { slot: 2 }, { slot: 5 }])).toMatchObject({ absences: 3, halfDaysAbsent: 1, daysAbsent: 1 })
    })

    it('never count a record without a half-day on top of a known half of the same date (it may be that very half)', () => {
      expect(oneDay([{ slot: 1, halfDay: 'morning' }, { slot: 2 }])).toMatchObject({ absences: 2, halfDaysAbsent: 1, daysAbsent: 1 })
      expect(oneDay([{ halfDay: 'morning' }, { halfDay: 'afternoon' }, {}])).toMatchObject({ halfDaysAbsent: 2, daysAbsent: 1 })
    })

    it('add up over dates, each date on its own', () => {
      const records: AttendanceRecord[] = [
        { student: 1, date: '2026-09-08', status: 'absent', halfDay: 'morning' },
        { student: 1, date: '2026-09-08', status: 'absent', halfDay: 'afternoon' },
        { student: 1, date: '2026-09-09', status: 'absent', slot: 4 },
        { student: 1, date: '2026-09-10', status: 'absent', halfDay: 'afternoon' },
        { student: 1, date: '2026-09-10', status: 'excused', halfDay: 'morning' },
        { student: 1, date: '2026-09-11', status: 'late', halfDay: 'morning' },
      ]
      expect(totalsOf(records)[0]).toMatchObject({ absences: 4, excused: 1, lates: 1, halfDaysAbsent: 4, daysAbsent: 3 })
    })
  })

  it('reads dates as days, whether written as days, timestamps or Dates, and skips unreadable ones', () => {
    const totals = totalsOf(
      [
        { student: 1, date: new Date('2026-10-31T12:00:00Z'), status: 'absent' },
        { student: 1, date: '2026-11-01T08:00:00.000Z', status: 'absent' },
        { student: 1, date: 'yesterday', status: 'absent' },
      ],
      [
        { id: 'P1', startDate: new Date('2026-09-01T12:00:00Z'), endDate: '2026-10-31T12:00:00.000Z' },
        { id: 'P2', startDate: '2026-11-01', endDate: '2026-12-20' },
      ],
    )
    expect(totals.map((t) => [t.period, t.absences])).toEqual([
      ['P1', 1],
      ['P2', 1],
    ])
  })

  it('matches pupils whether their ids come as numbers or strings', () => {
    const totals = totalsOf([
      { student: 7, date: '2026-09-08', status: 'absent' },
      { student: '7', date: '2026-09-09', status: 'absent' },
    ])
    expect(totals.map((t) => [t.student, t.period, t.absences])).toEqual([
      [7, 'P1', 2],
      [7, 'P2', 0],
    ])
  })

  it('is empty without records or without periods', () => {
    expect(totalsOf([])).toEqual([])
    expect(totalsOf([{ student: 1, date: '2026-09-08', status: 'absent' }], [])).toEqual([])
  })
})
