import type { FlattenedField, SanitizedCollectionConfig, SanitizedConfig } from 'payload'
import pkg from '../../../package.json' with { type: 'json' }
import type { Language } from '../../i18n'
import { contextOf, fieldSchema, idSchema, properties, requiredNames, translate, type Context, type Schema } from './openapiFields'
import { fill } from './openapiText'
import { resources } from './resources'

const ref = (kind: 'schemas' | 'parameters' | 'responses', name: string) => ({ $ref: `#/components/${kind}/${name}` })
const json = (schema: Schema) => ({ 'application/json': { schema } })

const collectionOf = (config: SanitizedConfig, slug: string) => {
  const collection = config.collections.find((c) => c.slug === slug)
  if (!collection) throw new Error(`OpenAPI: no collection "${slug}" in the config`)
  return collection
}

const fieldOf = (collection: SanitizedCollectionConfig, name: string): FlattenedField => {
  const field = collection.flattenedFields.find((f) => f.name === name)
  if (!field) throw new Error(`OpenAPI: no field "${name}" in "${collection.slug}"`)
  return field
}

/** A field of a collection as a bulk endpoint takes it: the collection's schema, without its defaults and access notes. */
const sameAs = (ctx: Context, slug: string, name: string): Schema => fieldSchema(fieldOf(collectionOf(ctx.config, slug), name), ctx, false) ?? {}

const pascal = (slug: string) => slug.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase())

const namesOf = (collection: SanitizedCollectionConfig) => ({
  singular: (collection.graphQL && collection.graphQL.singularName) || pascal(collection.slug),
  plural: (collection.graphQL && collection.graphQL.pluralName) || pascal(collection.slug),
})

/** The record at depth 0; `id` and the timestamps are the server's. No `required`: a field the caller may not read is left out. */
const recordSchema = (collection: SanitizedCollectionConfig, ctx: Context): Schema => {
  const fields = properties(collection.flattenedFields, ctx)
  const stamps = collection.timestamps === false ? [] : ['createdAt', 'updatedAt'].filter((name) => fields[name])
  const stamp = (name: string) => ({ type: 'string', format: 'date-time', readOnly: true, description: fields[name].description })
  return {
    type: 'object',
    description: fill(ctx.language, 'record', { name: translate(collection.labels.singular, ctx) ?? collection.slug }),
    properties: {
      id: { ...idSchema(ctx, collection.slug), readOnly: true, description: fill(ctx.language, 'id') },
      ...fields,
      ...Object.fromEntries(stamps.map((name) => [name, stamp(name)])),
    },
  }
}

/** What a POST must send: the record's fields, the required ones listed. */
const createSchema = (collection: SanitizedCollectionConfig, ctx: Context): Schema => {
  const required = requiredNames(collection.flattenedFields)
  return {
    description: fill(ctx.language, 'create', { name: translate(collection.labels.singular, ctx) ?? collection.slug }),
    allOf: [ref('schemas', namesOf(collection).singular)],
    ...(required.length ? { required } : {}),
  }
}

const errors = (...statuses: (400 | 401 | 403 | 404)[]) => {
  const names = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound' }
  return Object.fromEntries(statuses.map((status) => [String(status), ref('responses', names[status])]))
}

/** `filter`: its operators, the resource's `q` fields, and `id` for getMany. */
const filterParameter = (slug: string, search: readonly string[], ctx: Context) => {
  const id = idSchema(ctx, slug)
  const searchable = search.length ? fill(ctx.language, 'search', { fields: search.join(', ') }) : fill(ctx.language, 'noSearch')
  return {
    name: 'filter',
    in: 'query',
    description: fill(ctx.language, 'filter') + searchable,
    content: json({
      type: 'object',
      properties: { ...(search.length ? { q: { type: 'string' } } : {}), id: { anyOf: [id, { type: 'array', items: id }] } },
      examples: [search.length ? { q: 'ka' } : { id: [1, 2] }],
    }),
  }
}

