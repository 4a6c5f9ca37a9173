/** In the navigation: the school's reports for the staff who read classes, and the audit log's filter for IT and the direction. */
import type { ServerProps } from 'payload'
import { hasAnyRole } from '../../domain/roles'
import { t } from '../../i18n'

export const SchoolNavLinks = ({ i18n, payload, user }: ServerProps) =>
  hasAnyRole(user as never, ['it', 'admin', 'secretariat', 'teacher', 'finance']) ? (
    <div className="nav-group">
      <div className="nav-group__toggle"><span className="nav-group__label">{t(i18n.language, 'reports.school.title')}</span></div>
      <a className="nav__link" href={`${payload.config.routes.admin}/school-reports`}><span className="nav__link-label">{t(i18n.language, 'reports.school.title')}</span></a>
      {hasAnyRole(user as never, ['it', 'admin']) ? (
        <a className="nav__link" href={`${payload.config.routes.admin}/collections/audit-logs`}><span className="nav__link-label">{t(i18n.language, 'reports.auditLog.title')}</span></a>
      ) : null}
    </div>
  ) : null
