import GradingIcon from '@mui/icons-material/Grading'
import type { MouseEvent } from 'react'
import { Button, Link, useRecordContext } from 'react-admin'
import { gradebookPath } from './links'

/** From an evaluation to its mark sheet (inside a clickable row, the row's own link does not fire). */
export const MarksButton = () => {
  const record = useRecordContext<{ id: number }>()
  if (!record) return null
  return <Button component={Link} to={gradebookPath(record.id)} label="kelasi.evaluations.enterMarks" onClick={(event: MouseEvent) => event.stopPropagation()} startIcon={<GradingIcon />} />
}
