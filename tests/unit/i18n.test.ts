import en from '../../src/i18n/en.json' with { type: 'json' }
import fr from '../../src/i18n/fr.json' with { type: 'json' }
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
