import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'

/**
 * The messages the local SMTP server received (scripts/test.ts starts it and saves each
 * message as an .eml file): what a user would find in their inbox.
 */
const folder = () => {
  const dir = process.env.KELASI_TEST_MAIL_DIR
  if (!dir) throw new Error('KELASI_TEST_MAIL_DIR is not set: run the tests with `npm test`')
  return dir
}

export const inbox = async (to: string): Promise<ParsedMail[]> => {
  let files: string[] = []
  try {
    files = readdirSync(folder()).filter((f) => f.endsWith('.eml')).sort()
  } catch {
    return []
  }
  const messages = await Promise.all(files.map((f) => simpleParser(readFileSync(path.join(folder(), f)))))
  return messages.filter((m) => [m.to].flat().some((a) => a && 'value' in a && a.value.some((v) => v.address === to)))
}

/** Waits for a message to `to` whose subject matches, as a user refreshing their inbox would (a busy 2-core machine renders a bulletin PDF in seconds, not milliseconds). */
export const waitForMail = async (to: string, subject: RegExp, timeoutMs = 30_000): Promise<ParsedMail> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const found = (await inbox(to)).filter((m) => subject.test(m.subject ?? '')).pop()
    if (found) return found
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`No e-mail to ${to} matching ${subject} within ${timeoutMs} ms`)
}

export const linkIn = (mail: ParsedMail) => {
  const link = (mail.html || mail.text || '').toString().match(/https?:\/\/[^"<\s]+/)?.[0]
  if (!link) throw new Error(`No link in e-mail "${mail.subject}"`)
  return link
}
