import type { PayloadRequest } from 'payload'
import type { ID } from '../../src/access/ids'
import { dayOf } from '../../src/domain/timetable'
import { t } from '../../src/i18n'
import { safeFileName, staffDownload } from '../../src/sheets/download'
import { writeWorkbook, type SheetColumn } from '../../src/sheets/write'
import { classRoster } from './classRoster'

type Guardian = { fullName?: string | null; phone?: string | null; email?: string | null }

/**
 * A class list with the columns the student import reads (matricule, names, sex, birth, class,
 * guardian, phone, e-mail). A pupil's further guardians go in numbered columns the import leaves alone.
 */
export const classListWorkbook = async (req: PayloadRequest, classId: ID, { system = false } = {}) => {
  const language = req.i18n?.language
  const header = (key: string, vars?: Record<string, string | number>) => t(language, `export.columns.${key}`, vars)
  const klass = await req.payload.findByID({ collection: 'classes', id: classId, depth: 1, overrideAccess: system, req })
  const students = await classRoster(req, klass.id, {
    system,
    select: { matricule: true, lastName: true, postName: true, firstName: true, sex: true, birthDate: true, birthPlace: true, guardians: true },
    populate: { guardians: { fullName: true, phone: true, email: true } },
  })
  const guardiansOf = (student: (typeof students)[number]) =>
    ((student.guardians ?? []) as unknown[]).filter((guardian): guardian is Guardian => typeof guardian === 'object' && guardian !== null)
  const most = Math.max(1, ...students.map((student) => guardiansOf(student).length))
  const guardianColumns: SheetColumn[] = Array.from({ length: most }, (_, index) => {
    const suffix = index ? 'N' : ''
    const vars = { n: index + 1 }
    return [
      { header: header(`guardian${suffix}`, vars), key: `guardian${index}`, kind: 'text' },
      { header: header(`guardianPhone${suffix}`, vars), key: `guardianPhone${index}`, kind: 'text' },
      { header: header(`guardianEmail${suffix}`, vars), key: `guardianEmail${index}`, kind: 'text' },
    ] as SheetColumn[]
  }).flat()
  const rows = students.map((student) => ({
    ...student,
    birthDate: student.birthDate ? dayOf(student.birthDate) : null,
    class: klass.code,
    ...Object.fromEntries(
      guardiansOf(student).flatMap((guardian, index) => [
        [`guardian${index}`, guardian.fullName],
        [`guardianPhone${index}`, guardian.phone],
        [`guardianEmail${index}`, guardian.email],
      ]),
    ),
  }))
  const year = klass.schoolYear && typeof klass.schoolYear === 'object' ? klass.schoolYear.name : ''
  const vars = { class: `${klass.name} (${klass.code})`, year: year ?? '', count: students.length }
  const data = await writeWorkbook([
    {
      name: t(language, 'export.classList.sheetName'),
      title: ['title', 'year', 'count'].map((line) => t(language, `export.classList.${line}`, vars)),
      columns: [
        { header: header('matricule'), key: 'matricule', kind: 'text' },
        { header: header('lastName'), key: 'lastName', kind: 'text' },
        { header: header('postName'), key: 'postName', kind: 'text' },
        { header: header('firstName'), key: 'firstName', kind: 'text' },
        { header: header('sex'), key: 'sex', kind: 'text' },
        { header: header('birthDate'), key: 'birthDate', kind: 'date' },
        { header: header('birthPlace'), key: 'birthPlace', kind: 'text' },
        { header: header('class'), key: 'class', kind: 'text' },
        ...guardianColumns,
      ],
      rows,
    },
  ])
  return { name: safeFileName(t(language, 'export.classList.file', { class: klass.code })), data }
}

/** `GET /api/classes/:id/export`: the class list as .xlsx, for staff who may read the class. */
export const classExportEndpoint = staffDownload('/:id/export', (req) => classListWorkbook(req, String(req.routeParams?.id)))
