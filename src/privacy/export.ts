import { readFile } from 'node:fs/promises'
import path from 'node:path'
import JSZip from 'jszip'
import type { PayloadRequest } from 'payload'
import { withoutSecrets } from '../domain/privacy'
import { asLanguage } from '../i18n'
import { renderReportCard } from '../pdf/reportCard'
import { reportCardAssets } from '../reportCards/assets'
import { printable } from '../reportCards/publish'
import { mediaFiles, type Dossier } from './dossier'

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
const clean = (docs: Record<string, unknown>[]) => docs.map((doc) => withoutSecrets(doc))

/**
 * The dossier as a zip: one JSON file per collection, the person's files under `media/`, their
 * report cards as printed under `report-cards/`, and `manifest.json` saying who, when, by whom,
 * how many. Secrets (password hash, sessions, API key, link-code hashes) are never in it.
 */
export const dossierZip = async (req: PayloadRequest, dossier: Dossier) => {
  const zip = new JSZip()
  const own = dossier.person === 'student' ? 'students' : 'guardians'
  const files: Record<string, Record<string, unknown>[]> = { [own]: [dossier.record], users: dossier.user ? [dossier.user] : [], ...dossier.records }
  const counts: Record<string, number> = {}
  for (const [collection, docs] of Object.entries(files)) {
    zip.file(`${collection}.json`, json(clean(docs)))
    counts[collection] = docs.length
  }
  const missing: string[] = []
  for (const media of dossier.records.media ?? []) {
    const [original] = mediaFiles(req, media)
    if (!original) continue
    const data = await readFile(original).catch(() => null)
    if (data) zip.file(`media/${media.id}-${path.basename(original)}`, data)
    else missing.push(String(media.id))
  }
  const cards = (dossier.records['report-cards'] ?? []).filter((card) => printable(card as never, 'fr'))
  const assets = cards.length ? await reportCardAssets(req.payload, cards as never) : []
  const language = asLanguage(req.i18n?.language)
  for (const [at, card] of cards.entries()) zip.file(`report-cards/${card.id}.pdf`, await renderReportCard(printable(card as never, language)!, assets[at]))
  counts['report-cards (pdf)'] = cards.length
  const manifest = {
    person: { kind: dossier.person, collection: own, id: dossier.record.id, name: dossier.record.fullName ?? null },
    exportedAt: new Date().toISOString(),
    exportedBy: { id: req.user?.id ?? null, email: req.user?.email ?? null },
    counts,
    // A file whose record exists but whose bytes are gone from the disk: said, not hidden.
    missingFiles: missing,
  }
  zip.file('manifest.json', json(manifest))
  return { data: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), counts }
}
