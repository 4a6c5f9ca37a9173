import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material'
import SaveIcon from '@mui/icons-material/Save'
import { useState } from 'react'
import { useTranslate } from 'react-admin'
import { present, rollCounts, type Mark } from './roll'
import { RollRow } from './RollRow'

type Student = { id: number; fullName?: string | null; matricule?: string }
type Props = { students: Student[]; saved: Map<number, Mark>; saving: boolean; onSave: (marks: Map<number, Mark>) => void }

/** The whole class on one screen, present unless tapped otherwise, counted as it goes, saved at once. */
export const RollSheet = ({ students, saved, saving, onSave }: Props) => {
  const translate = useTranslate()
  const [marks, setMarks] = useState(() => new Map(students.map((student) => [student.id, saved.get(student.id) ?? present])))
  const markOf = (student: number) => marks.get(student) ?? present
  const counts = rollCounts(students.map((student) => markOf(student.id)))
  const set = (student: number, mark: Mark) => setMarks((current) => new Map(current).set(student, mark))
  if (!students.length) return <Alert severity="info">{translate('kelasi.roll.noStudents')}</Alert>
  return (
    <>
      <Alert severity={saved.size ? 'success' : 'info'} sx={{ my: 1 }}>
        {translate(saved.size ? 'kelasi.roll.alreadyTaken' : 'kelasi.roll.notTaken')}
      </Alert>
      <Paper elevation={2} sx={{ position: 'sticky', top: { xs: 56, sm: 64 }, zIndex: 2, p: 1, my: 1 }}>
        <Typography role="status" aria-live="polite" sx={{ fontWeight: 500 }} data-testid="roll-counts">
          {translate('kelasi.roll.counts', counts)}
        </Typography>
      </Paper>
      <Box component="ul" sx={{ p: 0, m: 0 }}>
        {students.map((student) => (
          <RollRow key={student.id} student={student} mark={markOf(student.id)} onChange={(mark) => set(student.id, mark)} />
        ))}
      </Box>
      <Paper elevation={3} sx={{ position: 'sticky', bottom: 0, zIndex: 2, p: 1, mt: 1 }}>
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', flexWrap: 'wrap' }}>
          <Button onClick={() => setMarks(new Map([...marks].map(([student, mark]) => [student, mark.status === 'excused' ? mark : { ...present, note: mark.note }])))}>
            {translate('kelasi.roll.allPresent')}
          </Button>
          <Button variant="contained" size="large" startIcon={<SaveIcon />} disabled={saving} onClick={() => onSave(marks)}>
            {translate('kelasi.roll.save')}
          </Button>
        </Stack>
      </Paper>
    </>
  )
}
