import { classStatistics, round, scoreProblem } from '../../domain/grading'

/**
 * One pupil's line of the mark sheet as typed: a status and the score's text ("12,5" as well as
 * "12.5"), and the comment the mark already has.
 */
export type Line = { status: 'scored' | 'absent' | 'exempt'; text: string; comment?: string | null }
export type Problem = NonNullable<ReturnType<typeof scoreProblem>>

export const emptyLine: Line = { status: 'scored', text: '' }

const parseScore = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')))

/** What is wrong with a typed score, as the server would say it, or null. */
export const lineProblem = (line: Line, maximum: number): Problem | null => {
  const score = parseScore(line.text)
  return line.status !== 'scored' || score === null ? null : scoreProblem(score, maximum)
}

/** The line a saved grade shows, its score written the way the teacher's language writes decimals. */
export const lineOf = (grade: { status?: string | null; score?: number | null; comment?: string | null }, locale: string): Line => ({
  ...(grade.status === 'absent' || grade.status === 'exempt'
    ? { status: grade.status, text: '' }
    : { status: 'scored', text: grade.score == null ? '' : String(grade.score).replace('.', locale === 'fr' ? ',' : '.') }),
  comment: grade.comment ?? null,
})

/** Average, lowest and highest of the valid scores typed so far (absent and exempt do not count). */
export const sheetStatistics = (lines: Line[], maximum: number) => {
  const scores = lines.map((line) => (line.status === 'scored' && !lineProblem(line, maximum) ? parseScore(line.text) : null))
  const statistics = classStatistics(scores)
  return { ...statistics, average: statistics.average === null ? null : round(statistics.average, 2) }
}

/**
 * The mark sheet's body: every pupil's line; an empty score with no status clears that pupil's
 * mark. The comment goes back as it was: the sheet writes a line's comment whole, absent or not.
 */
export const sheetGrades = (lines: [number, Line][]) =>
  lines.map(([student, line]) => {
    const comment = line.comment ? { comment: line.comment } : {}
    if (line.status !== 'scored') return { student, status: line.status, score: null, ...comment }
    const score = parseScore(line.text)
    return score === null ? { student, score: null } : { student, status: 'scored' as const, score, ...comment }
  })
