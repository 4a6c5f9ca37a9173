import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import type { RdcLine, ReportCardSnapshot } from '../../src/domain/reportCard'
import { renderReportCard, renderReportCards } from '../../src/pdf/reportCard'

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

const subjects = [
  'Français',
  'Mathématiques',
  'Éducation civique',
  'Histoire',
  'Géographie',
  'Biologie',
  'Chimie',
  'Physique',
  'Anglais',
  'Religion',
  'Éducation physique',
  'Dessin',
]

const base = (name: string): Omit<ReportCardSnapshot, 'figures' | 'language'> => {
  const [lastName, postName, firstName] = name.split(' ')
  return {
    school: { name: 'Complexe scolaire Saint-Joseph', code: 'KIN-042', address: '12, avenue de l’Université', city: 'Kinshasa', province: 'Kinshasa' },
    pupil: { fullName: name, lastName, postName, firstName, matricule: '0123456789', sex: 'F', birthDate: '2012-03-09', birthPlace: 'Mbuji-Mayi' },
    className: '2e Humanités A',
    schoolYear: '2026-2027',
    termName: '1er trimestre',
    classSize: 40,
    attendance: { absences: 4, halfDaysAbsent: 7, excused: 2, lates: 5 },
    conduct: 'TB',
    application: 'B',
    teacherAppreciation: 'Élève sérieuse ; « très bon travail » en français, l’effort doit se poursuivre en mathématiques. '.repeat(3),
    headAppreciation: 'Cœur à l’ouvrage. Frais : 50 000 FC (₣) réglés.',
  }
}

const french = (name: string, language: 'fr' | 'en' = 'fr'): ReportCardSnapshot => ({
  ...base(name),
  language,
  figures: {
    scheme: 'french',
    lines: subjects.map((subject, i) => ({ subject, coefficient: 1 + (i % 4), average: i === 11 ? null : 12.5 + i / 4, classAverage: 11.25, min: 4, max: 18.75, rank: i + 1 })),
    average: 13.75,
    classAverage: 11.4,
    min: 6.2,
    max: 17.05,
    rank: 3,
  },
})

const rdc = (name: string, language: 'fr' | 'en' = 'fr'): ReportCardSnapshot => {
  const lines: RdcLine[] = subjects.map((subject, i) => {
    const max = i < 6 ? 10 : 20
    const p = max * 0.75
    return { subject, periodMaximum: max, P1: p, P2: p - 1, EX1: 2 * p, S1: 4 * p - 1, P3: p, P4: p, EX2: 2 * p, S2: 4 * p, total: 8 * p - 1 }
  })
  const points = (key: keyof RdcLine, factor: number) => ({ points: lines.reduce((s, l) => s + Number(l[key]), 0), maximum: 180 * factor })
  return {
    ...base(name),
    language,
    figures: {
      scheme: 'rdc',
      bulletin: 'year',
      lines,
      totals: { P1: points('P1', 1), P2: points('P2', 1), EX1: points('EX1', 2), S1: points('S1', 4), P3: points('P3', 1), P4: points('P4', 1), EX2: points('EX2', 2), S2: points('S2', 4), total: points('total', 8) },
      percentage: 74.7,
      classAverage: 61.3,
      min: 38.5,
      max: 88.2,
      rank: 3,
    },
  }
}

const folder = mkdtempSync(path.join(tmpdir(), 'kelasi-pdf-'))
let count = 0
/** The PDF's text as pdftotext lays it out, with runs of spaces collapsed. */
const text = (pdf: Uint8Array) => {
  const file = path.join(folder, `card-${++count}.pdf`)
  writeFileSync(file, pdf)
  const result = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  expect(result.status).toBe(0)
  return result.stdout.replace(/[ \u00a0]+/g, ' ')
}

