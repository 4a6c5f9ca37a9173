import { appendFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { SmsMessage, SmsProvider } from './provider'

export const sandboxFile = () => process.env.KELASI_SMS_SANDBOX_FILE || path.join('.data', 'sms-sandbox.jsonl')

/**
 * The sandbox gateway: every SMS is one JSON line in a file (what a gateway's outbox would hold),
 * so that a school trying Kelasi, and the tests, read what families would have received.
 */
export const sandboxSms = (file = sandboxFile()): SmsProvider => ({
  name: 'sandbox',
  send: async (message: SmsMessage) => {
    await mkdir(path.dirname(file), { recursive: true })
    const providerReference = `sandbox-${message.reference}`
    await appendFile(file, `${JSON.stringify({ ...message, providerReference, at: new Date().toISOString() })}\n`)
    return { providerReference }
  },
})
