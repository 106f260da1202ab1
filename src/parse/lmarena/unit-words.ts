import { clean, isNoData, isPreliminaryWord, MAX_NUMBER_CELL } from '../cells.js'

/**
 * A word a column writes after every number, the same on (nearly) every cell,
 * as translations name what is counted: `1M tokens`, `128K токенов`,
 * `23,626 票`. The column's numbers are read without it.
 *
 * A word that multiplies (`128 тыс.`, `1,5 млн`, `100 万`) must never be
 * dropped so: `128` would be read, silently wrong. Such a word follows a
 * number that does not say its size; a word is taken only where the numbers
 * before it do, on most cells: a unit letter (`1M`, `128K`), thousands
 * grouped (`23,626`, `23 626`) or five digits at least; and on no cell a
 * part of one (`1,5 млн`, `0,128 млн`). So a word after a
 * score (`1507`, `1507 (±5)`: a marker such as "Preliminary", on every row of
 * a new board) is never taken for a unit. Only numbers before it: a name
 * (`Claude 3 Opus`) is never a number with a word after it. A word glued to
 * the number is a unit letter or an ordinal (`128K`, `1st`), unless its
 * script writes no spaces (`23,626票`, `1M토큰`).
 */
export function unitWord(texts: readonly string[]): string | undefined {
  const counts = new Map<string, { n: number; sized: number; fractions: number }>()
  let filled = 0
  for (const raw of texts) {
    const text = clean(raw)
    if (text === '' || isNoData(text)) continue
    filled++
    const split = splitUnit(text)
    if (!split) continue
    const count = counts.get(split.word) ?? { n: 0, sized: 0, fractions: 0 }
    count.n++
    if (split.sized) count.sized++
    if (split.fraction) count.fractions++
    counts.set(split.word, count)
  }
  let best: { word: string; n: number } | undefined
  for (const [word, { n, sized, fractions }] of counts) {
    if (n >= MIN_CELLS && n >= SHARE * filled && sized >= SIZED * n && fractions === 0 && (!best || n > best.n)) best = { word, n }
  }
  return best?.word
}

/** The fewest cells, and the share of a column's filled cells, that must write the same word. */
const MIN_CELLS = 3
const SHARE = 0.9
/** The share of those whose number says its size (the others: votes under a thousand, `803 票`). */
const SIZED = 0.5

/** The cell without the column's unit word, when it ends with it after a number; else the cell as it is. */
export function withoutUnitWord(text: string, word: string): string {
  const split = splitUnit(clean(text))
  return split?.word === word ? split.number : text
}

/**
 * A word of letters (with the dots of an abbreviation) at the end of a cell,
 * after a number (and its unit letter, `1M tokens`) and a space; or glued to
 * it in a script that writes no spaces between words (`23,626票`, `1M토큰`):
 * a word glued to a number in another is a unit letter or an ordinal (`128K`, `1st`).
 */
const spacedWord = /^(.*?\d[^\p{L}]*?[KkMmBb]?)\s+(\p{L}[\p{L}\p{M}.]{0,15})$/u
const gluedWord = /^(.*?\d[^\p{L}]*?[KkMmBb]?)([\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}][\p{L}\p{M}]{0,15})$/u

/** Letters that are the size of a number (`1M`, `128K`, `1.5B`), and the numerals of the scripts that write no spaces (`1000万`): never a unit word. */
const sizeLetter = /^(?:[KkMmBbGgTt]|[万萬千亿億百만억천]+)$/u

const endsWithLetter = /[\p{L}\p{M}.]$/u

function splitUnit(text: string): { number: string; word: string; sized: boolean; fraction: boolean } | undefined {
  // Most cells end with a digit, a sign or a bracket: no word to look for. A cell longer than any number
  // (`MAX_NUMBER_CELL`) is none, and is not searched: the search backtracks, so one hostile cell could hold a parse.
  if (text.length > MAX_NUMBER_CELL || !endsWithLetter.test(text)) return undefined
  const m = spacedWord.exec(text) ?? gluedWord.exec(text)
  if (!m) return undefined
  const [, number, word] = m as unknown as [string, string, string]
  if (sizeLetter.test(word)) return undefined
  // Nothing but a number before it (signs, brackets, a unit letter at its end); whether it says its size.
  if (!/^[^\p{L}]*[KkMmBb]?$/u.test(number) || isPreliminaryWord(word)) return undefined
  const sized = /[KkMmBb]$/.test(number) || /\d[\s,.'’\u00a0\u202f]\d{3}(?!\d)/u.test(number) || /\d{5}/.test(number)
  // A part of one before the word (`1,5 млн`, `0,128 млн`): the word multiplies.
  const fraction = !/[KkMmBb]$/.test(number) && (/(?<!\d)0[.,]\d/.test(number) || /\d[.,]\d{1,2}(?!\d)/.test(number))
  return { number, word, sized, fraction }
}
