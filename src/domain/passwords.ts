import { dictionary } from '@zxcvbn-ts/language-common'

export const minPasswordLength = 10

const common = new Set<string>(dictionary['passwords-common'].map((p: string) => p.toLowerCase()))

export type PasswordProblem =
  | { code: 'passwordTooShort'; min: number }
  | { code: 'passwordTooCommon' }
  | { code: 'passwordContainsEmail' }

/**
 * The password rule: long enough, not among the ~49,000 most common passwords
 * (also with trailing digits or symbols stripped, as in "motdepasse2026!"),
 * and not the user's own e-mail.
 */
export const passwordProblem = (password: string, email?: string | null): PasswordProblem | null => {
  if ([...password].length < minPasswordLength) return { code: 'passwordTooShort', min: minPasswordLength }
  const lowered = password.toLowerCase()
  const stem = lowered.replace(/[\d\W_]+$/u, '')
  if (common.has(lowered) || (stem.length >= 4 && common.has(stem))) return { code: 'passwordTooCommon' }
  const local = email?.toLowerCase().split('@')[0]
  if (local && local.length >= 4 && lowered.includes(local)) return { code: 'passwordContainsEmail' }
  return null
}
