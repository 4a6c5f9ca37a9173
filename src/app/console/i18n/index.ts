import polyglotI18nProvider from 'ra-i18n-polyglot'
import englishMessages from 'ra-language-english'
import frenchMessages from 'ra-language-french'
import { en } from './en'
import { fr } from './fr'

const messages = { fr: { ...frenchMessages, ...fr }, en: { ...englishMessages, ...en } }

/**
 * French first, English on request. react-admin keeps the chosen language in its store (local
 * storage), so the switch is remembered on this device.
 */
export const i18nProvider = polyglotI18nProvider((locale) => messages[locale === 'en' ? 'en' : 'fr'], 'fr', [
  { locale: 'fr', name: 'Français' },
  { locale: 'en', name: 'English' },
])
