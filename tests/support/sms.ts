import { readFile } from 'node:fs/promises'
import { sandboxFile } from '../../src/sms/sandbox'

export type SentSms = { to: string; text: string; reference: string; providerReference: string; at: string }

/** The texts the sandbox gateway sent to one number: what that phone received. */
export const smsTo = async (to: string): Promise<SentSms[]> => {
  const lines = await readFile(sandboxFile(), 'utf8').catch(() => '')
  return lines
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SentSms)
    .filter((sms) => sms.to === to)
}
