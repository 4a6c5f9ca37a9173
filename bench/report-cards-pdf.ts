/**
 * 1,000 twelve-course Congolese bulletins rendered to PDF (no database), one file each, on the
 * render pool (a thread per core), then the same cards 40 to a file as classes are printed.
 * Options: --count <n> (default 1000), --threads <n> (default: the cores), --out <file.pdf> to
 * keep the first card for a look.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { RdcLine, ReportCardSnapshot } from '../src/domain/reportCard'
import { renderPool } from '../src/pdf/pool'

const { values } = parseArgs({ args: process.argv.slice(3), options: { count: { type: 'string', default: '1000' }, threads: { type: 'string' }, out: { type: 'string' } } })
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

const pool = renderPool(values.threads ? { threads: Number(values.threads) } : {})
const cards = Array.from({ length: count }, (_, n) => ({ snapshot: card(n) }))
const peakRss = () => {
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  return () => (clearInterval(sampler), `${(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024).toFixed(0)} MB`)
}

let peak = peakRss()
let started = performance.now()
let bytes = 0
await Promise.all(
  cards.map(async (c, n) => {
    const pdf = await pool.render([c])
    bytes += pdf.length
    if (n === 0 && values.out) writeFileSync(values.out, pdf)
  }),
)
let seconds = (performance.now() - started) / 1000
console.log(`${count} report cards (12 courses, Congolese), a PDF each: ${seconds.toFixed(2)} s, ${(count / seconds).toFixed(1)} PDFs/s, ${(bytes / count / 1024).toFixed(1)} kB a PDF, peak RSS ${peak()}`)

peak = peakRss()
started = performance.now()
bytes = 0
const classes = Array.from({ length: Math.ceil(count / 40) }, (_, k) => cards.slice(k * 40, k * 40 + 40))
await Promise.all(classes.map(async (c) => {
  const pdf = await pool.render(c)
  bytes += pdf.length
}))
seconds = (performance.now() - started) / 1000
console.log(`the same as ${classes.length} class PDFs: ${seconds.toFixed(2)} s, ${(count / seconds).toFixed(1)} pages/s, ${(bytes / classes.length / 1024).toFixed(0)} kB a class, peak RSS ${peak()}`)
console.log(`peak RSS of the whole bench: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
await pool.close()
