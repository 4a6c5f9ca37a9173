/**
 * The rejected rows of a class list as a workbook: row number, columns and reasons first, then
 * the row as the school typed it under its own headers, so the file can be corrected and
 * imported again as it is (extra columns are ignored on import).
 */
import { cellText, isFormula } from '../domain/classList'
import { t } from '../i18n'
import { writeWorkbook } from '../sheets/write'
import type { ClassListSheet, ImportError } from './students'

export const rejectedRowsWorkbook = (sheet: Pick<ClassListSheet, 'headerCells' | 'cells'>, errors: ImportError[], language: unknown) => {
  const byRow = new Map<number, ImportError[]>()
  for (const error of errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), error])
  const original = sheet.headerCells.map((cell, index) => ({ header: cellText(cell) ?? '', key: `c${index}` }))
  const rows = [...byRow].map(([row, rowErrors]) => ({
    row,
    columns: [...new Set(rowErrors.map((error) => error.column).filter(Boolean))].join(', '),
    reasons: rowErrors.map((error) => error.message).join(' ; '),
    ...Object.fromEntries(
      (sheet.cells.get(row) ?? []).map((value, index) => [`c${index}`, isFormula(value) ? `=${value.formula}` : value]),
    ),
  }))
  return writeWorkbook([
    {
      name: t(language, 'import.reportSheet'),
      title: [t(language, 'import.reportTitle', { date: new Date().toLocaleDateString(language === 'en' ? 'en-GB' : 'fr-FR') })],
      columns: [
        { header: t(language, 'import.row'), key: 'row', kind: 'number' },
        { header: t(language, 'import.column'), key: 'columns', kind: 'text' },
        { header: t(language, 'import.reason'), key: 'reasons', kind: 'text', width: 60 },
        ...original,
      ],
      rows,
    },
  ])
}
