import { APIError, type Endpoint, type PayloadRequest } from 'payload'
import { needUser } from '../../src/api/request'
import { tReq } from '../../src/i18n'
import { rejectedRowsWorkbook } from '../../src/imports/report'
import { runImport, schoolFor, type ImportOptions, type ImportResult } from '../../src/imports/students'

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const formOf = async (req: PayloadRequest) => {
  try {
    return await req.formData!()
  } catch {
    throw new APIError(tReq(req, 'errors.import.noFile'), 400)
  }
}
const field = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

/** The message a caller may read: a refusal's own, or a generic one for anything unexpected. */
const publicMessage = (req: PayloadRequest, error: unknown) =>
  error instanceof APIError && error.status < 500 ? error.message : tReq(req, 'import.failed')

/**
 * NDJSON: a `{ progress, total }` line as rows are written, then the result (or `{ errors }`).
 * Refusals that come before any progress (file, access) answer as ordinary 4xx errors.
 */
const streamed = async (req: PayloadRequest, run: (onProgress: ImportOptions['onProgress']) => Promise<ImportResult>) => {
  const encoder = new TextEncoder()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) })
  // A caller who goes away does not stop the import: it lands (or not) as a whole all the same.
  const quietly = (action: () => void) => {
    try {
      action()
    } catch {
      // the caller cancelled the stream
    }
  }
  const line = (value: unknown) => quietly(() => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`)))
  let started!: () => void
  const ready = new Promise<void>((resolve) => (started = resolve))
  const finished = run((progress, total) => {
    started()
    line({ progress, total })
  })
  await Promise.race([ready, finished])
  finished
    .then(line, (error) => line({ errors: [{ message: publicMessage(req, error) }] }))
    .finally(() => quietly(() => controller.close()))
  return new Response(body, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' } })
}

/**
 * `POST /api/students/import` (multipart: file, class, school, dryRun) imports a class list as
 * the caller, under the same access rules as creating students by hand. `?format=xlsx` answers
 * the rejected rows as a workbook instead, without importing anything.
 */
export const studentImportEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const user = needUser(req)
    // Who may not create students at all is refused before the upload is read.
    if (!(await req.payload.collections.students.config.access.create({ req }))) throw new APIError(tReq(req, 'errors.import.forbidden'), 403)
    const form = await formOf(req)
    const file = form.get('file')
    if (!(file instanceof Blob) || !file.size) throw new APIError(tReq(req, 'errors.import.noFile'), 400)
    const options: ImportOptions = {
      file: Buffer.from(await file.arrayBuffer()),
      fileName: (file as File).name,
      school: await schoolFor(req.payload, field(form, 'school'), user, req.i18n?.language),
      classCode: field(form, 'class'),
      dryRun: ['true', 'on', '1'].includes(field(form, 'dryRun') ?? ''),
      req,
    }
    if (req.searchParams?.get('format') === 'xlsx') {
      const { result, sheet } = await runImport(req.payload, { ...options, dryRun: true })
      const workbook = await rejectedRowsWorkbook(sheet, result.errors, req.i18n?.language)
      return new Response(new Uint8Array(workbook), {
        headers: { 'Content-Type': xlsxType, 'Content-Disposition': `attachment; filename="${tReq(req, 'import.reportFile')}.xlsx"` },
      })
    }
    if (req.headers.get('accept')?.includes('application/x-ndjson'))
      return streamed(req, async (onProgress) => (await runImport(req.payload, { ...options, onProgress })).result)
    return Response.json((await runImport(req.payload, options)).result)
  },
}
