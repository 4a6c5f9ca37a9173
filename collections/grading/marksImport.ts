import { addDataAndFileToRequest, APIError, type Endpoint } from 'payload'
import { needUser } from '../../src/api/request'
import { tReq } from '../../src/i18n'
import { importMarks } from '../../src/imports/marks'
import { SheetError } from '../../src/sheets/errors'
import { sheetErrorMessage } from '../../src/sheets/messages'
import { invalid } from '../../hooks/invalid'

const megabytes = (bytes: number) => Math.round(bytes / 104_857.6) / 10

/**
 * `POST /api/evaluations/:id/import`, multipart with the .xlsx as `file`; `?dryRun=true` (or
 * `_payload: {"dryRun": true}`) checks and counts without saving. 200 with the counts, or 400
 * with every refused row and nothing saved.
 */
export const marksImportEndpoint: Endpoint = {
  path: '/:id/import',
  method: 'post',
  handler: async (req) => {
    needUser(req)
    await addDataAndFileToRequest(req)
    const file = req.file
    if (!file) throw invalid(req, [{ path: 'file', message: tReq(req, 'errors.marksImport.noFile') }])
    // The upload limit cuts the file short rather than refusing it.
    if ((file as { truncated?: boolean }).truncated) {
      const size = megabytes(Number(req.headers.get('content-length')) || file.size)
      const max = megabytes(req.payload.config.upload.limits?.fileSize ?? file.size)
      throw new APIError(sheetErrorMessage(req, new SheetError('tooLarge', { size, max })), 413)
    }
    const dryRun = ['1', 'true'].includes(req.searchParams.get('dryRun') ?? '') || (req.data as { dryRun?: unknown } | undefined)?.dryRun === true
    const report = await importMarks(req, String(req.routeParams?.id), file.tempFilePath || file.data, { dryRun })
    return Response.json(report, { status: report.errors.length ? 400 : 200 })
  },
}
