import { addDataAndFileToRequest, APIError, type PayloadRequest } from 'payload'
import { tReq } from '../i18n'

/** The logged-in caller, or a 401 for anyone else. */
export const needUser = (req: PayloadRequest) => {
  if (!req.user) throw new APIError(tReq(req, 'errors.loginRequired'), 401)
  return req.user
}

/** The request's JSON body (an object), or a 400 that says so. */
export const bodyOf = async <T extends Record<string, unknown>>(req: PayloadRequest): Promise<T> => {
  await addDataAndFileToRequest(req)
  const data = req.data
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new APIError(tReq(req, 'errors.jsonBodyExpected'), 400)
  return data as T
}

/** Today in Kinshasa (UTC+1), as the school's registers date things. */
export const schoolToday = () => new Date(Date.now() + 3600_000).toISOString().slice(0, 10)
