/**
 * A report card (bulletin) as printed: a frozen snapshot of one pupil's figures for one term
 * (French scheme) or one period, semester or year (Congolese scheme). Numbers are stored as the
 * bulletin prints them (rounded), so the PDF and the portal show the same figures forever.
 */
import type { RdcBulletin } from './results'

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
