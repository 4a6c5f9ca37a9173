import { APIError, ValidationError } from 'payload'

/** What a form's server action answers when it does not move on: the errors by field, the values to keep. */
export type FormState = { errors?: { path: string; message: string }[]; notice?: string; values?: Record<string, string> }

/** The form's text values back (never a password), so a refused form is not typed again. */
export const kept = (form: FormData, ...names: string[]) =>
  Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '')]))

/** A refusal from the Local API as the form shows it: Payload's field errors, or one message for the form. */
export const refusal = (error: unknown, values: Record<string, string> = {}): FormState => {
  if (error instanceof ValidationError) {
    const errors = (error.data?.errors ?? []) as { path?: string; message?: string }[]
    return { values, errors: errors.map((e) => ({ path: String(e.path ?? 'form'), message: String(e.message ?? error.message) })) }
  }
  if (error instanceof APIError && error.status < 500) return { values, errors: [{ path: 'form', message: error.message }] }
  throw error
}
