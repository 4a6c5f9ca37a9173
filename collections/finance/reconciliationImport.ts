import { APIError, type Endpoint, type PayloadRequest } from 'payload'
import { needUser } from '../../src/api/request'
import { isCurrency } from '../../src/domain/money'
import { tReq } from '../../src/i18n'
import { schoolFor } from '../../src/imports/students'
import { importStatement } from '../../src/reconcile/run'

const formOf = async (req: PayloadRequest) => {
  try {
    return await req.formData!()
  } catch {
    throw new APIError(tReq(req, 'errors.reconciliation.noFile'), 400)
  }
}
const field = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

/**
 * `POST /api/reconciliations/import` (multipart: file, school, label, source, currency — the
 * statement's when it has no currency column): reads the statement, matches its lines to the
 * payments the caller may read, and stores the reconciliation → `{ doc }`. A bad row refuses
 * the whole file (400, each row and column named) and nothing is stored.
 */
export const reconciliationImportEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const user = needUser(req)
    // Who may not reconcile at all is refused before the upload is read.
    if (!(await req.payload.collections.reconciliations.config.access.create({ req }))) throw new APIError(tReq(req, 'errors.reconciliation.forbidden'), 403)
    const form = await formOf(req)
    const file = form.get('file')
    if (!(file instanceof Blob) || !file.size) throw new APIError(tReq(req, 'errors.reconciliation.noFile'), 400)
    const school = await schoolFor(req.payload, field(form, 'school'), user, req.i18n?.language)
    if (!(await req.payload.collections.reconciliations.config.access.create({ req, data: { school } }))) throw new APIError(tReq(req, 'errors.reconciliation.forbidden'), 403)
    const currency = field(form, 'currency')?.toUpperCase()
    if (currency && !isCurrency(currency)) throw new APIError(tReq(req, 'errors.reconciliation.badCurrency', { value: currency }), 400)
    const doc = await importStatement(req, {
      school,
      file: Buffer.from(await file.arrayBuffer()),
      fileName: (file as File).name,
      label: field(form, 'label'),
      source: field(form, 'source'),
      currency: currency as 'USD' | undefined,
    })
    return Response.json({ doc }, { status: 201 })
  },
}
