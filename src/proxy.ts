import { type NextRequest, NextResponse } from 'next/server'
import { t } from './i18n'

/** JSON bodies above this are refused before anything reads them; uploads have their own limit. */
const maxJsonBytes = Number(process.env.KELASI_MAX_BODY_BYTES || 1024 * 1024)
const maxUploadBytes = Number(process.env.KELASI_MAX_UPLOAD_BYTES || 10 * 1024 * 1024) + 64 * 1024

const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} Mio`

export function proxy(request: NextRequest) {
  const length = Number(request.headers.get('content-length') || 0)
  const multipart = request.headers.get('content-type')?.startsWith('multipart/form-data')
  const limit = multipart ? maxUploadBytes : maxJsonBytes
  if (length <= limit) return NextResponse.next()
  const language = request.headers.get('accept-language')?.toLowerCase().startsWith('en') ? 'en' : 'fr'
  const message = t(language, 'errors.bodyTooLarge', { max: mebibytes(limit) })
  return NextResponse.json({ errors: [{ message, data: { errors: [{ path: 'body', message }] } }] }, { status: 413 })
}

export const config = { matcher: '/api/:path*' }
