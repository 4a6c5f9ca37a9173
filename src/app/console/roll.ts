/** The roll as the teacher takes it: everyone present, exceptions tapped; what the roll-calls resource expects back. */
export const rollStatuses = ['present', 'absent', 'late'] as const
export type RollStatus = (typeof rollStatuses)[number] | 'excused'
export type Mark = { status: RollStatus; minutesLate: number | null; note?: string | null }
export type Session = { slot: number | null; halfDay: 'morning' | 'afternoon' | null }

type Recorded = { student: number; slot?: number | null; halfDay?: string | null; status: string; minutesLate?: number | null; note?: string | null }

export const present: Mark = { status: 'present', minutesLate: null }

/** Whether an attendance record belongs to this part of the day: the lesson, or else the half-day (none: the whole day). */
const inSession = (record: Recorded, session: Session) =>
  session.slot != null ? record.slot === session.slot : record.slot == null && (record.halfDay ?? null) === session.halfDay

/** The roll already saved for a session, by student. */
export const savedRoll = (records: Recorded[], session: Session) =>
  new Map<number, Mark>(
    records
      .filter((record) => inSession(record, session))
      .map((record) => [record.student, { status: record.status as RollStatus, minutesLate: record.minutesLate ?? null, note: record.note ?? null }]),
  )

/** An excused absence is still an absence in the counts. */
export const rollCounts = (marks: Mark[]) => ({
  present: marks.filter((mark) => mark.status === 'present').length,
  absent: marks.filter((mark) => mark.status === 'absent' || mark.status === 'excused').length,
  late: marks.filter((mark) => mark.status === 'late').length,
  total: marks.length,
})

/**
 * Only the exceptions travel: the server saves everyone else present, without a note. So a
 * pupil's note already recorded travels too, or saving the roll again would wipe it.
 */
export const rollEntries = (marks: Map<number, Mark>) =>
  [...marks]
    .filter(([, mark]) => mark.status !== 'present' || mark.note)
    .map(([student, mark]) => ({
      student,
      status: mark.status,
      ...(mark.status === 'late' && mark.minutesLate != null ? { minutesLate: mark.minutesLate } : {}),
      ...(mark.note ? { note: mark.note } : {}),
    }))
