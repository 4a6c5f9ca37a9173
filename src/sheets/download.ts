import { APIError, type Endpoint, type PayloadRequest } from 'payload'
import { needUser } from '../api/request'
import { hasAnyRole } from '../domain/roles'
import { tReq } from '../i18n'

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A file name any system accepts: no accents, no spaces, no quotes to break the header. */
export const safeFileName = (name: string) =>
  `${name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^A-Za-z0-9._]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120) || 'export'}.xlsx`

export const xlsxResponse = (file: { name: string; data: Buffer }) =>
  new Response(new Uint8Array(file.data), {
    headers: {
      'Content-Type': xlsxType,
      'Content-Disposition': `attachment; filename="${file.name}"`,
      'Cache-Control': 'private, no-store',
    },
  })

/**
 * Exports are registers for the school's staff. A parent or a pupil may read a class or an
 * evaluation of their own, but a sheet of the whole class is not theirs to take away.
 */
export const needStaff = (req: PayloadRequest) => {
  if (!hasAnyRole(req.user, ['it', 'admin', 'secretariat', 'finance', 'teacher'])) throw new APIError(tReq(req, 'export.errors.staffOnly'), 403)
}

/** A GET endpoint that answers a workbook built as the caller, for the school's staff only. */
export const staffDownload = (path: string, build: (req: PayloadRequest) => Promise<{ name: string; data: Buffer }>): Endpoint => ({
  path,
  method: 'get',
  handler: async (req) => {
    needUser(req)
    needStaff(req)
    return xlsxResponse(await build(req))
  },
})
