/** Above the students list: the way to the class-list import, for those who may create students. */
import { Button } from '@payloadcms/ui'
import type { ServerProps } from 'payload'
import { t } from '../i18n'

export const ImportButton = ({ i18n, payload, permissions }: ServerProps) =>
  permissions?.collections?.students?.create ? (
    <div style={{ marginBottom: 'var(--base)' }}>
      <Button el="link" url={`${payload.config.routes.admin}/import`} buttonStyle="secondary" size="small">
        {t(i18n.language, 'import.open')}
      </Button>
    </div>
  ) : null
