/** In the navigation, under the collections: the finance reports and the reconciliation page, for those who may use them. */
import type { ServerProps } from 'payload'
import { hasAnyRole } from '../../domain/roles'
import { t } from '../../i18n'

export const FinanceNavLinks = ({ i18n, payload, user }: ServerProps) =>
  hasAnyRole(user as never, ['it', 'admin', 'finance']) ? (
    <div className="nav-group">
      <div className="nav-group__toggle"><span className="nav-group__label">{t(i18n.language, 'groups.finance')}</span></div>
      <a className="nav__link" href={`${payload.config.routes.admin}/finance-reports`}><span className="nav__link-label">{t(i18n.language, 'reports.title')}</span></a>
      <a className="nav__link" href={`${payload.config.routes.admin}/reconciliation`}><span className="nav__link-label">{t(i18n.language, 'reconciliation.title')}</span></a>
    </div>
  ) : null
