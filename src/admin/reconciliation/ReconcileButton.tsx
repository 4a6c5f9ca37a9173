/** Above the reconciliations list: the way to import a statement, for those who may reconcile. */
import { Button } from '@payloadcms/ui'
import type { ServerProps } from 'payload'
import { t } from '../../i18n'

export const ReconcileButton = ({ i18n, payload, permissions }: ServerProps) =>
  permissions?.collections?.reconciliations?.create ? (
    <div style={{ marginBottom: 'var(--base)' }}>
      <Button el="link" url={`${payload.config.routes.admin}/reconciliation`} buttonStyle="secondary" size="small">
        {t(i18n.language, 'reconciliation.open')}
      </Button>
    </div>
  ) : null