describe('report card PDF', () => {
  it('prints a French-scheme bulletin with accents, every subject and French numbers', async () => {
    const pdf = await renderReportCard(french('MUKENDI KUPA Grâce'))
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1)
    const out = text(pdf)
    expect(out).toContain('MUKENDI KUPA Grâce')
    expect(out).toContain('BULLETIN SCOLAIRE')
    for (const subject of subjects) expect(out).toContain(subject)
    expect(out).toMatch(/Français 1 12,5 11,25 4 18,75 1er/)
    expect(out).toMatch(/Dessin 4 — 11,25/)
    expect(out).toMatch(/Moyenne générale 30 13,75 11,4 6,2 17,05 3e \/ 40/)
    expect(out).toContain('Né(e) à Mbuji-Mayi le 09/03/2012')
    expect(out).toContain('retards : 5')
    expect(out).toContain('« très bon travail »')
    expect(out).toContain('Cœur à l’ouvrage. Frais : 50 000 FC (₣)')
    expect(out).toContain('Le chef d’établissement')
  })

  it('prints English labels and decimal points', async () => {
    const out = text(await renderReportCard(french('MUKENDI KUPA Grâce', 'en')))
    expect(out).toContain('REPORT CARD')
    expect(out).toMatch(/Français 1 12.5 11.25 4 18.75 1st/)
    expect(out).toMatch(/Mathématiques 2 12.75 11.25 4 18.75 2nd/)
    expect(out).toMatch(/Overall average 30 13.75 11.4 6.2 17.05 3rd \/ 40/)
  })

  it('prints a Congolese bulletin with points, maxima, totals, percentage and place', async () => {
    const out = text(await renderReportCard(rdc('KABILA KABANGE Joséphine')))
    expect(out).toContain('KABILA KABANGE Joséphine')
    for (const subject of subjects) expect(out).toContain(subject)
    expect(out).toMatch(/Branches Max P1 P2 Exam Total S1 P3 P4 Exam Total S2 T\.G\./)
    expect(out).toMatch(/Français 10 7,5 6,5 15 29 7,5 7,5 15 30 59/)
    expect(out).toMatch(/Dessin 20 15 14 30 59 15 15 30 60 119/)
    expect(out).toMatch(/Maxima généraux 180 180 360 720 180 180 360 720 1440/)
    expect(out).toMatch(/Totaux 135 123 270 528 135 135 270 540 1068/)
    expect(out).toMatch(/Pourcentage 74,7 %/)
    expect(out).toMatch(/Place 3e \/ 40/)
    expect(out).toMatch(/Application B/)
    expect(out).toMatch(/Conduite TB/)
  })

  it('prints the Congolese bulletin in English', async () => {
    const out = text(await renderReportCard(rdc('KABILA KABANGE Joséphine', 'en')))
    expect(out).toMatch(/Percentage 74.7%/)
    expect(out).toMatch(/Place 3rd \/ 40/)
    expect(out).toMatch(/Français 10 7.5 6.5 15 29/)
  })

  it('draws a logo and a photo when given', async () => {
    // A 1×1 PNG: enough to check both are embedded without breaking the layout.
    const pdf = await renderReportCard(french('MUKENDI KUPA Grâce'), { logo: png, photo: Buffer.from(png) })
    expect(text(pdf)).toContain('MUKENDI KUPA Grâce')
    const page = (await PDFDocument.load(pdf)).getPage(0)
    expect(page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict).keys()).toHaveLength(2)
  })

  it('prints a class as one file, one page per pupil, the fonts and the shared logo embedded once', async () => {
    const names = ['MUKENDI KUPA Grâce', 'LUMBALA KAYEMBE Ruth', 'TSHOMBA ILUNGA Amani']
    const logo = Buffer.from(png)
    const pdf = await renderReportCards(names.map((name, i) => ({ snapshot: i % 2 ? rdc(name) : french(name), logo, photo: Buffer.from(png) })))
    const doc = await PDFDocument.load(pdf)
    expect(doc.getPageCount()).toBe(3)
    const out = text(pdf)
    for (const name of names) expect(out).toContain(name)
    const objects = doc.context.enumerateIndirectObjects().map(([, object]) => object)
    const ofType = (type: string) => objects.filter((o) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of(type)).length
    // One logo for the three pages and a photo each, every PNG with its alpha mask: 4 × 2, not 6 × 2.
    expect(ofType('Image')).toBe(8)
    expect(objects.filter((o) => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'))).toHaveLength(2)
  })
})
