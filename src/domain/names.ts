/** Congolese names: NOM, post-nom, prénom, as registers write them. */
export type Names = { lastName?: string | null; postName?: string | null; firstName?: string | null }

/** "NOM POST-NOM Prénom": what lists show and search on. */
export const fullName = ({ lastName, postName, firstName }: Names) =>
  [lastName?.toUpperCase(), postName?.toUpperCase(), firstName].filter(Boolean).join(' ')

const isCapitals = (word: string) => word.length > 1 && word === word.toLocaleUpperCase('fr') && word !== word.toLocaleLowerCase('fr')

/**
 * One cell holding a whole name ("LUMBALA KAYEMBE Jean") split into its parts: the words in
 * capitals at the start are the NOM and the post-nom, the rest the prénom. Without capitals
 * the first word is taken for the NOM, as registers list surnames first.
 */
export const splitName = (text: string): Names => {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)
  if (!words.length) return {}
  const capitals = words.findIndex((word) => !isCapitals(word))
  const surnames = capitals === -1 ? words.length : Math.max(capitals, 1)
  const [lastName, ...postNames] = words.slice(0, surnames)
  const parts: Names = { lastName: lastName.toLocaleUpperCase('fr') }
  if (postNames.length) parts.postName = postNames.join(' ')
  if (surnames < words.length) parts.firstName = words.slice(surnames).join(' ')
  return parts
}
