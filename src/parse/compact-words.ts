/**
 * Numbers written with the word of their language that multiplies them, as
 * translations write sizes and counts: `128 тыс.` and `1,5 млн` (Russian),
 * `100万` (Japanese, Chinese), `1 Mio.` (German), `128 mil` and `1 mi`
 * (Portuguese), `1 εκ.` (Greek), `1 million`. What each word multiplies by is
 * read from the language's own compact number formats (CLDR, through
 * `Intl.NumberFormat`'s compact notation), never from a list kept here, and
 * only for the page's language: a word means another size in another
 * language (`mil` is a thousand in Portuguese, `mil.` a million in Croatian;
 * `B` a thousand in Turkish, a billion in English).
 *
 * Upstream's own unit letters (`128K`, `1M`, read by `numbers.ts`) keep their
 * meaning in every language: a word of one ASCII letter is never taken here.
 */

/** Powers of ten a language's compact formats are asked for (a thousand to a trillion). */
const POWERS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
/** Numbers asked for at each power: every plural form a language has (one, two, few, many, other, a fraction). */
const COUNTS = [1, 2, 3, 5, 11, 21, 22, 25, 101, 1.5]

/** A language's compact words (lower case) and what each multiplies by; its decimal and group signs. */
export interface CompactWords {
  words: ReadonlyMap<string, number>
  decimal: string
  group: string
}

const known = new Map<string, CompactWords | undefined>()

/** The compact words of `language` (a BCP 47 tag), or undefined when it has none (or is no language `Intl` knows). Made once per language. */
export function compactWords(language: string): CompactWords | undefined {
  if (!known.has(language)) known.set(language, wordsOf(language))
  return known.get(language)
}

function wordsOf(language: string): CompactWords | undefined {
  let locale: string | undefined
  try {
    locale = Intl.NumberFormat.supportedLocalesOf([language])[0]
  } catch {
    return undefined // Not a language tag.
  }
  if (locale === undefined) return undefined
  const found = new Map<string, Set<number>>()
  for (const compactDisplay of ['short', 'long'] as const) {
    const format = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay, numberingSystem: 'latn', maximumFractionDigits: 3 })
    for (const power of POWERS) {
      for (const count of COUNTS) {
        const value = count * 10 ** power
        const parts = format.formatToParts(value)
        const word = parts.find((p) => p.type === 'compact')?.value.trim()
        if (!word) continue
        const shown = Number(parts.map((p) => (p.type === 'integer' || p.type === 'fraction' ? p.value : p.type === 'decimal' ? '.' : '')).join(''))
        const times = Math.round(Math.log10(value / shown))
        // A word shown with no number (`mille`), or rounded (`13万` for 128,000): what it multiplies by is not sure.
        if (!Number.isFinite(times) || Math.abs(value / shown - 10 ** times) > 1e-9 * 10 ** times) continue
        const key = word.toLowerCase()
        found.set(key, (found.get(key) ?? new Set()).add(10 ** times))
      }
    }
  }
  const words = new Map<string, number>()
  for (const [word, times] of found) {
    // One ASCII letter is upstream's unit (`K`, `M`); a word that means two sizes in this language is none.
    if (/^[a-z]$/.test(word) || times.size !== 1) continue
    words.set(word, [...times][0]!)
  }
  if (words.size === 0) return undefined
  const signs = new Intl.NumberFormat(locale, { numberingSystem: 'latn' }).formatToParts(12345.5)
  return { words, decimal: signs.find((p) => p.type === 'decimal')?.value ?? '.', group: signs.find((p) => p.type === 'group')?.value ?? ',' }
}

/** A number, then (after a space or none) a word and what may follow it: the word is looked for among the language's. */
const numberThenWord = /^(\d+(?:[.,]\d+)*)[ \u00a0\u202f]?(\p{L}[^]*)$/u
/** The longest compact word a language has, in words (`milers de milions`). */
const MAX_WORDS = 4

/**
 * `text` with a number and its language's word that multiplies it written
 * as upstream writes sizes and counts (`1,5 млн` → `1,5M`, `128 тыс.` →
 * `128K`, `13万` → `130K`, `1 млн токенов` → `1M токенов`); `text` itself when
 * it is no such number, or the number's signs are ambiguous (`1.280 万`: a
 * decimal point or thousands?). `words`: the language's (`compactWords`), or
 * the language, whose words are then made only when a text may hold one
 * (making them costs the first page of a language 20 ms, and most pages
 * write their numbers with upstream's letters alone).
 */
export function withCompactWord(text: string, words: CompactWords | string | undefined): string {
  // Most cells start with no digit, or end with one: no word to look for (a test of two code units).
  let start = 0
  let end = text.length - 1
  while (start <= end && isSpace(text.charCodeAt(start))) start++
  while (end > start && isSpace(text.charCodeAt(end))) end--
  if (!isDigit(text.charCodeAt(start)) || isDigit(text.charCodeAt(end)) || end - start >= 40) return text
  const trimmed = text.slice(start, end + 1)
  const m = numberThenWord.exec(trimmed)
  if (!m) return text
  const [, digits, tail] = m as unknown as [string, string, string]
  // Upstream's unit letter (`128K`): never a word of a language. The language's words are made only past it.
  if (tail.length === 1 && tail.charCodeAt(0) < 0x80) return text
  const compact = typeof words === 'string' ? compactWords(words) : words
  if (!compact) return text
  const parts = tail.split(' ')
  for (let k = Math.min(MAX_WORDS, parts.length); k >= 1; k--) {
    const times = compact.words.get(parts.slice(0, k).join(' ').toLowerCase())
    if (times === undefined) continue
    const value = numberOf(digits, compact)
    if (value === undefined) return text
    const rest = parts.slice(k).join(' ')
    return `${sized(digits, value, times)}${rest ? ` ${rest}` : ''}`
  }
  return text
}

/**
 * The number `digits` writes in the language: its decimal sign; the other
 * sign a decimal point too (a translation keeps the original's `1.5`),
 * unless three digits follow it, where it is the language's thousands sign
 * or ambiguous (undefined).
 */
function numberOf(digits: string, compact: CompactWords): number | undefined {
  const signs = digits.replace(/\d/g, '')
  if (signs === '') return Number(digits)
  if (signs.length > 1) {
    // Thousands grouped (`1,280`), never with a decimal sign among them.
    return signs === compact.group.repeat(signs.length) && /^\d{1,3}(?:[.,]\d{3})+$/.test(digits) ? Number(digits.replace(/[.,]/g, '')) : undefined
  }
  const fraction = digits.length - digits.indexOf(signs) - 1
  if (signs === compact.decimal || fraction !== 3) return Number(digits.replace(signs, '.'))
  return signs === compact.group ? Number(digits.replace(signs, '')) : undefined
}

/** The value with upstream's unit letter: the number as written for a thousand (`K`) or a million (`M`); else worked out. */
function sized(digits: string, value: number, times: number): string {
  if (times === 1_000 && !/[.,]\d{3}$/.test(digits)) return `${digits}K`
  if (times === 1_000_000 && !/[.,]\d{3}$/.test(digits)) return `${digits}M`
  const total = value * times
  return total >= 1_000_000 ? `${+(total / 1_000_000).toPrecision(12)}M` : `${+(total / 1_000).toPrecision(12)}K`
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0xa0
