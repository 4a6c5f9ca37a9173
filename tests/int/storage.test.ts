/**
 * Uploads on S3: with S3_BUCKET set, a file uploaded through Payload lands in the bucket (under
 * its collection's prefix, with its image sizes), never on the local disk, and is still served
 * only through Payload's own file route after the collection's read access: the parent who
 * uploaded it and the secretariat get the same bytes, another family, a student and an
 * anonymous caller get nothing; deleting the record deletes the objects.
 *
 * The config reads S3_* when it is imported, so this file starts the S3 server and sets the
 * environment first, then imports the config (through the test helpers) dynamically: jest gives
 * each test file its own module registry and its own copy of process.env, so this Payload is
 * the only one on S3 and no other file sees these variables.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { demoAccounts, otherAccounts, tokenFor } from '../support/accounts'
import { startS3, type TestS3 } from '../support/s3'

let s3: TestS3
let payload: Payload
let rest: typeof import('../support/http').rest
let download: typeof import('../support/download').download
let closeTestPayload: () => Promise<void>
const tokens: Record<string, string> = {}
const made: number[] = []

const accounts = { parent: demoAccounts.parent, secretariat: demoAccounts.secretariat, student: demoAccounts.student, otherParent: otherAccounts.parent }

beforeAll(async () => {
  s3 = await startS3()
  Object.assign(process.env, s3.env)
  const helpers = await import('../support/payload')
  ;({ rest } = await import('../support/http'))
  ;({ download } = await import('../support/download'))
  closeTestPayload = helpers.closeTestPayload
  payload = await helpers.testPayload()
  for (const [who, email] of Object.entries(accounts)) tokens[who] = await tokenFor(payload, email)
})

afterAll(async () => {
  for (const id of made) await payload.delete({ collection: 'media', id, overrideAccess: true }).catch(() => undefined)
  await closeTestPayload()
  await s3.stop()
})

/** A photo of a certificate, large enough to get its thumbnail. */
const photo = () => sharp({ create: { width: 480, height: 360, channels: 3, background: { r: 240, g: 236, b: 220 } } }).png().toBuffer()

const upload = async (who: string, bytes: Buffer, name: string) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name)
  form.append('_payload', JSON.stringify({ alt: 'Certificat médical' }))
  const answer = await rest('POST', '/media', { token: tokens[who], form })
  expect(answer.status).toBe(201)
  made.push(answer.body.doc.id)
  return answer.body.doc
}

const fileRoute = (filename: string) => `/media/file/${encodeURIComponent(filename)}`
/** The route of a document's own `url`, as the admin and the portal link to it. */
const routeOf = (url: string) => new URL(url).pathname.replace(/^\/api/, '') + new URL(url).search

it('stores an upload and its thumbnail in the bucket, not on the local disk', async () => {
  const bytes = await photo()
  const doc = await upload('parent', bytes, `certificat-${Date.now()}.png`)
  const thumbnail = doc.sizes.thumbnail.filename
  expect(thumbnail).toBeTruthy()
  expect(await s3.keys('media/')).toEqual(expect.arrayContaining([`media/${doc.filename}`, `media/${thumbnail}`]))
  expect((await s3.bytes(`media/${doc.filename}`)).equals(bytes)).toBe(true)
  expect(existsSync(path.join(process.env.KELASI_MEDIA_DIR!, doc.filename))).toBe(false)
  // The address handed out is Payload's access-checked route, never the bucket's.
  expect(doc.url).toBe(`${process.env.SERVER_URL}/api${fileRoute(doc.filename)}?prefix=media`)
  expect(doc.url).not.toContain(s3.env.S3_ENDPOINT)
})

it('serves the file from the bucket to those who may read the record, and to nobody else', async () => {
  const bytes = await photo()
  const doc = await upload('parent', bytes, `certificat-${Date.now()}-b.png`)
  for (const who of ['parent', 'secretariat']) {
    const file = await download(routeOf(doc.url), { token: tokens[who] })
    expect({ who, status: file.status, type: file.headers.get('content-type') }).toEqual({ who, status: 200, type: 'image/png' })
    expect(file.data.equals(bytes)).toBe(true)
  }
  for (const who of ['otherParent', 'student', 'anonymous']) {
    for (const url of [doc.url, doc.sizes.thumbnail.url]) {
      const file = await download(routeOf(url), { token: tokens[who] })
      expect({ who, url, refused: [403, 404].includes(file.status), bytes: file.data.length > 100 }).toEqual({ who, url, refused: true, bytes: false })
    }
  }
})

it('answers a range request from the bucket', async () => {
  const bytes = await photo()
  const doc = await upload('parent', bytes, `certificat-${Date.now()}-c.png`)
  const part = await download(fileRoute(doc.filename), { token: tokens.secretariat, headers: { Range: 'bytes=0-7' } })
  expect(part.status).toBe(206)
  expect(part.data.equals(bytes.subarray(0, 8))).toBe(true)
})

it('deletes the objects with the record', async () => {
  const doc = await upload('parent', await photo(), `certificat-${Date.now()}-d.png`)
  const keys = [`media/${doc.filename}`, `media/${doc.sizes.thumbnail.filename}`]
  expect(await s3.keys('media/')).toEqual(expect.arrayContaining(keys))
  await payload.delete({ collection: 'media', id: doc.id, overrideAccess: true })
  const left = await s3.keys('media/')
  expect(keys.filter((key) => left.includes(key))).toEqual([])
})
