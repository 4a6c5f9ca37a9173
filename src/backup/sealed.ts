import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'

/**
 * A backup encrypted with BACKUP_KEY: AES-256-GCM, the key stretched by scrypt with a salt of
 * its own, so a stolen file is unreadable and a changed one refuses to restore (the tag fails).
 * Layout: magic, salt (16), iv (12), ciphertext, tag (16).
 */
const magic = Buffer.from('KELASI-BACKUP-AES256GCM-1\n')
const saltBytes = 16
const ivBytes = 12
const tagBytes = 16

const keyOf = (secret: string, salt: Buffer) => scryptSync(secret, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 })

export class BackupKeyError extends Error {}

/** Encrypts `source` into `target`. */
export const seal = async (source: string, target: string, secret: string) => {
  const salt = randomBytes(saltBytes)
  const iv = randomBytes(ivBytes)
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret, salt), iv)
  const out = createWriteStream(target)
  out.write(Buffer.concat([magic, salt, iv]))
  await pipeline(createReadStream(source), cipher, out, { end: false })
  await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), (error?: Error | null) => (error ? reject(error) : resolve())))
}

/** Whether a file is a sealed backup (it needs the key to restore). */
export const isSealed = async (file: string) => {
  const handle = await open(file, 'r')
  try {
    const head = Buffer.alloc(magic.length)
    await handle.read(head, 0, magic.length, 0)
    return head.equals(magic)
  } finally {
    await handle.close()
  }
}

/** Decrypts `source` into `target`; a wrong key or a changed file is a BackupKeyError and `target` is not to be used. */
export const unseal = async (source: string, target: string, secret: string) => {
  const { size } = await stat(source)
  const handle = await open(source, 'r')
  const header = Buffer.alloc(magic.length + saltBytes + ivBytes)
  const tag = Buffer.alloc(tagBytes)
  try {
    await handle.read(header, 0, header.length, 0)
    await handle.read(tag, 0, tagBytes, size - tagBytes)
  } finally {
    await handle.close()
  }
  const salt = header.subarray(magic.length, magic.length + saltBytes)
  const iv = header.subarray(magic.length + saltBytes)
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret, salt), iv)
  decipher.setAuthTag(tag)
  try {
    await pipeline(createReadStream(source, { start: header.length, end: size - tagBytes - 1 }), decipher, createWriteStream(target))
  } catch (error) {
    if ((error as Error).message.includes('authenticate')) throw new BackupKeyError('wrong key or damaged file')
    throw error
  }
}
