import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material'
import SaveIcon from '@mui/icons-material/Save'
import { useState } from 'react'
import { useTranslate } from 'react-admin'
import { emptyLine, lineProblem, sheetStatistics, type Line } from './marks'
import { MarkRow } from './MarkRow'
import { MarkStats } from './MarkStats'
import { PublishButton } from './PublishButton'

type Student = { id: number; fullName?: string | null; matricule?: string }
type Props = {
  evaluation: { id: number; title: string; maximum: number; published?: boolean | null }
  students: Student[]
  saved: Map<number, Line>
  saving: boolean
  onSave: (lines: [number, Line][]) => Promise<boolean>
}

const same = (a: Line, b: Line) => a.status === b.status && a.text.trim() === b.text.trim()

/** Students × marks for one evaluation: checked as typed, summarised live, saved in one go. */
export const MarkSheet = ({ evaluation, students, saved, saving, onSave }: Props) => {
  const translate = useTranslate()
  const initial = () => new Map(students.map((student) => [student.id, saved.get(student.id) ?? emptyLine]))
  const [baseline, setBaseline] = useState(initial)
  const [lines, setLines] = useState(initial)
  const lineOf = (student: number) => lines.get(student) ?? emptyLine
  const all = students.map((student) => lineOf(student.id))
  const problems = all.filter((line) => lineProblem(line, evaluation.maximum)).length
  const unsaved = students.some((student) => !same(lineOf(student.id), baseline.get(student.id) ?? emptyLine))
  const save = async () => {
    const sent = new Map(lines)
    if (await onSave(students.map((student) => [student.id, lineOf(student.id)]))) setBaseline(sent)
  }
  if (!students.length) return <Alert severity="info">{translate('kelasi.roll.noStudents')}</Alert>
  return (
    <>
      <MarkStats statistics={sheetStatistics(all, evaluation.maximum)} total={students.length} maximum={evaluation.maximum} />
      <Box component="ul" sx={{ p: 0, m: 0 }}>
        {students.map((student) => (
          <MarkRow key={student.id} student={student} line={lineOf(student.id)} maximum={evaluation.maximum} onChange={(line) => setLines((current) => new Map(current).set(student.id, line))} />
        ))}
      </Box>
      <Paper elevation={3} sx={{ position: 'sticky', bottom: 0, zIndex: 2, p: 1, mt: 1 }}>
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          {problems > 0 ? (
            <Typography color="error" role="alert">
              {translate('kelasi.gradebook.fixFirst')}
            </Typography>
          ) : (
            unsaved && <Typography color="text.secondary">{translate('kelasi.gradebook.unsaved')}</Typography>
          )}
          <PublishButton evaluation={evaluation} unsaved={unsaved} />
          <Button variant="contained" size="large" startIcon={<SaveIcon />} disabled={saving || problems > 0} onClick={save}>
            {translate('kelasi.gradebook.save')}
          </Button>
        </Stack>
      </Paper>
    </>
  )
}
