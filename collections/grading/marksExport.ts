import type { PayloadRequest } from 'payload'
import { idOf, type ID } from '../../src/access/ids'
import { t } from '../../src/i18n'
import { safeFileName, staffDownload } from '../../src/sheets/download'
import { writeWorkbook } from '../../src/sheets/write'
import { classRoster } from '../academics/classRoster'

type Named = { name?: string | null; code?: string | null } | ID | null | undefined
const nameOf = (ref: Named) => (ref && typeof ref === 'object' ? (ref.name ?? ref.code ?? '') : '')

/**
 * One evaluation's marks sheet: a title block, then a row per pupil of the class (register
 * order) with their mark. The import reads it back as it is, so a teacher fills in or corrects
 * the sheet and uploads it again.
 */
export const marksWorkbook = async (req: PayloadRequest, evaluationId: ID, { system = false } = {}) => {
  const language = req.i18n?.language
  const as = { req, overrideAccess: system } as const
  const evaluation = await req.payload.findByID({ collection: 'evaluations', id: evaluationId, depth: 1, ...as })
  const [students, grades] = await Promise.all([
    classRoster(req, idOf(evaluation.class)!, { system }),
    req.payload.find({ collection: 'grades', where: { evaluation: { equals: evaluation.id } }, pagination: false, depth: 0, ...as }),
  ])
  const byStudent = new Map(grades.docs.map((grade) => [String(idOf(grade.student)), grade]))
  const written = { absent: t(language, 'export.marks.absent'), exempt: t(language, 'export.marks.exempt') }
  const rows = students.map((student) => {
    const grade = byStudent.get(String(student.id))
    const score = grade?.status === 'scored' ? grade.score : grade ? written[grade.status as 'absent' | 'exempt'] : null
    return { ...student, score, comment: grade?.comment }
  })
  const klass = evaluation.class as Named
  const vars = { title: evaluation.title, class: nameOf(klass), subject: nameOf(evaluation.subject as Named), term: nameOf(evaluation.term as Named), maximum: evaluation.maximum, date: evaluation.date.slice(0, 10).split('-').reverse().join('/'), ...written }
  const data = await writeWorkbook([
    {
      name: t(language, 'export.marks.sheetName'),
      title: ['title', 'class', 'subject', 'term', 'date', 'maximum', 'help'].map((line) => t(language, `export.marks.${line}`, vars)),
      columns: [
        { header: t(language, 'export.columns.matricule'), key: 'matricule', kind: 'text' },
        { header: t(language, 'export.columns.lastName'), key: 'lastName', kind: 'text' },
        { header: t(language, 'export.columns.postName'), key: 'postName', kind: 'text' },
        { header: t(language, 'export.columns.firstName'), key: 'firstName', kind: 'text' },
        { header: t(language, 'export.columns.score', vars), key: 'score', width: 12 },
        { header: t(language, 'export.columns.comment'), key: 'comment', kind: 'text', width: 40 },
      ],
      rows,
    },
  ])
  const code = klass && typeof klass === 'object' ? (klass.code ?? klass.name ?? '') : ''
  return { name: safeFileName(t(language, 'export.marks.file', { ...vars, class: code })), data }
}

/** `GET /api/evaluations/:id/export`: the marks sheet as .xlsx, for staff who may read the evaluation. */
export const marksExportEndpoint = staffDownload('/:id/export', (req) => marksWorkbook(req, String(req.routeParams?.id)))
