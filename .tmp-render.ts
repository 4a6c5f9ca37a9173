import { writeFileSync } from 'node:fs'
import { renderReportCard } from '/work/main/src/pdf/reportCard'
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const lines = ['Français','Mathématiques','Éducation civique','Histoire','Géographie','Biologie','Chimie','Physique','Anglais','Religion','Éducation physique','Dessin'].map((subject, i) => ({ subject, coefficient: 1 + (i % 4), average: i === 11 ? null : 12.5 + i / 4, classAverage: 11.25, min: 4, max: 18.75, rank: i + 1 }))
const pdf = await renderReportCard({ language: 'fr', school: { name: 'Complexe scolaire Saint-Joseph', address: '12, avenue de l’Université', city: 'Kinshasa', province: 'Kinshasa', phone: '+243 81 000 0000' },
 pupil: { fullName: 'MUKENDI KUPA Grâce', lastName: 'MUKENDI', postName: 'KUPA', firstName: 'Grâce', matricule: '0123', sex: 'F', birthDate: '2012-03-09', birthPlace: 'Mbuji-Mayi' },
 className: '2e Humanités A', schoolYear: '2026-2027', termName: '1er trimestre', classSize: 40, attendance: { absences: 4, halfDaysAbsent: 7, excused: 2, lates: 5 }, conduct: 'TB', application: 'B',
 teacherAppreciation: 'Élève sérieuse ; « très bon travail » en français, l’effort doit se poursuivre en mathématiques. '.repeat(6), headAppreciation: 'Cœur à l’ouvrage. Frais : 50 000 FC (₣) réglés. '.repeat(5),
 figures: { scheme: 'french', lines, average: 13.75, classAverage: 11.4, min: 6.2, max: 17.05, rank: 3 } }, { logo: png, photo: png })
writeFileSync('/tmp/fr.pdf', pdf)
