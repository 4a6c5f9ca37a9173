import { ValidationError, type PayloadRequest } from 'payload'

export type FieldError = { path: string; message: string }

/** A refusal that names the fields and says why, as Payload's own validation does (HTTP 400). */
export const invalid = (req: PayloadRequest, errors: FieldError[]) => new ValidationError({ errors, req }, req.t)
