import { createReadStream, createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { backupsBucket, s3Client } from '../storage/s3'

const prefix = 'backups/'

/** Where backups are copied besides the local folder: a bucket's `backups/` prefix. */
export type BackupBucket = {
  /** `s3://bucket/backups/`, for messages. */
  location: string
  /** The names of the files under the prefix, in no particular order. */
  names: () => Promise<string[]>
  /** Uploads a whole file; an object appears only once complete, so a listed backup is whole. */
  put: (file: string, name: string) => Promise<string>
  /** Downloads one backup into a file. */
  fetch: (name: string, file: string) => Promise<void>
  remove: (name: string) => Promise<void>
}

/** The backups' bucket of the environment (BACKUP_S3_BUCKET, else S3_BUCKET), or none. */
export const backupBucket = (env: Record<string, string | undefined> = process.env): BackupBucket | undefined => {
  const bucket = backupsBucket(env)
  if (!bucket) return undefined
  const client = s3Client(env)
  return {
    location: `s3://${bucket}/${prefix}`,
    names: async () => {
      const names: string[] = []
      let token: string | undefined
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
        for (const object of page.Contents ?? []) names.push(object.Key!.slice(prefix.length))
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
      return names
    },
    put: async (file, name) => {
      // Multipart above 64 MB, so a school's growing backup never meets the 5 GB limit of one PUT.
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: prefix + name, Body: createReadStream(file), ContentLength: (await stat(file)).size, ContentType: 'application/octet-stream' },
        partSize: 64 * 1024 * 1024,
      })
      await upload.done()
      return `s3://${bucket}/${prefix}${name}`
    },
    fetch: async (name, file) => {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: prefix + name }))
      await pipeline(object.Body as Readable, createWriteStream(file))
    },
    remove: async (name) => {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: prefix + name }))
    },
  }
}
