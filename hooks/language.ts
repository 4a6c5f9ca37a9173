import type { CollectionAfterLoginHook } from 'payload'
import { asLanguage } from '../src/i18n'

/**
 * After a login the admin speaks the user's preferred language (French unless they chose
 * English), whatever the browser's own language: Payload reads it from the `payload-lng` cookie.
 */
export const adminSpeaksUserLanguage: CollectionAfterLoginHook = ({ req, user }) => {
  const language = asLanguage(user.language)
  const secure = (process.env.SERVER_URL || '').startsWith('https://') ? '; Secure' : ''
  req.responseHeaders ??= new Headers()
  req.responseHeaders.append('Set-Cookie', `payload-lng=${language}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`)
  return user
}
