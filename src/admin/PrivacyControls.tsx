import type { BeforeDocumentControlsServerProps } from 'payload'
import type { Person } from '../domain/privacy'
import { hasAnyRole } from '../domain/roles'
import { t } from '../i18n'
import { PrivacyButtons } from './PrivacyButtons'

/** On a pupil's or a guardian's page, for IT and the direction: export everything held about them, or erase them. */
const controlsFor = (person: Person) =>
  function PrivacyControls({ id, i18n, payload, user }: BeforeDocumentControlsServerProps) {
    if (id === undefined || !hasAnyRole(user, ['it', 'admin'])) return null
    const text = (key: string) => t(i18n.language, `privacy.${key}`)
    const base = `${payload.config.routes.api}/${person === 'student' ? 'students' : 'guardians'}/${id}`
    return (
      <PrivacyButtons
        exportAction={`${base}/export-data`}
        eraseAction={`${base}/erase`}
        labels={{
          exportButton: text('export.button'),
          exportFailed: text('export.failed'),
          eraseButton: text('erase.button'),
          explain: text('erase.explain'),
          prompt: text(`erase.prompt.${person}`),
          confirm: text('erase.confirm'),
          cancel: text('erase.cancel'),
          done: text('erase.done'),
          failed: text('erase.failed'),
        }}
      />
    )
  }

export const StudentPrivacyControls = controlsFor('student')
export const GuardianPrivacyControls = controlsFor('guardian')
