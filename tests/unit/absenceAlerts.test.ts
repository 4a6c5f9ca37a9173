import { absenceEvent, absenceVars, alertable, closesAlert, makesAlert } from '../../src/domain/absenceAlerts'

describe('which records alert the family', () => {
  it('an absence or a lateness does; presence and an excused absence do not', () => {
    expect(['present', 'absent', 'late', 'excused', undefined].map(makesAlert)).toEqual([false, true, true, false, false])
  })

  it('one event per pupil and school day, whatever the lesson', () => {
    expect(absenceEvent(42, '2026-12-07')).toBe('absence:42:2026-12-07')
    expect(absenceEvent('42', '2026-12-07')).toBe(absenceEvent(42, '2026-12-07'))
    expect(absenceEvent(42, '2026-12-08')).not.toBe(absenceEvent(42, '2026-12-07'))
  })

  it('a register of today or of the last three days alerts; an older or a future one does not', () => {
    const today = '2026-12-07'
    expect(['2026-12-07', '2026-12-06', '2026-12-04', '2026-12-03', '2026-12-08', '2026-11-09'].map((day) => alertable(day, today))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ])
    // Across a month's and a year's end.
    expect(alertable('2026-12-30', '2027-01-02')).toBe(true)
  })
})

describe('what the alert says', () => {
  it('counts the absences and late arrivals and names the lessons in the order of the day', () => {
    expect(
      absenceVars('MUKENDI Grâce', '2026-12-07', [
        { status: 'absent', lesson: { subject: 'Français', start: '10:00' } },
        { status: 'present', lesson: { subject: 'Histoire', start: '09:00' } },
        { status: 'late', lesson: { subject: 'Mathématiques', start: '07:30' } },
        { status: 'excused', lesson: { subject: 'Anglais', start: '11:00' } },
      ]),
    ).toEqual({ pupil: 'MUKENDI Grâce', date: '07/12/2026', absences: 1, lates: 1, lessons: ' (Mathématiques 07:30, Français 10:00)', variant: 'Both' })
  })

  it('a register of the half-day or the whole day names no lesson', () => {
    expect(absenceVars('KASONGO Exaucé', '2026-12-07', [{ status: 'absent' }, { status: 'absent', lesson: null }])).toEqual({
      pupil: 'KASONGO Exaucé',
      date: '07/12/2026',
      absences: 2,
      lates: 0,
      lessons: '',
      variant: 'Absent',
    })
  })

  it('says late alone when the pupil was only late', () => {
    expect(absenceVars('KASONGO Exaucé', '2026-12-07', [{ status: 'late', lesson: { subject: 'Français', start: '07:30' } }])).toMatchObject({ absences: 0, lates: 1, variant: 'Late' })
  })
})

describe('what closes the alert', () => {
  it('a justification written where there was none, as text or as a document', () => {
    expect(closesAlert({ status: 'absent' }, { status: 'absent', justification: 'Malade' })).toBe(true)
    expect(closesAlert({ status: 'late', justification: '' }, { status: 'late', justificationDocument: 12 })).toBe(true)
    expect(closesAlert({ status: 'absent' }, { status: 'absent', justification: '   ' })).toBe(false)
    // A justification edited again closes nothing more.
    expect(closesAlert({ status: 'absent', justification: 'Malade' }, { status: 'absent', justification: 'Malade (certificat)' })).toBe(false)
  })

  it('an absence re-recorded as excused', () => {
    expect(closesAlert({ status: 'absent' }, { status: 'excused' })).toBe(true)
    expect(closesAlert({ status: 'excused' }, { status: 'excused' })).toBe(false)
    expect(closesAlert(null, { status: 'excused' })).toBe(false)
    expect(closesAlert({ status: 'absent' }, { status: 'present' })).toBe(false)
  })
})
