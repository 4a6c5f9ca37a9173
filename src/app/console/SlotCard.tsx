import { Button, Card, CardActions, CardContent, Typography } from '@mui/material'
import FactCheckIcon from '@mui/icons-material/FactCheck'
import GradingIcon from '@mui/icons-material/Grading'
import { Link, useTranslate } from 'react-admin'
import { listPath, rollCallPath } from './links'
import { endOf } from './week'

export type SlotRecord = { id: number; class: number; subject: number; room?: number | null; weekday: string; start: string; duration: number; group?: string | null }

type Props = { slot: SlotRecord; day: string; future: boolean; className?: string; subjectName?: string; roomName?: string }

/** One lesson of the week, with what a teacher does about it: the roll, the marks. */
export const SlotCard = ({ slot, day, future, className, subjectName, roomName }: Props) => {
  const translate = useTranslate()
  return (
    <Card component="li" variant="outlined" sx={{ listStyle: 'none' }}>
      <CardContent sx={{ pb: 0 }}>
        <Typography variant="subtitle2" color="text.secondary">
          {translate('kelasi.home.slotTime', { start: slot.start, end: endOf(slot.start, slot.duration) })}
          {roomName ? ` · ${roomName}` : ''}
        </Typography>
        <Typography variant="h6" component="h3">
          {className ?? '…'}
          {slot.group ? ` (${slot.group})` : ''} — {subjectName ?? '…'}
        </Typography>
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {future ? (
          <Typography variant="body2" color="text.secondary">
            {translate('kelasi.home.later')}
          </Typography>
        ) : (
          <Button component={Link} to={rollCallPath(slot.class, day, { slot: slot.id, halfDay: null })} variant="contained" startIcon={<FactCheckIcon />}>
            {translate('kelasi.home.takeRoll')}
          </Button>
        )}
        <Button component={Link} to={listPath('evaluations', { class: slot.class, subject: slot.subject })} variant="outlined" startIcon={<GradingIcon />}>
          {translate('kelasi.home.gradebook')}
        </Button>
      </CardActions>
    </Card>
  )
}
