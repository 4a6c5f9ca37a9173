import { APIError, type CollectionSlug, type Endpoint, type PayloadHandler, type PayloadRequest } from 'payload'
import { takeRoll, type RollBody } from '../../../collections/attendance/roll'
import { saveMarkSheet, type MarkSheet } from '../../../collections/grading/gradesEntry'
import { tReq } from '../../i18n'
import { bodyOf, needUser } from '../request'
import { badRequest, errorAnswer, exposed } from './answers'
import { openAPIDocument } from './openapi'
import { contentRange, listQuery, pagesOf } from './query'
import { isResource, resources, type Resource } from './resources'

/** As the caller, always: the same rules as the admin, REST, GraphQL and the portal. */
const asCaller = (req: PayloadRequest) => ({ req, overrideAccess: false, depth: 0 }) as const

/** JSON answers and refusals alike, in the protocol's shape rather than Payload's `{ errors: [...] }`. */
const answering =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      return errorAnswer(req, error)
    }
  }

const resourceOf = (req: PayloadRequest): Resource => {
  const name = String(req.routeParams?.resource ?? '')
  if (!isResource(name)) throw new APIError(tReq(req, 'errors.api.unknownResource', { resource: name }), 404)
  return name
}

const idOf = (req: PayloadRequest) => {
  const id = String(req.routeParams?.id ?? '')
  // Ids are integers: anything else cannot name a record, and must not reach SQL as one.
  if (!/^\d+$/.test(id)) throw new APIError(req.t('error:notFound'), 404)
  return id
}

const fieldNames = new Map<string, ReadonlySet<string>>()
/** What a list may filter and sort by: the collection's stored fields (access still decides, per field). */
const fieldsOf = (req: PayloadRequest, slug: CollectionSlug) => {
  if (!fieldNames.has(slug)) {
    const fields = req.payload.collections[slug].config.flattenedFields
    fieldNames.set(slug, new Set(['id', ...fields.filter((f) => !f.hidden && f.type !== 'join').map((f) => f.name)]))
  }
  return fieldNames.get(slug)!
}

/** What a client sends back of a record it read, but which is the server's to set. */
const writable = (body: Record<string, unknown>) => {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...data } = body
  return data
}

const list: PayloadHandler = async (req) => {
  needUser(req)
  const resource = resourceOf(req)
  const outcome = listQuery(req.searchParams, fieldsOf(req, resource), resources[resource].search)
  if (!outcome.ok) {
    const { param, code, params } = outcome.problem
    return badRequest(req, param, tReq(req, `errors.api.${code}`, { param, ...params }))
  }
  const { where, sort, start, end } = outcome.query
  const { limit, pages, skip } = pagesOf(start, end)
  const found = await Promise.all(pages.map((page) => req.payload.find({ collection: resource, where, sort, limit, page, ...asCaller(req) })))
  const docs = found.flatMap((result) => result.docs).slice(skip, skip + limit)
  return Response.json(docs, { headers: { ...exposed, 'Content-Range': contentRange(resource, start, docs.length, found[0].totalDocs) } })
}

const one: PayloadHandler = async (req) => {
  needUser(req)
  const doc = await req.payload.findByID({ collection: resourceOf(req), id: idOf(req), ...asCaller(req) })
  return Response.json(doc, { headers: exposed })
}

/**
 * JSON, or for a collection of files multipart as Payload's REST takes it: the file as `file`, the
 * fields as JSON in `_payload` (`bodyOf` parses both; the file is then `req.file`).
 */
const create: PayloadHandler = async (req) => {
  needUser(req)
  const collection = resourceOf(req)
  const data = writable(await bodyOf(req))
  const doc = await req.payload.create({ collection, data: data as never, file: req.file, ...asCaller(req) })
  return Response.json(doc, { status: 201, headers: exposed })
}

const update: PayloadHandler = async (req) => {
  needUser(req)
  const collection = resourceOf(req)
  const data = writable(await bodyOf(req))
  const doc = await req.payload.update({ collection, id: idOf(req), data: data as never, file: req.file, ...asCaller(req) })
  return Response.json(doc, { headers: exposed })
}

const remove: PayloadHandler = async (req) => {
  needUser(req)
  const doc = await req.payload.delete({ collection: resourceOf(req), id: idOf(req), ...asCaller(req) })
  return Response.json(doc, { headers: exposed })
}

/** A class's whole roll for one session: everyone not listed is present. */
const rollCall: PayloadHandler = async (req) => {
  needUser(req)
  const roll = await takeRoll(req, await bodyOf<RollBody>(req))
  return Response.json({ id: `${roll.class}:${roll.date}:${roll.sessionKey}`, ...roll }, { status: 201, headers: exposed })
}

/** An evaluation's whole mark sheet: every line checked, then all saved, or none. */
const markSheet: PayloadHandler = async (req) => {
  needUser(req)
  const sheet = await saveMarkSheet(req, idOf(req), await bodyOf<MarkSheet>(req))
  return Response.json({ id: sheet.evaluation, ...sheet }, { headers: exposed })
}

const documents = new Map<string, object>()
/** The API's description, for integrators and their tools; the same for everyone, so built once per language. */
const openAPI: PayloadHandler = async (req) => {
  const language = req.i18n.language === 'en' ? 'en' : 'fr'
  if (!documents.has(language)) documents.set(language, openAPIDocument(req.payload.config, req.payload.config.serverURL, language))
  return Response.json(documents.get(language), { headers: exposed })
}

/**
 * The simple REST API at /api/v1, the protocol of `ra-data-simple-rest`: react-admin's
 * workspace and a school's integrators read and write through it. Payload matches endpoints in
 * order: the fixed paths come before `/v1/:resource`.
 */
export const simpleRestEndpoints: Endpoint[] = [
  { path: '/v1/openapi.json', method: 'get', handler: answering(openAPI) },
  { path: '/v1/roll-calls', method: 'post', handler: answering(rollCall) },
  { path: '/v1/mark-sheets/:id', method: 'put', handler: answering(markSheet) },
  { path: '/v1/:resource', method: 'get', handler: answering(list) },
  { path: '/v1/:resource', method: 'post', handler: answering(create) },
  { path: '/v1/:resource/:id', method: 'get', handler: answering(one) },
  { path: '/v1/:resource/:id', method: 'put', handler: answering(update) },
  { path: '/v1/:resource/:id', method: 'delete', handler: answering(remove) },
]
