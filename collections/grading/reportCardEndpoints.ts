import type { Endpoint } from 'payload'
import { idOf } from '../../src/access/ids'
import { bodyOf, needUser } from '../../src/api/request'
import type { ReportCardSnapshot } from '../../src/domain/reportCard'
import { asLanguage, tReq } from '../../src/i18n'
import { renderReportCard } from '../../src/pdf/reportCard'
import { generateClassReportCards } from '../../src/reportCards/generate'
import { invalid } from '../../hooks/invalid'

/** `POST /api/report-cards/generate {class, term}`: a class's cards for a term, as drafts (again: refreshed, never duplicated). */
export const generateEndpoint: Endpoint = {
  path: '/generate',
  method: 'post',
  handler: async (req) => {
    needUser(req)
    const body = await bodyOf<{ class?: unknown; term?: unknown }>(req)
    const [klass, term] = [idOf(body.class as never), idOf(body.term as never)]
    if (klass == null || term == null) throw invalid(req, [{ path: klass == null ? 'class' : 'term', message: tReq(req, 'errors.reportCards.classAndTerm') }])
    return Response.json(await generateClassReportCards(req, klass, term))
  },
}

/**
 * `GET /api/report-cards/:id/pdf`: the card as a PDF, in the reader's language, for whoever may
 * read the card itself (a guessed id of another family's card answers 404, a draft too).
 */
export const pdfEndpoint: Endpoint = {
  path: '/:id/pdf',
  method: 'get',
  handler: async (req) => {
    needUser(req)
    const card = await req.payload.findByID({ collection: 'report-cards', id: String(req.routeParams?.id), depth: 0, overrideAccess: false, req })
    const snapshot = card.snapshot as ReportCardSnapshot | null
    if (!snapshot?.figures) throw invalid(req, [{ path: 'snapshot', message: tReq(req, 'errors.reportCards.notGenerated') }])
    const pdf = await renderReportCard({ ...snapshot, language: asLanguage(req.i18n?.language) })
    const name = `bulletin-${snapshot.pupil.matricule}-${card.id}.pdf`.replace(/[^A-Za-z0-9._-]+/g, '-')
    return new Response(new Uint8Array(pdf), {
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${name}"`, 'Cache-Control': 'private, no-store' },
    })
  },
}
