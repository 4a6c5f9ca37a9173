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
