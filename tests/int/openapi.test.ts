/** The OpenAPI document of /api/v1, generated from the real sanitized config: valid, and what an integrator relies on. */
import { Validator } from '@seriousme/openapi-schema-validator'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import type { Payload } from 'payload'
import pkg from '../../package.json' with { type: 'json' }
import { openAPIDocument } from '../../src/api/v1/openapi'
import { resources, type Resource } from '../../src/api/v1/resources'
import { closeTestPayload, testPayload } from '../support/payload'

type Tree = { [key: string]: unknown }

let payload: Payload
let doc: Tree
beforeAll(async () => {
  payload = await testPayload()
  // Through JSON, as GET /api/v1/openapi.json will serve it.
  doc = JSON.parse(JSON.stringify(openAPIDocument(payload.config, 'https://ecole.example/')))
})
afterAll(closeTestPayload)

const at = (tree: unknown, ...keys: string[]): Tree => keys.reduce((node, key) => (node as Tree)?.[key] as Tree, tree as Tree)
const resolve = (node: Tree): Tree => (typeof node.$ref === 'string' ? at(doc, ...node.$ref.slice(2).split('/')) : node)
/** The record schema of a resource, found the way a client finds it: from its list answer. */
const recordOf = (slug: Resource) => resolve(at(doc, 'paths', `/${slug}`, 'get', 'responses', '200', 'content', 'application/json', 'schema', 'items'))
const refsIn = (node: unknown): string[] =>
  node && typeof node === 'object' ? Object.entries(node).flatMap(([key, value]) => (key === '$ref' ? [String(value)] : refsIn(value))) : []

