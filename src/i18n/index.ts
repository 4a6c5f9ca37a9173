import en from './en.json' with { type: 'json' }
import fr from './fr.json' with { type: 'json' }

export const languages = ['fr', 'en'] as const
export type Language = (typeof languages)[number]
export const defaultLanguage: Language = 'fr'

type Tree = { [key: string]: string | Tree }
const dictionaries: Record<Language, Tree> = { fr, en }

const lookup = (tree: Tree, key: string): string => {
  const value = key.split('.').reduce<string | Tree | undefined>(
    (node, part) => (node && typeof node === 'object' ? node[part] : undefined),
    tree,
  )
  if (typeof value !== 'string') throw new Error(`Missing translation "${key}"`)
  return value
}

const interpolate = (text: string, vars: Record<string, string | number> = {}) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name) => String(vars[name] ?? `{{${name}}}`))

export const asLanguage = (value: unknown): Language =>
  languages.includes(value as Language) ? (value as Language) : defaultLanguage

/** A string in one language, e.g. for e-mails written in the recipient's language. */
export const t = (language: unknown, key: string, vars?: Record<string, string | number>) =>
  interpolate(lookup(dictionaries[asLanguage(language)], key), vars)

/** The same key in every language, the shape Payload takes for labels. */
export const label = (key: string) => ({ fr: t('fr', key), en: t('en', key) })

/** Options of a select field with translated labels. */
export const options = <V extends string>(group: string, values: readonly V[]) =>
  values.map((value) => ({ value, label: label(`options.${group}.${value}`) }))

/** The key for the language of a Payload request (the admin's or the API caller's choice). */
export const tReq = (req: { i18n?: { language?: string } }, key: string, vars?: Record<string, string | number>) =>
  t(req.i18n?.language, key, vars)
