import { clashes, dayOf, formatTime, parseTime, slotOccurrences, slotProblem, weekOf, type Slot } from '../../src/domain/timetable'

const MONDAY = 1
const TUESDAY = 2
const slot = (fields: Partial<Slot>): Slot => ({ class: '6A', weekday: MONDAY, start: '08:00', duration: 60, ...fields })

describe('times of day', () => {
  it('reads "HH:MM" and "H:MM" as minutes since midnight', () => {
    expect(parseTime('00:00')).toBe(0)
    expect(parseTime('08:30')).toBe(510)
    expect(parseTime('8:30')).toBe(510)
    expect(parseTime(' 13:05 ')).toBe(785)
    expect(parseTime('23:59')).toBe(1439)
  })

  it('refuses what is not a time of day', () => {
    for (const text of ['24:00', '12:60', '8h30', '830', '08:3', '', '-1:00', '08:30:00']) expect(parseTime(text)).toBeNull()
    expect(parseTime(null)).toBeNull()
    expect(parseTime(510)).toBeNull()
  })

  it('writes minutes back as "HH:MM"', () => {
    expect(formatTime(0)).toBe('00:00')
    expect(formatTime(510)).toBe('08:30')
    expect(formatTime(1440)).toBe('24:00')
  })
})

describe('a slot that can be saved', () => {
  it('has a weekday, a start and a duration of 5 minutes to 10 hours, ending by midnight', () => {
    expect(slotProblem({ weekday: 1, start: '07:30', duration: 50 })).toBeNull()
    expect(slotProblem({ weekday: 7, start: '23:00', duration: 60 })).toBeNull()
    expect(slotProblem({ weekday: 3, start: '08:00', duration: 5 })).toBeNull()
    expect(slotProblem({ weekday: 3, start: '08:00', duration: 600 })).toBeNull()
  })

  it('names what is wrong', () => {
    expect(slotProblem({ weekday: 0, start: '08:00', duration: 60 })).toBe('invalidWeekday')
    expect(slotProblem({ weekday: 8, start: '08:00', duration: 60 })).toBe('invalidWeekday')
    expect(slotProblem({ weekday: 1.5, start: '08:00', duration: 60 })).toBe('invalidWeekday')
    expect(slotProblem({ weekday: 1, start: '25:00', duration: 60 })).toBe('invalidStart')
    expect(slotProblem({ weekday: 1, start: '08:00', duration: 4 })).toBe('invalidDuration')
    expect(slotProblem({ weekday: 1, start: '08:00', duration: 601 })).toBe('invalidDuration')
    expect(slotProblem({ weekday: 1, start: '08:00', duration: 45.5 })).toBe('invalidDuration')
    expect(slotProblem({ weekday: 1, start: '08:00', duration: Number.NaN })).toBe('invalidDuration')
    expect(slotProblem({ weekday: 1, start: '23:30', duration: 31 })).toBe('endsAfterMidnight')
  })
})

