import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { idOf, type ID } from '../access/ids'
import type { ReportCardAssets } from '../pdf/reportCard'

type Box = { width: number; height: number; format: 'png' | 'jpeg' }
/** About 4× the printed box (56 pt logo, 50 × 62 pt photo): sharp on paper, a few kB in the file. */
const logoBox: Box = { width: 240, height: 240, format: 'png' }
const photoBox: Box = { width: 200, height: 248, format: 'jpeg' }

/** Pictures already prepared, by media id and version: a class shares its school's logo. */
const prepared = new Map<string, Promise<Uint8Array | undefined>>()

const prepare = (file: string, box: Box) =>
  readFile(file)
    .then((bytes) => {
      const image = sharp(bytes).rotate().resize({ width: box.width, height: box.height, fit: 'inside', withoutEnlargement: true })
      return box.format === 'png' ? image.png().toBuffer() : image.flatten({ background: '#ffffff' }).jpeg({ quality: 82 }).toBuffer()
    })
    .then((buffer) => new Uint8Array(buffer))
    // A missing or unreadable file (or a PDF in the media) prints the card without that picture.
    .catch(() => undefined)

type StoredFile = { id: unknown; filename?: string | null; updatedAt?: string | null }

/** One media file prepared for `box`, once per version of the file. */
const preparedFile = (folder: string, doc: StoredFile | undefined, box: Box) => {
  if (!doc?.filename) return undefined
  const key = `${doc.id}:${doc.updatedAt}:${box.format}`
  if (!prepared.has(key)) {
    if (prepared.size >= 500) prepared.clear()
    prepared.set(key, prepare(path.join(folder, path.basename(doc.filename)), box))
  }
  return prepared.get(key)
}

/**
 * The school's logo and the pupil's photo for each card, ready for the PDF (PNG or JPEG, scaled
 * down), read as the system: whoever prints the card was already allowed to read it.
 */
export const reportCardAssets = async (payload: Payload, cards: { school: unknown; student: unknown }[]): Promise<ReportCardAssets[]> => {
  const ids = (values: unknown[]) => [...new Set(values.map((v) => idOf(v as never)).filter((id): id is ID => id != null))]
  const system = { depth: 0, pagination: false, overrideAccess: true } as const
  const [schools, students] = await Promise.all([
    payload.find({ collection: 'schools', where: { id: { in: ids(cards.map((c) => c.school)) } }, select: { logo: true }, ...system }),
    payload.find({ collection: 'students', where: { id: { in: ids(cards.map((c) => c.student)) } }, select: { photo: true }, ...system }),
  ])
  const logoOf = new Map(schools.docs.map((s) => [String(s.id), idOf(s.logo as never)]))
  const photoOf = new Map(students.docs.map((s) => [String(s.id), idOf(s.photo as never)]))
  const mediaIds = ids([...logoOf.values(), ...photoOf.values()])
  const media = mediaIds.length ? (await payload.find({ collection: 'media', where: { id: { in: mediaIds } }, select: { filename: true, updatedAt: true }, ...system })).docs : []
  const folder = path.resolve(payload.collections.media.config.upload.staticDir ?? 'media')
  const picture = (id: ID | null | undefined, box: Box) => preparedFile(folder, media.find((m) => String(m.id) === String(id)), box)
  return Promise.all(
    cards.map(async (card) => {
      const [logo, photo] = await Promise.all([
        picture(logoOf.get(String(idOf(card.school as never))), logoBox),
        picture(photoOf.get(String(idOf(card.student as never))), photoBox),
      ])
      return { ...(logo && { logo }), ...(photo && { photo }) }
    }),
  )
}

/** The school's logo alone, ready for an invoice or a receipt (the same preparation and cache as the cards'). */
export const schoolLogo = async (payload: Payload, school: unknown): Promise<Uint8Array | undefined> => {
  const id = idOf(school as never)
  if (id == null) return undefined
  const found = await payload.find({ collection: 'schools', where: { id: { equals: id } }, limit: 1, depth: 0, overrideAccess: true, select: { logo: true } })
  const logo = idOf(found.docs[0]?.logo as never)
  if (logo == null) return undefined
  const media = (await payload.find({ collection: 'media', where: { id: { equals: logo } }, limit: 1, depth: 0, overrideAccess: true, select: { filename: true, updatedAt: true } })).docs[0]
  return preparedFile(path.resolve(payload.collections.media.config.upload.staticDir ?? 'media'), media, logoBox)
}
