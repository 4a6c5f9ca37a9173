import type { SmsProvider } from './provider'
import { sandboxSms } from './sandbox'

/**
 * The SMS gateway of this installation, from `SMS_PROVIDER`: `sandbox` (the default) writes to a
 * file; `off` sends none (notifications are still in-app and by e-mail). A real gateway plugs in
 * here with its own name and credentials, as payment providers do.
 */
export const smsProvider = (): SmsProvider | null => {
  const name = process.env.SMS_PROVIDER || 'sandbox'
  if (name === 'off') return null
  if (name === 'sandbox') return sandboxSms()
  throw new Error(`SMS_PROVIDER=${name}: no such SMS gateway (sandbox or off)`)
}
