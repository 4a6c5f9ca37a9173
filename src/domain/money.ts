/**
 * Money as schools count it: integer minor units (cents of a dollar, centimes of a franc) with
 * an ISO currency, never a float. A rate is a decimal string ("2850.5" francs a dollar) read as
 * an exact fraction, so a conversion rounds once, at the end.
 */
export const currencies = ['USD', 'CDF'] as const
export type Currency = (typeof currencies)[number]

export const isCurrency = (value: unknown): value is Currency => currencies.includes(value as Currency)

/** A whole number of minor units, within what PostgreSQL's bigint and JavaScript both hold exactly. */
export const isMinor = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value)

/** "2850.5" → 28505n / 10n; undefined for anything that is not a positive decimal. */
export const parseRate = (rate: string | number | null | undefined): { num: bigint; den: bigint } | undefined => {
  const text = typeof rate === 'number' ? String(rate) : (rate ?? '').trim().replace(',', '.')
  const m = /^(\d{1,12})(?:\.(\d{1,10}))?$/.exec(text)
  if (!m) return undefined
  const den = 10n ** BigInt(m[2]?.length ?? 0)
  const num = BigInt(m[1] + (m[2] ?? ''))
  return num > 0n ? { num, den } : undefined
}

/** num / den rounded half away from zero. */
const divideRounded = (num: bigint, den: bigint) => {
  const negative = num < 0n !== den < 0n
  const [n, d] = [num < 0n ? -num : num, den < 0n ? -den : den]
  const q = (2n * n + d) / (2n * d)
  return Number(negative ? -q : q)
}

/**
 * `amount` of `from` in `to`, at the day's rate as the DRC quotes it: francs for one dollar
 * ("2850"), whichever way the money goes.
 */
export const exchange = (amount: number, from: Currency, to: Currency, francsPerDollar: string | number | null | undefined) => {
  if (from === to) return amount
  const r = parseRate(francsPerDollar ?? '')
  if (!r) throw new RangeError(`not a rate: ${francsPerDollar}`)
  return from === 'USD' ? divideRounded(BigInt(amount) * r.num, r.den) : divideRounded(BigInt(amount) * r.den, r.num)
}

/** `amount` × `percent` / 100, rounded half away from zero; percent may have two decimals ("12.5"). */
export const percentOf = (amount: number, percent: string | number) => {
  const r = parseRate(percent)
  if (!r) return 0
  return divideRounded(BigInt(amount) * r.num, r.den * 100n)
}

/**
 * Splits `total` by `weights` into integers that add up to it exactly (largest remainder; ties
 * go to the first), as installments of a fee: 100 $ in three → 33,34 / 33,33 / 33,33.
 */
export const split = (total: number, weights: number[]): number[] => {
  const sum = BigInt(weights.reduce((a, b) => a + b, 0))
  if (!weights.length || sum <= 0n) return weights.map(() => 0)
  const shares = weights.map((w) => BigInt(total) * BigInt(w))
  const parts = shares.map((share) => Number(share / sum))
  let left = total - parts.reduce((a, b) => a + b, 0)
  const order = shares.map((share, i) => ({ i, r: share % sum })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (const { i } of order) {
    if (left <= 0) break
    parts[i]++
    left--
  }
  return parts
}

/** As a family reads it on an invoice: "1 250,00 $US" / "285 000,00 FC" in French, "$1,250.00" / "CDF 285,000.00" in English. */
export const formatMoney = (amount: number, currency: Currency, language: 'fr' | 'en' = 'fr') => {
  const format = new Intl.NumberFormat(language === 'fr' ? 'fr-CD' : 'en-US', { style: 'currency', currency, minimumFractionDigits: 2 })
  // Narrow no-break spaces and no-break spaces print as plain spaces in every PDF font and e-mail client.
  return format.format(amount / 100).replace(/[\u202f\u00a0]/g, ' ')
}
