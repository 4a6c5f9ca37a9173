import type { PayloadRequest } from 'payload'
import { asLanguage, languages, type Language } from '../i18n'

/** A PDF answered inline (opened in the browser, downloadable), never cached by a proxy: it is one family's document. */
export const pdfResponse = (pdf: Uint8Array, name: string) =>
  new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${name.replace(/[^A-Za-z0-9._-]+/g, '-')}"`,
      'Cache-Control': 'private, no-store',
    },
  })

/**
 * The language a document is printed in for its reader: `?lang=fr|en` when asked, else the
 * language of the reader's account (an e-mailed link opened anywhere prints as they chose),
 * else the one Payload read from the request (cookie, Accept-Language), else French.
 */
export const readerLanguage = (req: PayloadRequest): Language => {
  const asked = req.searchParams?.get('lang')
  if (asked && languages.includes(asked as Language)) return asked as Language
  const own = (req.user as { language?: unknown } | null)?.language
  return asLanguage(own ?? req.i18n?.language)
}
