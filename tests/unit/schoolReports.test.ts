import { attendanceTotals, type AttendanceRecord } from '../../src/domain/attendance'
import { attendanceRate, attendanceReport, classListReport, halfDayTallies, passRate, resultsReport } from '../../src/domain/schoolReports'

describe('class list', () => {
  const pupils = [
    { matricule: 'M1', fullName: 'ILUNGA Marie', sex: 'F', birthDate: '2015-03-09T00:00:00.000Z', guardianPhones: ['+243810000001', '', '+243990000002'] },
    { matricule: 'M2', fullName: 'KABILA Paul', sex: 'M', birthDate: null },
  ]

  it('numbers the pupils in the order given, with their guardians’ phones', () => {
    const table = classListReport(pupils)
    expect(table.columns.map((c) => c.key)).toEqual(['number', 'matricule', 'fullName', 'sex', 'birthDate', 'guardianPhones'])
    expect(table.rows).toEqual([
      { number: 1, matricule: 'M1', fullName: 'ILUNGA Marie', sex: 'F', birthDate: '2015-03-09', guardianPhones: '+243810000001, +243990000002' },
      { number: 2, matricule: 'M2', fullName: 'KABILA Paul', sex: 'M', birthDate: null, guardianPhones: '' },
    ])
    expect(table.totals).toEqual([])
  })

  it('names only: no sex, birth date or phone', () => {
    const table = classListReport(pupils, { namesOnly: true })
    expect(table.columns.map((c) => c.key)).toEqual(['number', 'matricule', 'fullName'])
    expect(table.rows[0]).toEqual({ number: 1, matricule: 'M1', fullName: 'ILUNGA Marie' })
  })
})

describe('attendance in half-days', () => {
  const on = (student: number, date: string, status: AttendanceRecord['status'], halfDay: AttendanceRecord['halfDay'] = null, slot: number | null = null): AttendanceRecord => ({ student, date, status, halfDay, slot })

  it('counts a half-day register one half-day per record', () => {
    const tally = halfDayTallies([on(1, '2026-10-05', 'present', 'morning'), on(1, '2026-10-05', 'absent', 'afternoon'), on(1, '2026-10-06', 'late', 'morning'), on(1, '2026-10-06', 'excused', 'afternoon')], '2026-10-01', '2026-10-31')
    expect(tally.get('1')).toEqual({ present: 1, absent: 1, late: 1, excused: 1 })
  })

  it('a daily register: one half-day per date; lessons of one half: that half once, under its worst status', () => {
    const records = [
      on(1, '2026-10-05', 'present'),
      on(1, '2026-10-06', 'present', 'morning', 11),
      on(1, '2026-10-06', 'late', 'morning', 12),
      on(1, '2026-10-06', 'present', 'afternoon', 13),
    ]
    expect(halfDayTallies(records, '2026-10-01', '2026-10-31').get('1')).toEqual({ present: 2, absent: 0, late: 1, excused: 0 })
  })

  it('counts the absences as the report card does', () => {
    const records = [
      on(1, '2026-10-05', 'absent', null, 11),
      on(1, '2026-10-05', 'absent', null, 12),
      on(1, '2026-10-06', 'absent', 'morning'),
      on(1, '2026-10-06', 'absent', 'afternoon'),
      on(1, '2026-10-07', 'absent', 'morning'),
      on(1, '2026-10-07', 'present'),
      on(2, '2026-10-07', 'absent'),
      on(2, '2026-10-07', 'present', 'afternoon'),
    ]
    const tally = halfDayTallies(records, '2026-10-01', '2026-10-31')
    const card = attendanceTotals(records, [{ id: 'october', startDate: '2026-10-01', endDate: '2026-10-31' }])
    for (const line of card) expect(tally.get(String(line.student))!.absent).toBe(line.halfDaysAbsent)
    expect(tally.get('1')).toEqual({ present: 0, absent: 4, late: 0, excused: 0 })
    // The named afternoon is another half-day than the absence of unknown half… or the same: counted as the report card does.
    expect(tally.get('2')).toEqual({ present: 1, absent: 1, late: 0, excused: 0 })
  })

  it('leaves out the records outside the period', () => {
    expect(halfDayTallies([on(1, '2026-09-30', 'absent'), on(1, '2026-11-01', 'absent')], '2026-10-01', '2026-10-31').size).toBe(0)
  })

  it('rates present and late out of every half-day, and totals the class', () => {
    expect(attendanceRate({ present: 6, late: 1, absent: 2, excused: 1 })).toBe(70)
    expect(attendanceRate({ present: 0, late: 0, absent: 0, excused: 0 })).toBeNull()
    const table = attendanceReport(
      [{ id: 1, matricule: 'M1', fullName: 'A' }, { id: 2, matricule: 'M2', fullName: 'B' }, { id: 3, matricule: 'M3', fullName: 'C' }],
      [on(1, '2026-10-05', 'present', 'morning'), on(1, '2026-10-05', 'present', 'afternoon'), on(2, '2026-10-05', 'absent', 'morning'), on(2, '2026-10-05', 'late', 'afternoon')],
      '2026-10-01',
      '2026-10-31',
    )
    expect(table.rows).toEqual([
      { matricule: 'M1', fullName: 'A', present: 2, absent: 0, late: 0, excused: 0, rate: 100 },
      { matricule: 'M2', fullName: 'B', present: 0, absent: 1, late: 1, excused: 0, rate: 50 },
      { matricule: 'M3', fullName: 'C', present: 0, absent: 0, late: 0, excused: 0, rate: null },
    ])
    expect(table.totals).toEqual([{ values: { present: 2, absent: 1, late: 1, excused: 0, rate: 75 } }])
  })
})