describe('clashes', () => {
  const maths6A = slot({ id: 1, class: '6A', teacher: 'kabongo', room: 'salle-1', start: '08:00', duration: 60 })

  it('refuses a teacher booked in two classes at 08:00 on Monday, naming the other slot', () => {
    const french6B = slot({ class: '6B', teacher: 'kabongo', room: 'salle-2', start: '08:00' })
    expect(clashes(french6B, [maths6A])).toEqual([{ slot: maths6A, reasons: ['teacher'] }])
  })

  it('refuses a room used twice, and lists every reason at once', () => {
    const candidate = slot({ class: '6A', teacher: 'kabongo', room: 'salle-1', start: '08:30', duration: 30 })
    expect(clashes(candidate, [maths6A])).toEqual([{ slot: maths6A, reasons: ['teacher', 'room', 'class'] }])
    expect(clashes(slot({ class: '5A', room: 'salle-1', start: '08:59', duration: 5 }), [maths6A])[0].reasons).toEqual(['room'])
  })

  it('lets lessons that only touch follow each other', () => {
    expect(clashes(slot({ class: '6A', teacher: 'kabongo', start: '09:00' }), [maths6A])).toEqual([])
    expect(clashes(slot({ class: '6A', teacher: 'kabongo', start: '07:00' }), [maths6A])).toEqual([])
  })

  it('finds overlaps of every shape: inside, around, across either end', () => {
    const others = [
      slot({ id: 'inside', start: '08:15', duration: 15 }),
      slot({ id: 'around', start: '07:00', duration: 180 }),
      slot({ id: 'before', start: '07:30', duration: 45 }),
      slot({ id: 'after', start: '08:45', duration: 60 }),
    ]
    expect(clashes(maths6A, others).map((c) => c.slot.id)).toEqual(['inside', 'around', 'before', 'after'])
  })

  it('ignores other weekdays', () => {
    expect(clashes(slot({ teacher: 'kabongo', weekday: TUESDAY }), [maths6A])).toEqual([])
  })

  it('ignores the slot being edited (its saved version), whether its id comes as a number or a string', () => {
    expect(clashes({ ...maths6A, start: '08:30' }, [maths6A])).toEqual([])
    expect(clashes({ ...maths6A, id: '1', start: '08:30' }, [maths6A])).toEqual([])
  })

  it('compares ids of teachers, rooms and classes whatever their type', () => {
    const saved = slot({ id: 9, class: 6, teacher: 3, room: 4 })
    expect(clashes(slot({ class: '6', teacher: '3', room: '4' }), [saved])[0].reasons).toEqual(['teacher', 'room', 'class'])
  })

  it('never clashes on a missing teacher or room', () => {
    const noTeacher = slot({ class: '5A', teacher: null, room: null })
    expect(clashes(slot({ class: '6A', teacher: null, room: null }), [noTeacher])).toEqual([])
    expect(clashes(slot({ class: '6A' }), [slot({ class: '5A' })])).toEqual([])
  })

  describe('groups of a class', () => {
    const labGroupA = slot({ id: 'a', class: '4HS', group: 'A', teacher: 'mbuyi', room: 'labo' })

    it('let groups A and B of one class work in parallel', () => {
      const groupB = slot({ class: '4HS', group: 'B', teacher: 'tshala', room: 'salle-4' })
      expect(clashes(groupB, [labGroupA])).toEqual([])
    })

    it('refuse the same group twice at once', () => {
      expect(clashes(slot({ class: '4HS', group: 'A', teacher: 'tshala' }), [labGroupA])).toEqual([{ slot: labGroupA, reasons: ['group'] }])
    })

    it('refuse a whole-class lesson over a group lesson, either way round', () => {
      const wholeClass = slot({ id: 'w', class: '4HS', group: null, teacher: 'tshala' })
      expect(clashes(wholeClass, [labGroupA])).toEqual([{ slot: labGroupA, reasons: ['class'] }])
      expect(clashes(labGroupA, [wholeClass])).toEqual([{ slot: wholeClass, reasons: ['class'] }])
      expect(clashes(slot({ class: '4HS', group: '' }), [labGroupA])[0].reasons).toEqual(['class'])
    })

    it('do not join groups of different classes', () => {
      expect(clashes(slot({ class: '4LIT', group: 'A' }), [labGroupA])).toEqual([])
    })
  })

  it('returns every clashing slot, and none for a candidate that could not be saved', () => {
    const others = [maths6A, slot({ id: 2, class: '5A', room: 'salle-1' }), slot({ id: 3, class: '4A' })]
    expect(clashes(slot({ class: '6A', room: 'salle-1' }), others).map((c) => [c.slot.id, c.reasons])).toEqual([
      [1, ['room', 'class']],
      [2, ['room']],
    ])
    expect(clashes(slot({ class: '6A', start: 'soon' }), others)).toEqual([])
    expect(clashes(slot({ class: '6A' }), [slot({ class: '6A', duration: 0 })])).toEqual([])
  })
})

