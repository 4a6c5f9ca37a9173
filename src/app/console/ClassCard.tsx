import { Button, Card, CardActions, CardContent, Typography } from '@mui/material'
import AssignmentIcon from '@mui/icons-material/Assignment'
import FactCheckIcon from '@mui/icons-material/FactCheck'
import GroupsIcon from '@mui/icons-material/Groups'
import { Link, useTranslate } from 'react-admin'
import { listPath, rollCallPath } from './links'
import { currentHalfDay, localDay } from './week'

/** A class, with the roll of the current half-day, its pupils and its evaluations one tap away. */
export const ClassCard = ({ klass }: { klass: { id: number; name: string } }) => {
  const translate = useTranslate()
  return (
    <Card component="li" variant="outlined" sx={{ listStyle: 'none' }}>
      <CardContent sx={{ pb: 0 }}>
        <Typography variant="h6" component="h3">
          {klass.name}
        </Typography>
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button component={Link} to={rollCallPath(klass.id, localDay(), { slot: null, halfDay: currentHalfDay() })} variant="contained" startIcon={<FactCheckIcon />}>
          {translate('kelasi.home.takeRoll')}
        </Button>
        <Button component={Link} to={`/classes/${klass.id}/show`} startIcon={<GroupsIcon />}>
          {translate('kelasi.home.students')}
        </Button>
        <Button component={Link} to={listPath('evaluations', { class: klass.id })} startIcon={<AssignmentIcon />}>
          {translate('kelasi.home.evaluations')}
        </Button>
      </CardActions>
    </Card>
  )
}
