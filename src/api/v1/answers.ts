import { APIError, type PayloadRequest } from 'payload'
import { tReq } from '../../i18n'

/** Browsers let a page's script read these headers of a cross-origin answer only when named. */
export const exposed = { 'Access-Control-Expose-Headers': 'Content-Range' }

type FieldError = { path?: string; field?: string; message?: string }

/** The fields that failed, as react-admin puts them on the form: `{ "score": "why" }`. */
const fieldErrors = (error: APIError): Record<string, string> | undefined => {
  const data = error.data as { errors?: FieldError[] } | FieldError[] | undefined
  const list = Array.isArray(data) ? data : data?.errors
  if (!Array.isArray(list) || !list.length) return undefined
  return Object.fromEntries(list.map((item) => [item.path ?? item.field ?? '', item.message ?? error.message]))
}

/**
 * Every refusal as JSON: `{ message, status, errors? }`, the status Payload gave it (400 bad
 * input, 401, 403 refused, 404 absent or not visible). Anything else is a 500 that says
 * nothing of the server's insides; the log keeps it.
 */
export const errorAnswer = (req: PayloadRequest, error: unknown) => {
  if (error instanceof APIError || (error instanceof Error && typeof (error as APIError).status === 'number')) {
    const status = (error as APIError).status
    if (status < 500) {
      const errors = fieldErrors(error as APIError)
      return Response.json({ message: error.message, status, ...(errors ? { errors } : {}) }, { status, headers: exposed })
    }
  }
  req.payload.logger.error({ err: error, msg: `api/v1 ${req.method} ${req.url}` })
  return Response.json({ message: tReq(req, 'errors.api.internal'), status: 500 }, { status: 500, headers: exposed })
}

/** A 400 about one query parameter or body field. */
export const badRequest = (req: PayloadRequest, field: string, message: string) =>
  Response.json({ message, status: 400, errors: { [field]: message } }, { status: 400, headers: exposed })