describe('the week as shown', () => {
  it('sorts by weekday then start time (not as text) and computes each end', () => {
    const week = weekOf([
      slot({ id: 'tue', weekday: TUESDAY, start: '07:30', duration: 50 }),
      slot({ id: 'mon-late', start: '10:00', duration: 50 }),
      slot({ id: 'mon-early', start: '8:00', duration: 100 }),
      slot({ id: 'sat', weekday: 6, start: '09:00', duration: 45 }),
    ])
    expect(week.map((s) => [s.id, s.start, s.end])).toEqual([
      ['mon-early', '08:00', '09:40'],
      ['mon-late', '10:00', '10:50'],
      ['tue', '07:30', '08:20'],
      ['sat', '09:00', '09:45'],
    ])
  })

  it('keeps each slot\'s fields and leaves out slots that could not be saved', () => {
    const week = weekOf([slot({ id: 1, teacher: 't', room: 'r', group: 'A' }), slot({ id: 2, weekday: 9 })])
    expect(week).toEqual([{ id: 1, class: '6A', group: 'A', teacher: 't', room: 'r', weekday: 1, start: '08:00', duration: 60, end: '09:00' }])
  })
})

describe('dates', () => {
  it('reads a day as written, a timestamp by its UTC day, and refuses impossible days', () => {
    expect(dayOf('2026-09-07')).toBe('2026-09-07')
    expect(dayOf('2026-09-07T12:00:00.000Z')).toBe('2026-09-07')
    expect(dayOf(new Date('2026-09-07T12:00:00Z'))).toBe('2026-09-07')
    expect(dayOf('2026-02-30')).toBeNull()
    expect(dayOf('07/09/2026')).toBeNull()
    expect(dayOf(new Date('nonsense'))).toBeNull()
  })
})

describe('the dates a slot falls on', () => {
  it('starts on the first matching weekday on or after the first day, and includes the last day', () => {
    // 2026-09-01 is a Tuesday; 2026-09-30 a Wednesday.
    expect(slotOccurrences({ weekday: MONDAY }, '2026-09-01', '2026-09-30')).toEqual(['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28'])
    expect(slotOccurrences({ weekday: TUESDAY }, '2026-09-01', '2026-09-15')).toEqual(['2026-09-01', '2026-09-08', '2026-09-15'])
    expect(slotOccurrences({ weekday: 7 }, '2026-09-01', '2026-09-13')).toEqual(['2026-09-06', '2026-09-13'])
  })

  it('takes Dates and timestamps, across month and year ends', () => {
    expect(slotOccurrences({ weekday: 5 }, new Date('2026-12-20T12:00:00Z'), '2027-01-10T00:00:00.000Z')).toEqual([
      '2026-12-25',
      '2027-01-01',
      '2027-01-08',
    ])
  })

  it('counts a whole school year: 2026-2027 has 43 Mondays from 7 September to 2 July', () => {
    const mondays = slotOccurrences({ weekday: MONDAY }, '2026-09-01', '2027-07-02')
    expect(mondays).toHaveLength(43)
    expect(mondays[0]).toBe('2026-09-07')
    expect(mondays.at(-1)).toBe('2027-06-28')
    expect(mondays.every((day) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1)).toBe(true)
  })

  it('is empty for a reversed or unreadable range, or a wrong weekday', () => {
    expect(slotOccurrences({ weekday: MONDAY }, '2026-09-30', '2026-09-01')).toEqual([])
    expect(slotOccurrences({ weekday: MONDAY }, '2026-09-08', '2026-09-13')).toEqual([])
    expect(slotOccurrences({ weekday: MONDAY }, 'soon', '2026-09-13')).toEqual([])
    expect(slotOccurrences({ weekday: 0 }, '2026-09-01', '2026-09-30')).toEqual([])
  })
})
