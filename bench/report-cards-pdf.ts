/**
 * 1,000 twelve-course Congolese bulletins rendered to PDF one after another (no database), then
 * merged 40 at a time as a class is printed. Options: --count <n> (default 1000), --out <file.pdf>
 * to keep the first card for a look.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { RdcLine, ReportCardSnapshot } from '../src/domain/reportCard'
import { mergePdfs, renderReportCard } from '../src/pdf/reportCard'

const { values } = parseArgs({ args: process.argv.slice(3), options: { count: { type: 'string', default: '1000' }, out: { type: 'string' } } })
const count = Math.max(1, Number(values.count))

const courses = ['Français', 'Mathématiques', 'Éducation civique et morale', 'Histoire', 'Géographie', 'Biologie', 'Chimie', 'Physique', 'Anglais', 'Religion', 'Éducation physique', 'Dessin']

const card = (n: number): ReportCardSnapshot => {
  const lines: RdcLine[] = courses.map((subject, i) => {
    const max = i < 4 ? 10 : i < 9 ? 20 : 40
    const p = Math.round(max * (0.4 + ((n * 7 + i * 13) % 60) / 100) * 10) / 10
    return { subject, periodMaximum: max, P1: p, P2: p, EX1: 2 * p, S1: 4 * p, P3: p, P4: p, EX2: 2 * p, S2: 4 * p, total: 8 * p }
  })
  const sum = (key: 'P1' | 'P2' | 'EX1' | 'S1' | 'P3' | 'P4' | 'EX2' | 'S2' | 'total', factor: number) => ({
    points: Math.round(lines.reduce((s, l) => s + (l[key] ?? 0), 0) * 10) / 10,
    maximum: lines.reduce((s, l) => s + l.periodMaximum, 0) * factor,
  })
  const totals = { P1: sum('P1', 1), P2: sum('P2', 1), EX1: sum('EX1', 2), S1: sum('S1', 4), P3: sum('P3', 1), P4: sum('P4', 1), EX2: sum('EX2', 2), S2: sum('S2', 4), total: sum('total', 8) }
  return {
    language: 'fr',
    school: { name: 'Institut du Banc d’essai', code: 'BENCH', address: '1, avenue de la Paix, Gombe', city: 'Kinshasa', province: 'Kinshasa' },
    pupil: { fullName: `MUKENDI KUPA Grâce ${n}`, lastName: 'MUKENDI', postName: 'KUPA', firstName: `Grâce ${n}`, matricule: String(1e9 + n), sex: 'F', birthDate: '2012-03-09', birthPlace: 'Kananga' },
    className: `2e Humanités ${1 + (n % 25)}`,
    schoolYear: '2026-2027',
    termName: 'Année',
    classSize: 40,
    attendance: { absences: n % 5, halfDaysAbsent: n % 3, excused: n % 2, lates: n % 4 },
    conduct: 'TB',
    application: 'B',
    teacherAppreciation: 'Élève appliquée ; « bon trimestre », l’effort doit se poursuivre en mathématiques et en physique.',
    headAppreciation: 'Admise en classe supérieure.',
    figures: { scheme: 'rdc', bulletin: 'year', lines, totals, percentage: Math.round((totals.total.points / totals.total.maximum) * 1000) / 10, classAverage: 61.3, min: 38.5, max: 88.2, rank: 1 + (n % 40) },
  }
}

const started = performance.now()
const pdfs: Uint8Array[] = []
let bytes = 0
for (let n = 0; n < count; n++) {
  const pdf = await renderReportCard(card(n))
  bytes += pdf.length
  // Keep one class's worth to time the merge without holding every card in memory.
  if (pdfs.length < 40) pdfs.push(pdf)
}
const seconds = (performance.now() - started) / 1000
if (values.out) writeFileSync(values.out, pdfs[0])

const mergeStarted = performance.now()
const merged = await mergePdfs(pdfs)
const mergeMs = performance.now() - mergeStarted

console.log(`${count} report cards (12 courses, Congolese): ${seconds.toFixed(2)} s, ${(count / seconds).toFixed(1)} PDFs/s`)
console.log(`average size: ${(bytes / count / 1024).toFixed(1)} kB per PDF`)
console.log(`merge of ${pdfs.length} cards: ${mergeMs.toFixed(0)} ms, ${(merged.length / 1024).toFixed(0)} kB`)
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