/** A collection of files also takes multipart, as Payload's REST does: the file, and the fields as JSON. */
const bodyOf = (collection: SanitizedCollectionConfig, schema: Schema, ctx: Context) => {
  if (!collection.upload) return { content: json(schema) }
  const fields = { type: 'string', contentMediaType: 'application/json', contentSchema: schema, description: fill(ctx.language, 'multipartFields') }
  const file = { type: 'string', contentMediaType: 'application/octet-stream', description: fill(ctx.language, 'multipartFile') }
  return { description: fill(ctx.language, 'multipart'), content: { ...json(schema), 'multipart/form-data': { schema: { type: 'object', properties: { file, _payload: fields }, required: ['_payload'] } } } }
}

const resourcePaths = (slug: string, search: readonly string[], ctx: Context) => {
  const collection = collectionOf(ctx.config, slug)
  const { singular, plural } = namesOf(collection)
  const label = translate(collection.labels.plural, ctx) ?? slug
  const { language } = ctx
  const record = ref('schemas', singular)
  const operation = (verb: 'list' | 'get' | 'post' | 'put' | 'delete', id: string) => ({ tags: [slug], operationId: id, summary: fill(language, verb, { name: label }) })
  return {
    [`/${slug}`]: {
      get: {
        ...operation('list', `list${plural}`),
        parameters: [filterParameter(slug, search, ctx), ref('parameters', 'range'), ref('parameters', 'sort')],
        responses: {
          200: {
            description: fill(language, 'listAnswer'),
            headers: { 'Content-Range': { description: fill(language, 'contentRange', { resource: slug }), required: true, schema: { type: 'string', examples: [`${slug} 0-24/319`] } } },
            content: json({ type: 'array', items: record }),
          },
          ...errors(400, 401, 403),
        },
      },
      post: {
        ...operation('post', `create${singular}`),
        requestBody: { required: true, ...bodyOf(collection, ref('schemas', `${singular}Create`), ctx) },
        responses: { 201: { description: fill(language, 'createdAnswer'), content: json(record) }, ...errors(400, 401, 403) },
      },
    },
    [`/${slug}/{id}`]: {
      parameters: [{ name: 'id', in: 'path', required: true, description: fill(language, 'idParam'), schema: idSchema(ctx, slug) }],
      get: { ...operation('get', `get${singular}`), responses: { 200: { description: fill(language, 'oneAnswer'), content: json(record) }, ...errors(401, 403, 404) } },
      put: {
        ...operation('put', `update${singular}`),
        requestBody: { required: true, ...bodyOf(collection, record, ctx), description: [fill(language, 'update'), collection.upload ? fill(language, 'multipart') : ''].filter(Boolean).join(' ') },
        responses: { 200: { description: fill(language, 'updatedAnswer'), content: json(record) }, ...errors(400, 401, 403, 404) },
      },
      delete: { ...operation('delete', `delete${singular}`), responses: { 200: { description: fill(language, 'deletedAnswer'), content: json(record) }, ...errors(401, 403, 404) } },
    },
  }
}

const count = (ctx: Context, key: 'created' | 'updated' | 'unchanged' | 'cleared') => ({ type: 'integer', minimum: 0, description: fill(ctx.language, key) })

