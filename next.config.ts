import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./portal/i18n/request.ts')

const nextConfig: NextConfig = {
  poweredByHeader: false,
  compress: true,
  // One prom-client for the request hook (src/instrumentation.ts) and the /api/metrics route: one registry.
  serverExternalPackages: ['prom-client'],
  // A justification's document (photo or PDF) goes through a server action: the uploads' own limit.
  experimental: { serverActions: { bodySizeLimit: `${Math.ceil(Number(process.env.KELASI_MAX_UPLOAD_BYTES || 10 * 1024 * 1024) / 1024 / 1024) + 1}mb` } },
}

export default withPayload(withNextIntl(nextConfig), { devBundleServerPackages: false })
