import { t } from '../i18n'
import { notificationText, type NotificationKind } from './notify'

/**
 * A notification's title and text for its reader. A kind whose texts are not written yet (each
 * part of the product adds its own in src/i18n) reads as the kind's name, rather than breaking
 * every list and stream it appears in.
 */
export const readerText = (language: string | null | undefined, kind: string, vars: unknown) => {
  try {
    return notificationText(language, kind as NotificationKind, vars as Record<string, unknown> | null)
  } catch {
    return { title: t(language, `options.notificationKind.${kind}`), body: '' }
  }
}
