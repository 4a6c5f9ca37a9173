import { s3Storage } from '@payloadcms/storage-s3'
import type { UploadCollectionSlug } from 'payload'
import { s3ClientConfig, uploadsBucket } from './s3'

/** Every upload collection, each stored under its own slug in the bucket. A new one is added here. */
export const uploadCollections: UploadCollectionSlug[] = ['media']

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
