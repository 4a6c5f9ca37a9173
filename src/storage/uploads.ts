import { s3Storage } from '@payloadcms/storage-s3'
import type { UploadCollectionSlug } from 'payload'
import { s3ClientConfig, uploadsBucket } from './s3'

// The registry's newest @payloadcms/storage-s3 (and plugin-cloud-storage) is 3.90.1, payload is
// 3.90.2 (package.json overrides join them), and Payload's development-time check throws on any
// such mismatch. One patch apart; tests/int/storage.test.ts proves the pair. Drop this with 3.90.2.
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'

/** Every upload collection, each stored under its own slug in the bucket. A new one is added here. */
export const uploadCollections: UploadCollectionSlug[] = ['media', 'resources', 'message-attachments']

/**
 * Uploads go to S3 when S3_BUCKET is set, else to the local folder (KELASI_MEDIA_DIR). Either
 * way Payload serves each file at /api/<collection>/file/<name> after the collection's read
 * access: no public bucket URL is ever handed out. The storage fields (prefix, object key) are
 * in the schema in both cases, so one set of migrations fits both.
 */
export const uploadStorage = () => {
  const bucket = uploadsBucket()
  return s3Storage({
    enabled: Boolean(bucket),
    alwaysInsertFields: true,
    bucket: bucket ?? '',
    acl: 'private',
    config: s3ClientConfig(),
    collections: Object.fromEntries(uploadCollections.map((slug) => [slug, { prefix: slug, disablePayloadAccessControl: false }])),
  })
}
