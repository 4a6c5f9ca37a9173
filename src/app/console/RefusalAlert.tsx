import { Alert, AlertTitle } from '@mui/material'
import type { Refusal } from './refusal'

/** A refusal stays on screen beside what was refused, after the notification has gone. */
export const RefusalAlert = ({ title, refusal }: { title: string; refusal: Refusal | null }) =>
  refusal && (
    <Alert severity="error" role="alert" sx={{ my: 1 }}>
      <AlertTitle>{title}</AlertTitle>
      {refusal.message}
      {refusal.details.length > 0 && (
        <ul>
          {refusal.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </Alert>
  )