describe('the OpenAPI document of /api/v1', () => {
  it('is a valid OpenAPI 3.1 document, in French and in English, every $ref resolved', async () => {
    for (const language of ['fr', 'en'] as const) {
      const answer = await new Validator().validate(openAPIDocument(payload.config, 'https://ecole.example', language))
      expect({ language, ...answer }).toEqual({ language, valid: true })
    }
    expect(doc.openapi).toBe('3.1.0')
    for (const ref of new Set(refsIn(doc))) expect({ ref, found: resolve({ $ref: ref }) !== undefined }).toEqual({ ref, found: true })
  })

  it('says who it is and where it answers', () => {
    expect(at(doc, 'info')).toMatchObject({ title: 'Kelasi', version: pkg.version })
    expect(doc.servers).toEqual([{ url: 'https://ecole.example/api/v1' }])
    expect(Object.keys(at(doc, 'components', 'securitySchemes')).sort()).toEqual(['cookie', 'jwt', 'users-api-key'])
    expect(at(doc, 'components', 'securitySchemes', 'cookie')).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'payload-token' })
  })

  it('has the five operations of every resource, each with its tag', () => {
    for (const slug of Object.keys(resources)) {
      expect({ slug, list: Object.keys(at(doc, 'paths', `/${slug}`)).sort() }).toEqual({ slug, list: ['get', 'post'] })
      expect({ slug, one: Object.keys(at(doc, 'paths', `/${slug}/{id}`)).sort() }).toEqual({ slug, one: ['delete', 'get', 'parameters', 'put'] })
      expect(at(doc, 'paths', `/${slug}`, 'get', 'tags')).toEqual([slug])
    }
    expect((doc.tags as Tree[]).map((tag) => tag.name)).toEqual([...Object.keys(resources), 'roll-calls', 'mark-sheets'])
  })

  it('documents the list: filter, range and sort as JSON, the Content-Range header, the errors', () => {
    const list = at(doc, 'paths', '/students', 'get')
    const parameters = (list.parameters as Tree[]).map(resolve)
    expect(parameters.map((p) => [p.name, p.in])).toEqual([['filter', 'query'], ['range', 'query'], ['sort', 'query']])
    expect(String(parameters[0].description)).toContain('fullName, matricule')
    expect(at(parameters[1], 'content', 'application/json', 'schema', 'default')).toEqual([0, 24])
    expect(at(list, 'responses', '200', 'headers', 'Content-Range')).toMatchObject({ required: true, schema: { type: 'string' } })
    expect(Object.keys(at(list, 'responses')).sort()).toEqual(['200', '400', '401', '403'])
    expect(at(resolve(at(list, 'responses', '400')), 'content', 'application/json', 'schema')).toEqual({ $ref: '#/components/schemas/Error' })
    expect(at(doc, 'components', 'schemas', 'Error', 'required')).toEqual(['message', 'status'])
  })

  it('describes the students as stored: names, matricule, sex and its values, what a create must send', () => {
    const student = at(recordOf('students'), 'properties')
    expect(at(student, 'fullName', 'type')).toEqual(['string', 'null'])
    expect(at(student, 'matricule', 'type')).toBe('string')
    expect(at(student, 'sex')).toMatchObject({ type: 'string', enum: ['M', 'F'] })
    expect(String(at(student, 'sex').description)).toContain('Sexe')
    expect(at(student, 'id')).toMatchObject({ type: 'integer', readOnly: true })
    expect(at(student, 'createdAt')).toMatchObject({ type: 'string', format: 'date-time', readOnly: true })
    const create = resolve(at(doc, 'paths', '/students', 'post', 'requestBody', 'content', 'application/json', 'schema'))
    expect(create.required).toEqual(expect.arrayContaining(['matricule', 'lastName', 'sex']))
    expect(create.required).not.toContain('fullName')
  })

  it('gives relationships as ids, lists as arrays, groups as objects, and leaves join fields out', () => {
    expect(at(recordOf('enrollments'), 'properties', 'class', 'type')).toBe('integer')
    expect(at(recordOf('students'), 'properties', 'guardians')).toMatchObject({ type: 'array', items: { type: 'integer' } })
    expect(at(recordOf('classes'), 'properties', 'groups', 'items', 'properties', 'code', 'type')).toBe('string')
    expect(at(recordOf('fee-schedules'), 'properties', 'latePenalty', 'type')).toBe('object')
    expect(at(recordOf('guardians'), 'properties', 'children')).toBeUndefined()
  })

  it('takes the resources’ files as multipart (the file, the fields as JSON in _payload) as well as JSON', () => {
    for (const [verb, path] of [['post', '/resources'], ['put', '/resources/{id}']]) {
      const content = at(doc, 'paths', path, verb, 'requestBody', 'content')
      expect({ verb, types: Object.keys(content).sort() }).toEqual({ verb, types: ['application/json', 'multipart/form-data'] })
      expect(Object.keys(at(content, 'multipart/form-data', 'schema', 'properties'))).toEqual(['file', '_payload'])
    }
    expect(Object.keys(at(doc, 'paths', '/students', 'post', 'requestBody', 'content'))).toEqual(['application/json'])
  })

  it('has the roll calls and the mark sheets', () => {
    const roll = resolve(at(doc, 'paths', '/roll-calls', 'post', 'requestBody', 'content', 'application/json', 'schema'))
    expect(roll.required).toEqual(['class', 'date'])
    expect(at(roll, 'properties', 'entries', 'items', 'properties', 'status', 'enum')).toEqual(expect.arrayContaining(['present', 'absent', 'late']))
    expect(at(roll, 'properties', 'halfDay', 'enum')).toEqual(['morning', 'afternoon', null])
    const sheet = at(doc, 'paths', '/mark-sheets/{evaluationId}', 'put')
    const body = resolve(at(sheet, 'requestBody', 'content', 'application/json', 'schema'))
    expect(at(body, 'properties', 'grades', 'items', 'properties', 'status', 'enum')).toEqual(['scored', 'absent', 'exempt', null])
    const answer = resolve(at(sheet, 'responses', '200', 'content', 'application/json', 'schema'))
    expect(at(answer, 'properties', 'grades', 'items')).toEqual({ $ref: '#/components/schemas/Grade' })
  })

  it('matches the records of the demo school, as Payload returns them at depth 0', async () => {
    const ajv = addFormats(new Ajv2020({ allowUnionTypes: true }))
    const withRows: string[] = []
    for (const slug of Object.keys(resources) as Resource[]) {
      const check = ajv.compile(recordOf(slug))
      const { docs } = await payload.find({ collection: slug, depth: 0, limit: 20, overrideAccess: true })
      if (docs.length) withRows.push(slug)
      for (const record of docs) {
        check(JSON.parse(JSON.stringify(record)))
        expect({ slug, id: record.id, errors: check.errors ?? null }).toEqual({ slug, id: record.id, errors: null })
      }
    }
    expect(withRows).toEqual(expect.arrayContaining(['students', 'enrollments', 'fee-schedules', 'grades', 'invoices', 'timetable-slots']))
  })

  it('is written in the language asked for', () => {
    const english = openAPIDocument(payload.config, 'https://ecole.example', 'en')
    expect(english.tags.find((tag) => tag.name === 'students')?.description).toBe('Students')
    expect((doc.tags as Tree[]).find((tag) => tag.name === 'students')?.description).toBe('Élèves')
  })
})