describe('results', () => {
  it('pass rate: half the maximum passes, among the pupils with a mark', () => {
    expect(passRate([10, 9.99, 15, null], 20)).toBe(66.7)
    expect(passRate([null], 20)).toBeNull()
    expect(passRate([30], null)).toBeNull()
  })

  it('per subject: average, lowest, highest, pass rate; per pupil: best first, unranked last', () => {
    const [subjects, pupils] = resultsReport({
      scheme: 'french',
      subjects: [{ name: 'Mathématiques', maximum: 20, marks: [12.5, 8, null] }],
      pupils: [
        { matricule: 'M1', fullName: 'B', average: 8, rank: 2 },
        { matricule: 'M2', fullName: 'A', average: 12.5, rank: 1 },
        { matricule: 'M3', fullName: 'C', average: null, rank: null },
      ],
      classAverage: 10.25,
    })
    expect(subjects.title).toBe('subjects')
    expect(subjects.rows).toEqual([{ subject: 'Mathématiques', maximum: 20, graded: 2, average: 10.25, min: 8, max: 12.5, passRate: 50 }])
    expect(pupils.rows.map((r) => [r.rank, r.fullName, r.average, r.result])).toEqual([[1, 'A', 12.5, 'passed'], [2, 'B', 8, 'failed'], [null, 'C', null, '']])
    expect(pupils.totals).toEqual([{ label: 'classAverage', values: { average: 10.25 } }])
  })

  it('the Congolese scheme ranks on the percentage, subjects in points out of their maximum', () => {
    const [subjects, pupils] = resultsReport({ scheme: 'rdc', subjects: [{ name: 'Français', maximum: 40, marks: [20, 19] }], pupils: [{ matricule: 'M1', fullName: 'A', average: 50, rank: 1 }], classAverage: 50 })
    expect(subjects.rows[0]).toMatchObject({ maximum: 40, passRate: 50 })
    expect(pupils.columns.map((c) => c.key)).toEqual(['rank', 'matricule', 'fullName', 'percentage', 'result'])
    expect(pupils.rows[0]).toMatchObject({ percentage: 50, result: 'passed' })
  })
})
