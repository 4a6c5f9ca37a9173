import { open } from 'node:fs/promises'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { sharedExtensions, sharedFileProblem } from '../src/domain/sharedFiles'
import { tReq } from '../src/i18n'
import { invalid } from './invalid'

/** The first bytes of an upload, in memory or in a temporary file. */
const headOf = async (file: NonNullable<PayloadRequest['file']>) => {
  if (file.data?.length || !file.tempFilePath) return new Uint8Array((file.data ?? Buffer.alloc(0)).subarray(0, 16))
  const handle = await open(file.tempFilePath, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(16), 0, 16, 0)
    return new Uint8Array(buffer.subarray(0, bytesRead))
  } finally {
    await handle.close()
  }
}

/**
 * The file is of a kind the school shares, is what its name says and fits the upload limit (the
 * Local API has none of its own), said in the caller's language before Payload's deeper checks of
 * the content (a PDF's structure, a video's boxes), which would answer in English. The texts are
 * `errors.<messages>.notAllowed|notWhatItSays|tooLarge`, each collection saying what to do instead.
 */
export const checkedFile =
  (messages: string): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (!['create', 'update', 'updateByID'].includes(operation) || !req.file) return args
    const maxBytes = req.payload.config.upload.limits?.fileSize ?? Number.POSITIVE_INFINITY
    const problem = sharedFileProblem({ name: req.file.name, size: req.file.size, head: await headOf(req.file) }, maxBytes)
    if (problem) {
      const vars = problem.code === 'tooLarge' ? problem : { extension: problem.extension || '?', allowed: sharedExtensions.join(', ') }
      throw invalid(req, [{ path: 'file', message: tReq(req, `errors.${messages}.${problem.code}`, vars) }])
    }
    return args
  }
