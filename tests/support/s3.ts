import S3rver from '@20minutes/s3rver'
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { s3ClientConfig } from '../../src/storage/s3'

/**
 * A real S3 server on a free port of this machine (s3rver: the S3 REST API over a folder),
 * with one bucket, spoken to path-style as an S3-compatible store is. `env` is what the app
 * is given to use it.
 */
export const startS3 = async (bucket = 'kelasi-test') => {
  const directory = await mkdtemp(path.join(tmpdir(), 'kelasi-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
    // s3rver signs a bucket-level request (a listing) as `/bucket`, the SDK as `/bucket/`, so
    // its check would refuse every listing; the requests are still the SDK's signed ones.
    allowMismatchedSignatures: true,
  })
  const { port } = await server.run()
  const env = {
    S3_BUCKET: bucket,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  }
  const client = new S3Client(s3ClientConfig(env))
  return {
    bucket,
    env,
    client,
    /** The keys of the bucket under a prefix, sorted. */
    keys: async (prefix = '') => ((await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!).sort(),
    bytes: async (key: string) => Buffer.from(await (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray()),
    remove: (key: string) => client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })),
    stop: async () => {
      client.destroy()
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}

export type TestS3 = Awaited<ReturnType<typeof startS3>>
