/**
 * Above the audit log's list: a simple filter (user, collection, action, days) for the
 * direction, beside Payload's generic one. The choices are what the caller may read.
 */
import type { BeforeListTableServerProps } from 'payload'
import { auditFilterOf } from '../../domain/auditFilter'
import { auditActions } from '../../../collections/system/AuditLogs'
import { t } from '../../i18n'
import { AuditLogFilterForm } from './AuditLogFilterForm'

export const AuditLogFilter = async ({ payload, i18n, user, searchParams }: BeforeListTableServerProps) => {
  const language = i18n.language
  const s = (key: string) => t(language, `reports.auditLog.${key}`)
  const users = (await payload.find({ collection: 'users', user, overrideAccess: false, depth: 0, pagination: false, sort: 'email', select: { email: true } })).docs
  const query = Object.fromEntries(Object.entries(searchParams ?? {}).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]))
  const keep = Object.fromEntries(Object.entries(query).filter(([key, value]) => typeof value === 'string' && ['sort', 'limit'].includes(key))) as Record<string, string>
  const labelOf = (value: unknown) => (typeof value === 'string' ? value : ((value as Record<string, string> | undefined)?.[language] ?? ''))
  return (
    <AuditLogFilterForm
      listPath={`${payload.config.routes.admin}/collections/audit-logs`}
      keep={keep}
      initial={auditFilterOf(query)}
      users={users.map((u) => ({ value: String(u.id), label: u.email }))}
      collections={payload.config.collections.map((c) => ({ value: c.slug, label: `${labelOf(c.labels?.plural) || c.slug} (${c.slug})` })).sort((a, b) => a.label.localeCompare(b.label, language))}
      actions={auditActions.map((a) => ({ value: a, label: t(language, `options.auditAction.${a}`) }))}
      words={Object.fromEntries(['simpleFilter', 'user', 'collection', 'action', 'from', 'to', 'any', 'filter', 'reset'].map((k) => [k, s(k)])) as never}
    />
  )
}