/** The roll of collections/attendance/roll.ts; its fields are the attendance collection's. */
const rollCallSchemas = (ctx: Context): Record<string, Schema> => {
  const { language } = ctx
  const withNote = (schema: Schema, key: 'rollDate' | 'rollSlot') => ({ ...schema, description: [schema.description, fill(language, key)].filter(Boolean).join(' ') })
  const day = withNote({ type: 'string', format: 'date' }, 'rollDate')
  return {
    RollCallInput: {
      type: 'object',
      description: fill(language, 'rollCallBody'),
      required: ['class', 'date'],
      properties: {
        class: sameAs(ctx, 'attendance', 'class'),
        date: day,
        halfDay: sameAs(ctx, 'attendance', 'halfDay'),
        slot: withNote(sameAs(ctx, 'attendance', 'slot'), 'rollSlot'),
        entries: {
          type: 'array',
          description: fill(language, 'rollEntries'),
          items: {
            type: 'object',
            required: ['student', 'status'],
            properties: {
              student: sameAs(ctx, 'attendance', 'student'),
              status: sameAs(ctx, 'attendance', 'status'),
              minutesLate: { type: ['integer', 'null'], minimum: 0, description: fill(language, 'minutesLate') },
              note: sameAs(ctx, 'attendance', 'note'),
            },
          },
        },
      },
    },
    RollCall: {
      type: 'object',
      required: ['id', 'class', 'date', 'slot', 'halfDay', 'students', 'created', 'updated', 'unchanged'],
      properties: {
        id: { type: 'string', description: fill(language, 'rollId') },
        class: sameAs(ctx, 'attendance', 'class'),
        date: day,
        slot: sameAs(ctx, 'attendance', 'slot'),
        halfDay: sameAs(ctx, 'attendance', 'halfDay'),
        students: { type: 'integer', minimum: 0, description: fill(language, 'rollStudents') },
        created: count(ctx, 'created'),
        updated: count(ctx, 'updated'),
        unchanged: count(ctx, 'unchanged'),
      },
    },
  }
}

/** The marks of collections/grading/gradesEntry.ts; its fields are the grades collection's. */
const markSheetSchemas = (ctx: Context): Record<string, Schema> => {
  const { language } = ctx
  const status = sameAs(ctx, 'grades', 'status')
  const statuses = status.enum as string[]
  const evaluation = { ...idSchema(ctx, 'evaluations'), description: fill(language, 'markSheetId') }
  return {
    MarkSheetInput: {
      type: 'object',
      description: fill(language, 'markSheetBody'),
      required: ['grades'],
      properties: {
        grades: {
          type: 'array',
          items: {
            type: 'object',
            required: ['student'],
            properties: {
              student: sameAs(ctx, 'grades', 'student'),
              // Unlike on the collection, no status is a status: "scored" when a score is given, else the mark is cleared.
              status: { type: ['string', 'null'], enum: [...statuses, null], description: status.description },
              score: sameAs(ctx, 'grades', 'score'),
              comment: sameAs(ctx, 'grades', 'comment'),
            },
          },
        },
      },
    },
    MarkSheet: {
      type: 'object',
      required: ['id', 'evaluation', 'created', 'updated', 'cleared', 'unchanged', 'grades'],
      properties: {
        id: evaluation,
        evaluation,
        created: count(ctx, 'created'),
        updated: count(ctx, 'updated'),
        cleared: count(ctx, 'cleared'),
        unchanged: count(ctx, 'unchanged'),
        grades: { type: 'array', items: ref('schemas', namesOf(collectionOf(ctx.config, 'grades')).singular) },
      },
    },
  }
}

