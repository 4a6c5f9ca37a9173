import type { PayloadRequest } from 'payload'
import { tReq } from '../i18n'
import type { SheetError } from './errors'

/** Why a file could not be read at all, in the caller's language: the same words for every import. */
export const sheetErrorMessage = (req: Pick<PayloadRequest, 'i18n'>, error: SheetError) =>
  tReq(req, `errors.sheet.${error.code}`, error.params)
