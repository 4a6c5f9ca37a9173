import { HttpError } from 'react-admin'

export type Refusal = { message: string; details: string[] }

/** The API's refusal as the teacher should read it: its message, and each field's reason. */
export const refusalOf = (error: unknown): Refusal => {
  if (!(error instanceof HttpError)) return { message: error instanceof Error ? error.message : String(error), details: [] }
  const errors = (error.body as { errors?: Record<string, string> } | undefined)?.errors
  const details = errors && typeof errors === 'object' && !Array.isArray(errors) ? Object.values(errors).filter((detail) => detail !== error.message) : []
  return { message: error.message, details }
}
