import { Box, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material'
import { useTranslate } from 'react-admin'
import { lineProblem, type Line } from './marks'

const focusRing = { '&.Mui-focusVisible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 } }

type Props = { student: { id: number; fullName?: string | null; matricule?: string }; line: Line; maximum: number; onChange: (line: Line) => void }

/** One pupil's mark: a score checked against the maximum as it is typed, or absent, or exempt. */
export const MarkRow = ({ student, line, maximum, onChange }: Props) => {
  const translate = useTranslate()
  const name = student.fullName ?? student.matricule ?? String(student.id)
  const problem = lineProblem(line, maximum)
  return (
    <Box component="li" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2, py: 1, borderBottom: 1, borderColor: 'divider', listStyle: 'none' }}>
      <Box sx={{ flex: '1 1 12rem', minWidth: 0 }}>
        <Typography sx={{ fontWeight: 500 }}>{name}</Typography>
        <Typography variant="caption" color="text.secondary">
          {student.matricule}
        </Typography>
      </Box>
      {/* The score and its two alternatives on one line, even on a phone. */}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          fullWidth={false}
          size="small"
          value={line.text}
          disabled={line.status !== 'scored'}
          onChange={(event) => onChange({ ...line, status: 'scored', text: event.target.value })}
          error={Boolean(problem)}
          helperText={problem ? translate(`kelasi.gradebook.problem.${problem}`, { maximum }) : ' '}
          placeholder={`/ ${maximum}`}
          slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off', 'aria-label': translate('kelasi.gradebook.scoreOf', { name, maximum }) } }}
          sx={{ width: 110, my: 0 }}
        />
        <ToggleButtonGroup
          exclusive
          size="small"
          value={line.status === 'scored' ? null : line.status}
          onChange={(_, status: 'absent' | 'exempt' | null) => onChange({ ...line, status: status ?? 'scored', text: status ? '' : line.text })}
          aria-label={name}
        >
          <ToggleButton value="absent" sx={{ minHeight: 40, ...focusRing, '&.Mui-selected, &.Mui-selected:hover': { bgcolor: 'error.dark', color: '#fff' } }}>
            {translate('kelasi.gradebook.absent')}
          </ToggleButton>
          <ToggleButton value="exempt" sx={{ minHeight: 40, ...focusRing, '&.Mui-selected, &.Mui-selected:hover': { bgcolor: 'grey.800', color: '#fff' } }}>
            {translate('kelasi.gradebook.exempt')}
          </ToggleButton>
        </ToggleButtonGroup>
      </Box>
    </Box>
  )
}
