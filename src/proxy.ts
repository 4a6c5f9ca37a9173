import { type NextRequest, NextResponse } from 'next/server'
import { defaultLocale, isLocale, languageCookie } from '../portal/i18n/locales'
import { t } from './i18n'

/** JSON bodies above this are refused before anything reads them; uploads have their own limit. */
const maxJsonBytes = Number(process.env.KELASI_MAX_BODY_BYTES || 1024 * 1024)
const maxUploadBytes = Number(process.env.KELASI_MAX_UPLOAD_BYTES || 10 * 1024 * 1024) + 64 * 1024

const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} Mio`

/** The portal's language: the one remembered by its cookie, French otherwise. */
const rememberedLanguage = (request: NextRequest) => {
  const remembered = request.cookies.get(languageCookie)?.value
  return isLocale(remembered) ? remembered : defaultLocale
}

/**
 * Payload ignores its cookie on a cross-site request. Opening a page or a PDF from a link in an
 * e-mail is one, and only reads (SameSite=Lax sends the cookie for exactly that); every write is
 * a POST, which Payload and Next (server actions) check against the site's own origin.
 */
const requestHeaders = (request: NextRequest) => {
  const headers = new Headers(request.headers)
  if (request.method === 'GET' && request.headers.get('sec-fetch-mode') === 'navigate') headers.set('sec-fetch-site', 'same-origin')
  return headers
}

/** `/` opens the portal in the visitor's language; a portal page learns its own path (for the language switch). */
const portal = (request: NextRequest) => {
  const { pathname, search } = request.nextUrl
  if (pathname === '/') return NextResponse.redirect(new URL(`/${rememberedLanguage(request)}`, request.url))
  const headers = requestHeaders(request)
  headers.set('x-kelasi-path', `${pathname}${search}`)
  return NextResponse.next({ request: { headers } })
}

export function proxy(request: NextRequest) {
  if (!request.nextUrl.pathname.startsWith('/api/')) return portal(request)
  const length = Number(request.headers.get('content-length') || 0)
  const multipart = request.headers.get('content-type')?.startsWith('multipart/form-data')
  const limit = multipart ? maxUploadBytes : maxJsonBytes
  if (length <= limit) return NextResponse.next({ request: { headers: requestHeaders(request) } })
  const language = request.headers.get('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'fr'
  const message = t(language, 'errors.bodyTooLarge', { max: mebibytes(limit) })
  return NextResponse.json({ errors: [{ message, data: { errors: [{ path: 'body', message }] } }] }, { status: 413 })
}

export const config = { matcher: ['/api/:path*', '/', '/fr/:path*', '/en/:path*', '/fr', '/en'] }
