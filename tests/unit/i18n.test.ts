import en from '../../src/i18n/en.json' with { type: 'json' }
import fr from '../../src/i18n/fr.json' with { type: 'json' }
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import portalEn from '../../portal/messages/en.json' with { type: 'json' }
import portalFr from '../../portal/messages/fr.json' with { type: 'json' }
import { label, t } from '../../src/i18n'

type Tree = { [key: string]: string | Tree }
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  )

describe('translations', () => {
  it('French and English have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort())
  })
  it('every string is translated (no empty or copied-over placeholder)', () => {
    for (const key of keys(fr)) expect(t('fr', key).trim()).not.toBe('')
    for (const key of keys(en)) expect(t('en', key).trim()).not.toBe('')
  })
  it('French is the default language and variables are filled in', () => {
    expect(t(undefined, 'errors.passwordTooShort', { min: 10 })).toBe('Le mot de passe doit contenir au moins 10 caractères.')
    expect(t('en', 'errors.passwordTooShort', { min: 10 })).toBe('The password must be at least 10 characters long.')
    expect(label('collections.students.plural')).toEqual({ fr: 'Élèves', en: 'Students' })
  })
})

describe('the portal’s translations', () => {
  const lookup = (tree: Tree, key: string) => key.split('.').reduce<Tree | string | undefined>((node, part) => (node && typeof node === 'object' ? node[part] : undefined), tree)
  const placeholders = (tree: Tree, key: string) => [...String(lookup(tree, key)).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

  it('French and English have the same keys, none empty, each with the same placeholders', () => {
    expect(keys(portalEn).sort()).toEqual(keys(portalFr).sort())
    for (const key of keys(portalFr)) {
      expect({ key, fr: String(lookup(portalFr, key)).trim() !== '', en: String(lookup(portalEn, key)).trim() !== '' }).toEqual({ key, fr: true, en: true })
      expect({ key, names: placeholders(portalEn, key) }).toEqual({ key, names: placeholders(portalFr, key) })
    }
  })

  it('every key the portal’s pages ask for by name exists', () => {
    const files = readdirSync('portal', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.tsx') || file.endsWith('.ts'))
    const asked: string[] = []
    for (const file of files) {
      const source = readFileSync(path.join('portal', file), 'utf8')
      const declared = [...source.matchAll(/const (\w+) = await getTranslations\(\{ locale, namespace: '(\w+)' \}\)/g)]
      // A name holds its namespace until the next declaration of that name (one per server action).
      declared.forEach((declaration, i) => {
        const [, name, namespace] = declaration
        const next = declared.slice(i + 1).find((later) => later[1] === name)
        const scope = source.slice(declaration.index, next?.index ?? source.length)
        for (const [, key] of scope.matchAll(new RegExp(`\\b${name}\\('([\\w.]+)'`, 'g'))) asked.push(`${namespace}.${key}`)
      })
    }
    expect(asked.length).toBeGreaterThan(100)
    expect(asked.filter((key) => typeof lookup(portalFr, key) !== 'string')).toEqual([])
  })
})