const bulkPaths = (ctx: Context) => {
  const { language } = ctx
  return {
    '/roll-calls': {
      post: {
        tags: ['roll-calls'],
        operationId: 'createRollCall',
        summary: fill(language, 'rollCallPost'),
        description: fill(language, 'rollCallBody'),
        requestBody: { required: true, content: json(ref('schemas', 'RollCallInput')) },
        responses: {
          200: { description: fill(language, 'rollAnswer'), content: json(ref('schemas', 'RollCall')) },
          201: { description: fill(language, 'rollAnswer'), content: json(ref('schemas', 'RollCall')) },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    '/mark-sheets/{evaluationId}': {
      parameters: [{ name: 'evaluationId', in: 'path', required: true, description: fill(language, 'evaluationParam'), schema: idSchema(ctx, 'evaluations') }],
      put: {
        tags: ['mark-sheets'],
        operationId: 'updateMarkSheet',
        summary: fill(language, 'markSheetPut'),
        description: fill(language, 'markSheetBody'),
        requestBody: { required: true, content: json(ref('schemas', 'MarkSheetInput')) },
        responses: { 200: { description: fill(language, 'markSheetAnswer'), content: json(ref('schemas', 'MarkSheet')) }, ...errors(400, 401, 403, 404) },
      },
    },
  }
}

const sharedParameters = (ctx: Context) => ({
  range: {
    name: 'range',
    in: 'query',
    description: fill(ctx.language, 'range'),
    content: json({ type: 'array', prefixItems: [{ type: 'integer', minimum: 0 }, { type: 'integer', minimum: 0 }], items: false, minItems: 2, default: [0, 24], examples: [[0, 24]] }),
  },
  sort: {
    name: 'sort',
    in: 'query',
    description: fill(ctx.language, 'sort'),
    content: json({ type: 'array', prefixItems: [{ type: 'string' }, { enum: ['ASC', 'DESC'] }], items: false, minItems: 2, examples: [['id', 'ASC']] }),
  },
})

const errorSchema = (ctx: Context): Schema => ({
  type: 'object',
  description: fill(ctx.language, 'errorSchema'),
  required: ['message', 'status'],
  properties: {
    message: { type: 'string' },
    status: { type: 'integer' },
    errors: { type: 'object', additionalProperties: { type: 'string' }, examples: [{ matricule: 'Ce matricule est déjà pris.' }] },
  },
})

const errorResponses = (ctx: Context) => {
  const answer = (key: 'badRequest' | 'unauthorized' | 'forbidden' | 'notFound') => ({ description: fill(ctx.language, key), content: json(ref('schemas', 'Error')) })
  return { BadRequest: answer('badRequest'), Unauthorized: answer('unauthorized'), Forbidden: answer('forbidden'), NotFound: answer('notFound') }
}

/** Payload's own strategies: its cookie, its JWT header, and the API keys of the auth collections that enable them. */
const securitySchemes = (ctx: Context) => {
  const keyed = ctx.config.collections.filter((c) => c.auth?.useAPIKey).map((c) => c.slug)
  return {
    cookie: { type: 'apiKey', in: 'cookie', name: `${ctx.config.cookiePrefix}-token`, description: fill(ctx.language, 'cookie') },
    jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: fill(ctx.language, 'jwt') },
    ...Object.fromEntries(keyed.map((slug) => [`${slug}-api-key`, { type: 'apiKey', in: 'header', name: 'Authorization', description: fill(ctx.language, 'apiKey', { collection: slug }) }])),
  }
}

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the sanitized config: one tag, two paths
 * and two schemas per resource of resources.ts, plus the roll calls and the mark sheets.
 */
export const openAPIDocument = (config: SanitizedConfig, serverURL: string, language: Language = 'fr') => {
  const ctx = contextOf(config, language)
  const served = Object.entries(resources).map(([slug, { search }]) => ({ slug, search, collection: collectionOf(config, slug) }))
  const schemes = securitySchemes(ctx)
  return {
    openapi: '3.1.0',
    info: { title: 'Kelasi', version: pkg.version, description: fill(language, 'info') },
    servers: [{ url: `${serverURL.replace(/\/+$/, '')}/api/v1` }],
    security: Object.keys(schemes).map((name) => ({ [name]: [] })),
    tags: [
      ...served.map(({ slug, collection }) => ({ name: slug, description: translate(collection.labels.plural, ctx) })),
      { name: 'roll-calls', description: fill(language, 'rollCalls') },
      { name: 'mark-sheets', description: fill(language, 'markSheets') },
    ],
    paths: {
      ...Object.assign({}, ...served.map(({ slug, search }) => resourcePaths(slug, search, ctx))),
      ...bulkPaths(ctx),
    },
    components: {
      schemas: {
        Error: errorSchema(ctx),
        ...Object.fromEntries(
          served.flatMap(({ collection }) => [
            [namesOf(collection).singular, recordSchema(collection, ctx)],
            [`${namesOf(collection).singular}Create`, createSchema(collection, ctx)],
          ]),
        ),
        ...rollCallSchemas(ctx),
        ...markSheetSchemas(ctx),
      },
      parameters: sharedParameters(ctx),
      responses: errorResponses(ctx),
      securitySchemes: schemes,
    },
  }
}
