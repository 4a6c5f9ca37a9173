import { APIError, type Endpoint, type PayloadRequest } from 'payload'
import { idOf, type ID } from '../../src/access/ids'
import { pdfResponse } from '../../src/api/pdf'
import { bodyOf, needUser } from '../../src/api/request'
import { asLanguage, tReq } from '../../src/i18n'
import { renderReportCard, renderReportCards } from '../../src/pdf/reportCard'
import { reportCardAssets } from '../../src/reportCards/assets'
import { generateClassReportCards } from '../../src/reportCards/generate'
import { printable, publishReportCards } from '../../src/reportCards/publish'
import { invalid, type FieldError } from '../../hooks/invalid'

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

/** A record's id as a client may send it (a number, its digits, or the record), else undefined. */
const recordId = (value: unknown): ID | undefined => {
  const id = idOf(value as never)
  return (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) || (typeof id === 'string' && /^[1-9]\d{0,15}$/.test(id)) ? Number(id) : undefined
}

/** The ids of `fields` in `values`: each required one present, each given one well formed, or a 400 naming them. */
const idsIn = <K extends string>(req: PayloadRequest, values: Partial<Record<K, unknown>>, missing: string, required: K[], optional: K[] = []) => {
  const errors: FieldError[] = []
  const ids = {} as Partial<Record<K, ID>>
  for (const field of [...required, ...optional]) {
    const given = values[field] != null && values[field] !== ''
    if (!given && !required.includes(field)) continue
    const id = recordId(values[field])
    if (id == null) errors.push({ path: field, message: tReq(req, given ? 'errors.reportCards.badId' : missing) })
    else ids[field] = id
  }
  if (errors.length) throw invalid(req, errors)
  return ids
}

/**
 * `POST /api/report-cards/publish {term, class?, student?}`: publishes the term's generated
 * drafts (of the class, of the pupil, or all of the school's) in one transaction → `{published}`.
 * The registers of the school only; each card queues its guardians' e-mail.
 */
export const publishEndpoint: Endpoint = {
  path: '/publish',
  method: 'post',
  handler: async (req) => {
    needUser(req)
    const body = await bodyOf<{ term?: unknown; class?: unknown; student?: unknown }>(req)
    const ids = idsIn(req, body, 'errors.reportCards.termRequired', ['term'], ['class', 'student'])
    return Response.json(await publishReportCards(req, { term: ids.term!, classes: ids.class != null ? [ids.class] : undefined, student: ids.student }))
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
    const snapshot = printable(card, asLanguage(req.i18n?.language))
    if (!snapshot) throw invalid(req, [{ path: 'snapshot', message: tReq(req, 'errors.reportCards.notGenerated') }])
    const [assets] = await reportCardAssets(req.payload, [card])
    return pdfResponse(await renderReportCard(snapshot, assets), `bulletin-${snapshot.pupil.matricule}-${card.id}.pdf`)
  },
}

/**
 * `GET /api/report-cards/class-pdf?class=&term=`: every card of a class and term the caller may
 * read, in pupil-name order, as one PDF to print (one page a card), in the reader's language;
 * 404 when there is none. Staff in practice: a family reads only its own published cards anyway.
 */
export const classPdfEndpoint: Endpoint = {
  path: '/class-pdf',
  method: 'get',
  handler: async (req) => {
    needUser(req)
    const query = { class: req.searchParams.get('class'), term: req.searchParams.get('term') }
    const ids = idsIn(req, query, 'errors.reportCards.classAndTerm', ['class', 'term'])
    const language = asLanguage(req.i18n?.language)
    const { docs } = await req.payload.find({
      collection: 'report-cards',
      where: { class: { equals: ids.class }, term: { equals: ids.term } },
      pagination: false,
      depth: 0,
      overrideAccess: false,
      req,
    })
    const cards = docs
      .flatMap((card) => {
        const snapshot = printable(card, language)
        return snapshot ? [{ card, snapshot }] : []
      })
      .sort((a, b) => a.snapshot.pupil.fullName.localeCompare(b.snapshot.pupil.fullName, 'fr'))
    if (!cards.length) throw new APIError(tReq(req, 'errors.reportCards.noneToPrint'), 404)
    const assets = await reportCardAssets(req.payload, cards.map(({ card }) => card))
    const pdf = await renderReportCards(cards.map(({ snapshot }, i) => ({ snapshot, ...assets[i] })))
    return pdfResponse(pdf, `bulletins-${cards[0].snapshot.className}-${cards[0].snapshot.termName}.pdf`)
  },
}
