import type { PayloadRequest } from 'payload'
import { clientAddress, clientHeader } from '../src/domain/rateLimits'
import type { Change } from '../src/domain/audit'
import type { ID } from '../src/access/ids'

/**
 * `linkRefused`: a parent's link code refused (wrong, expired, used, revoked or already linked);
 * `export`, `erase`: a person's data handed out or erased (counts only, never the data).
 */
export type AuditAction = 'create' | 'update' | 'delete' | 'login' | 'loginFailed' | 'logout' | 'linkRefused' | 'export' | 'erase'

export type AuditEntry = {
  action: AuditAction
  collection: string
  documentId?: ID
  school?: ID
  changes?: Change[]
  actor?: { id: ID; email?: string } | null
  actorEmail?: string
}

/**
 * The caller's address. Each trusted proxy appends the address it saw to X-Forwarded-For, so
 * the entry KELASI_PROXY_HOPS (default 1: one reverse proxy) from the right is the one no
 * client can forge; anything further left is whatever the client sent.
 */
export const clientIP = (req: PayloadRequest) => {
  // Set by the app server from the socket and the proxies' hops (src/server/requests.ts); the Local API has only the headers.
  const stamped = req.headers?.get(clientHeader)
  if (stamped) return stamped
  const hops = Math.max(1, Number(process.env.KELASI_PROXY_HOPS || 1))
  return clientAddress(req.headers?.get('x-forwarded-for'), hops - 1) || req.headers?.get('x-real-ip') || undefined
}

/**
 * Writes one audit entry. Inside a request's transaction it commits or rolls back with the
 * change it records; `standalone` entries (failed logins) are written on their own.
 */
export const writeAudit = async (req: PayloadRequest, entry: AuditEntry, standalone = false) => {
  const actor = entry.actor === undefined ? req.user : entry.actor
  await req.payload.create({
    collection: 'audit-logs',
    overrideAccess: true,
    depth: 0,
    ...(standalone ? {} : { req }),
    data: {
      action: entry.action,
      collection: entry.collection,
      documentId: entry.documentId == null ? undefined : String(entry.documentId),
      school: entry.school as number | undefined,
      changes: entry.changes ?? [],
      user: actor?.id as number | undefined,
      actorEmail: entry.actorEmail ?? actor?.email,
      ip: clientIP(req),
      userAgent: req.headers?.get('user-agent') ?? undefined,
    },
  })
}
