import { Box, Chip, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material'
import { useTranslate } from 'react-admin'
import { rollStatuses, type Mark } from './roll'

// A chosen status is filled, its text contrasted enough to read in the sun (white on orange is not).
const chosen = {
  present: { bgcolor: 'success.dark', color: '#fff' },
  absent: { bgcolor: 'error.dark', color: '#fff' },
  late: { bgcolor: 'warning.main', color: '#000' },
} as const

const focusRing = { '&.Mui-focusVisible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 } }

type Props = { student: { id: number; fullName?: string | null; matricule?: string }; mark: Mark; onChange: (mark: Mark) => void }

/** One pupil: present, absent or late in one tap, minutes of lateness when late. */
export const RollRow = ({ student, mark, onChange }: Props) => {
  const translate = useTranslate()
  const name = student.fullName ?? student.matricule ?? String(student.id)
  return (
    <Box component="li" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, py: 1, borderBottom: 1, borderColor: 'divider', listStyle: 'none' }}>
      <Box sx={{ flex: '1 1 12rem', minWidth: 0 }}>
        <Typography sx={{ fontWeight: 500 }}>{name}</Typography>
        <Typography variant="caption" color="text.secondary">
          {student.matricule}
        </Typography>
        {mark.status === 'excused' && <Chip size="small" sx={{ ml: 1 }} label={translate('kelasi.roll.excused')} />}
      </Box>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={mark.status === 'excused' ? 'absent' : mark.status}
        // Pressing the status already chosen changes nothing (an excused absence stays excused).
        onChange={(_, status: Mark['status'] | null) => status && onChange({ ...mark, status, minutesLate: status === 'late' ? mark.minutesLate : null })}
        aria-label={translate('kelasi.roll.status', { name })}
      >
        {rollStatuses.map((status) => (
          <ToggleButton key={status} value={status} sx={{ minWidth: 84, minHeight: 44, ...focusRing, '&.Mui-selected, &.Mui-selected:hover': chosen[status] }}>
            {translate(`kelasi.roll.${status}`)}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {mark.status === 'late' && (
        <TextField
          fullWidth={false}
          size="small"
          type="number"
          label={translate('kelasi.roll.minutesLate')}
          value={mark.minutesLate ?? ''}
          onChange={(event) => onChange({ ...mark, status: 'late', minutesLate: event.target.value === '' ? null : Math.max(0, Math.round(Number(event.target.value))) })}
          slotProps={{ htmlInput: { min: 0, max: 600, inputMode: 'numeric', 'aria-label': `${translate('kelasi.roll.minutesLate')} — ${name}` } }}
          sx={{ width: 150 }}
        />
      )}
    </Box>
  )
}
