import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'

/**
 * A local SMTP server for development, demos and tests: every message is accepted and
 * saved as an .eml file in `folder`, where people (and tests) read it.
 */
export const startMailCatcher = async (options: {
  port: number
  folder: string
  onMessage?: (file: string, raw: Buffer) => void
}) => {
  mkdirSync(options.folder, { recursive: true })
  let count = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        const file = path.join(options.folder, `${Date.now()}-${process.pid}-${++count}.eml`)
        writeFileSync(file, raw)
        options.onMessage?.(file, raw)
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/**
 * Without SMTP_HOST, `npm start` and `npm run dev` catch e-mails locally (SMTP_PORT, 2525 by
 * default) into `folder`, so verification and reset links can be read there.
 */
export const catchMailUnlessSmtp = async (folder: string, log: (line: string) => void = () => {}) => {
  if (process.env.SMTP_HOST) return undefined
  process.env.SMTP_PORT ||= '2525'
  const catcher = await startMailCatcher({ port: Number(process.env.SMTP_PORT), folder, onMessage: (file) => log(`e-mail caught: ${file}`) })
  log(`no SMTP_HOST: e-mails are caught on 127.0.0.1:${process.env.SMTP_PORT} and saved in ${folder}`)
  return catcher
}
