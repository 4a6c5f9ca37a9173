import type { BeforeDocumentControlsServerProps } from 'payload'
import { t } from '../i18n'
import { LinkCodeLetterButton } from './LinkCodeLetterButton'

/** On a pupil's page: the secretariat prints the letter with a new link code for the family's portal account. */
export const LinkCodeLetter = ({ id, i18n, payload, permissions }: BeforeDocumentControlsServerProps) => {
  if (id === undefined || !permissions?.collections?.['link-codes']?.create) return null
  const text = (key: string) => t(i18n.language, `linkCodeLetter.${key}`)
  return <LinkCodeLetterButton action={`${payload.config.routes.api}/link-codes/issue?format=pdf`} student={id} labels={{ button: text('button'), failed: text('failed') }} />
}
