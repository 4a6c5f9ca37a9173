import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3'

type Env = Record<string, string | undefined>

/**
 * The S3 (or S3-compatible) store from the environment: S3_ENDPOINT, S3_REGION,
 * S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE. Without keys the SDK's own
 * chain applies (an instance role on AWS).
 */
export const s3ClientConfig = (env: Env = process.env): S3ClientConfig => {
  const endpoint = env.S3_ENDPOINT || undefined
  return {
    region: env.S3_REGION || 'us-east-1',
    endpoint,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } }
      : {}),
    // S3-compatible stores (MinIO, Ceph, Garage…) often refuse the checksums the SDK adds by
    // default since 2025; AWS itself keeps them.
    ...(endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  }
}

/** The bucket of the uploads, when they go to S3 (S3_BUCKET). */
export const uploadsBucket = (env: Env = process.env) => env.S3_BUCKET || undefined

/** The bucket backups are copied to (BACKUP_S3_BUCKET, else the uploads' S3_BUCKET). */
export const backupsBucket = (env: Env = process.env) => env.BACKUP_S3_BUCKET || env.S3_BUCKET || undefined

export const s3Client = (env: Env = process.env) => new S3Client(s3ClientConfig(env))
