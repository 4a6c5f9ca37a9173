/**
 * A report card (bulletin) as printed: a frozen snapshot of one pupil's figures for one term
 * (French scheme) or one period, semester or year (Congolese scheme). Numbers are stored as the
 * bulletin prints them (rounded), so the PDF and the portal show the same figures forever.
 */
import { round } from './grading'
import type { frenchResults, ID, RdcBulletin, rdcResults } from './results'

export type Points = { points: number; maximum: number }

export type ReportCardSchool = { name: string; code?: string | null; address?: string | null; city?: string | null; province?: string | null; phone?: string | null }
export type ReportCardPupil = {
  fullName: string
  lastName: string
  postName?: string | null
  firstName?: string | null
  matricule: string
  sex?: 'M' | 'F' | null
  birthDate?: string | null
  birthPlace?: string | null
}
export type Attendance = { absences: number; halfDaysAbsent: number; excused: number; lates: number }

/** French scheme: averages out of 20, weighted by each subject's coefficient. */
export type FrenchLine = { subject: string; coefficient: number; average: number | null; classAverage: number | null; min: number | null; max: number | null; rank: number | null }
export type FrenchSnapshot = {
  scheme: 'french'
  lines: FrenchLine[]
  average: number | null
  classAverage: number | null
  min: number | null
  max: number | null
  rank: number | null
}

/** Congolese scheme: points over maxima per period and exam, semester totals, T.G., percentage and place. */
export type RdcLine = {
  subject: string
  /** The course's maximum per period this school year (the exam's is twice it). */
  periodMaximum: number
  P1: number | null
  P2: number | null
  EX1: number | null
  S1: number | null
  P3: number | null
  P4: number | null
  EX2: number | null
  S2: number | null
  total: number | null
}
export type RdcSnapshot = {
  scheme: 'rdc'
  bulletin: RdcBulletin
  lines: RdcLine[]
  /** The column totals (maxima généraux and the pupil's totals). */
  totals: Record<'P1' | 'P2' | 'EX1' | 'S1' | 'P3' | 'P4' | 'EX2' | 'S2' | 'total', Points | null>
  /** Percentage of the bulletin's ranked column, one decimal. */
  percentage: number | null
  classAverage: number | null
  min: number | null
  max: number | null
  rank: number | null
}

export type ReportCardSnapshot = {
  language: 'fr' | 'en'
  school: ReportCardSchool
  pupil: ReportCardPupil
  className: string
  schoolYear: string
  /** The term's or bulletin's name as the school calls it ("1er trimestre", "1re période"). */
  termName: string
  /** Pupils ranked in the class: the N of "place 3 / N". */
  classSize: number
  attendance: Attendance
  conduct?: string | null
  application?: string | null
  teacherAppreciation?: string | null
  headAppreciation?: string | null
  figures: FrenchSnapshot | RdcSnapshot
}

// ---------------------------------------------------------------- from class results to one pupil's card

/** What a pupil's figures are read from: the class's lines and statistics (the rest of the results is not needed). */
type FrenchResults = Pick<ReturnType<typeof frenchResults>, 'students' | 'general'> & {
  subjects: { subject: ID; average: number | null; min: number | null; max: number | null }[]
}
type RdcResults = Pick<ReturnType<typeof rdcResults>, 'students' | 'percentage'>
/** A subject as the bulletin names it. */
export type SubjectInfo = { id: ID; name: string; coefficient: number; periodMaximum: number }

const same = (a: ID, b: ID) => String(a) === String(b)
/** Points are printed with one decimal at most. */
const shown = (value: number | null | undefined) => (value == null ? null : round(value, 1))
const shownPoints = (value: Points | null | undefined): Points | null => (value ? { points: round(value.points, 1), maximum: value.maximum } : null)

/** Pupils with a place: the N of "place 3 / N". */
export const rankedCount = (results: { students: { rank: number | null }[] }) => results.students.filter((line) => line.rank !== null).length

/** One pupil's French-scheme figures out of the class's results; null when the pupil is not in them. */
export const frenchFigures = (results: FrenchResults, student: ID, subjects: SubjectInfo[]): FrenchSnapshot | null => {
  const line = results.students.find((candidate) => same(candidate.student, student))
  if (!line) return null
  const info = new Map(subjects.map((subject) => [String(subject.id), subject]))
  const stats = new Map(results.subjects.map((subject) => [String(subject.subject), subject]))
  return {
    scheme: 'french',
    lines: line.subjects.map(({ subject, average, rank }) => {
      const about = stats.get(String(subject))
      return {
        subject: info.get(String(subject))?.name ?? String(subject),
        coefficient: info.get(String(subject))?.coefficient ?? 1,
        average,
        classAverage: about?.average ?? null,
        min: about?.min ?? null,
        max: about?.max ?? null,
        rank,
      }
    }),
    average: line.average,
    classAverage: results.general.average,
    min: results.general.min,
    max: results.general.max,
    rank: line.rank,
  }
}

/** One pupil's Congolese-scheme figures out of the class's results; null when the pupil is not in them. */
export const rdcFigures = (results: RdcResults, student: ID, subjects: SubjectInfo[], bulletin: RdcBulletin): RdcSnapshot | null => {
  const line = results.students.find((candidate) => same(candidate.student, student))
  if (!line) return null
  const info = new Map(subjects.map((subject) => [String(subject.id), subject]))
  return {
    scheme: 'rdc',
    bulletin,
    lines: line.courses.map((course) => ({
      subject: info.get(String(course.subject))?.name ?? String(course.subject),
      periodMaximum: info.get(String(course.subject))?.periodMaximum ?? 0,
      P1: shown(course.parts.P1?.points),
      P2: shown(course.parts.P2?.points),
      EX1: shown(course.parts.EX1?.points),
      S1: shown(course.semester1?.points),
      P3: shown(course.parts.P3?.points),
      P4: shown(course.parts.P4?.points),
      EX2: shown(course.parts.EX2?.points),
      S2: shown(course.semester2?.points),
      total: shown(course.total?.points),
    })),
    totals: {
      P1: shownPoints(line.totals.parts.P1),
      P2: shownPoints(line.totals.parts.P2),
      EX1: shownPoints(line.totals.parts.EX1),
      S1: shownPoints(line.totals.semester1),
      P3: shownPoints(line.totals.parts.P3),
      P4: shownPoints(line.totals.parts.P4),
      EX2: shownPoints(line.totals.parts.EX2),
      S2: shownPoints(line.totals.semester2),
      total: shownPoints(line.totals.total),
    },
    percentage: line.percentage,
    classAverage: results.percentage.average,
    min: results.percentage.min,
    max: results.percentage.max,
    rank: line.rank,
  }
}

/** Whether a card holds at least one mark: a card of a class whose marks are not entered yet is not published. */
export const hasAnyMark = (figures: FrenchSnapshot | RdcSnapshot | null | undefined) =>
  Boolean(
    figures?.lines.some((line) =>
      'average' in line ? line.average != null : [line.P1, line.P2, line.EX1, line.P3, line.P4, line.EX2].some((points) => points != null),
    ),
  )
