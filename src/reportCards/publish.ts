import { createHash } from 'node:crypto'
import { Forbidden, type PayloadRequest, type Where } from 'payload'
import type { ReportCard } from '../../payload-types'
import type { ID } from '../access/ids'
import { inTransaction } from '../db/transaction'
import { hasAnyMark, type ReportCardSnapshot } from '../domain/reportCard'
import { tReq, type Language } from '../i18n'
import { invalid } from '../../hooks/invalid'

type Card = Pick<ReportCard, 'snapshot' | 'conduct' | 'application' | 'teacherAppreciation' | 'headAppreciation'>

/**
 * The bulletin as printed, in `language`: the frozen figures with what the school wrote on the
 * card itself (conduct, application, appreciations); null while the card has not been generated.
 */
export const printable = (card: Card, language: Language): ReportCardSnapshot | null => {
  const snapshot = card.snapshot as ReportCardSnapshot | null | undefined
  if (!snapshot?.figures) return null
  const written = (value: string | null | undefined, frozen: string | null | undefined) => value || frozen || null
  return {
    ...snapshot,
    language,
    conduct: written(card.conduct, snapshot.conduct),
    application: written(card.application, snapshot.application),
    teacherAppreciation: written(card.teacherAppreciation, snapshot.teacherAppreciation),
    headAppreciation: written(card.headAppreciation, snapshot.headAppreciation),
  }
}

/** JSON with sorted keys: PostgreSQL's jsonb does not keep the order the snapshot was written in. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
          .join(',')}}`
      : JSON.stringify(value ?? null)

/** A fingerprint of everything the bulletin prints, whatever the language: what the families were told. */
export const versionOf = (snapshot: ReportCardSnapshot) => createHash('sha256').update(canonical({ ...snapshot, language: null })).digest('hex')

type Options = { term: ID; classes?: ID[]; student?: ID; system?: boolean }

/**
 * Publishes the generated drafts of a term (in `classes`, or of `student`, or the whole term),
 * with the caller's access unless `system`: all of them in one transaction, or none. Each card's
 * hooks run as for a single publication (stamp, audit, the guardians' e-mail queued).
 */
export const publishReportCards = async (req: PayloadRequest, { term, classes, student, system = false }: Options): Promise<{ published: number }> => {
  const overrideAccess = system
  if (!system) {
    const update = req.payload.collections['report-cards'].config.access.update
    if (!update || (await update({ req })) === false) throw new Forbidden(req.t)
  }
  const found = await req.payload.find({ collection: 'terms', where: { id: { equals: term } }, limit: 1, depth: 0, overrideAccess, req })
  if (!found.docs.length) throw invalid(req, [{ path: 'term', message: tReq(req, 'errors.reportCards.unknownTerm') }])
  const where: Where = {
    and: [
      { term: { equals: term } },
      { status: { equals: 'draft' } },
      ...(classes ? [{ class: { in: classes } }] : []),
      ...(student != null ? [{ student: { equals: student } }] : []),
    ],
  }
  return inTransaction(req, async () => {
    const drafts = await req.payload.find({ collection: 'report-cards', where, pagination: false, depth: 0, overrideAccess, req, select: { snapshot: true } })
    // A draft never generated, or without a single mark yet, has nothing to print: it stays a draft.
    const ready = drafts.docs.filter((card) => hasAnyMark(printable(card, 'fr')?.figures))
    for (const card of ready) await req.payload.update({ collection: 'report-cards', id: card.id, data: { status: 'published' }, depth: 0, overrideAccess, req })
    return { published: ready.length }
  })
}
