import { monthOf } from './dates.js'
import { halfWidth, parseCount, parseDecimal, parseTokens, visibleText } from './numbers.js'

/**
 * Reading single cells of a leaderboard (LMArena tables, SEAL lines): ranks,
 * spreads, intervals, scores, counts, prices, sizes, dates. Each reader returns a value, or a
 * `problem` naming what is wrong (`corrupted` when a foreign token sits among
 * otherwise valid characters, `unparseable` when nothing valid is there).
 */
export type Problem = 'corrupted' | 'unparseable'
export type Read<T> = { value: T } | { problem: Problem } | { empty: true }

export const EMPTY = { empty: true } as const

/** Values that mean "no data" in every language upstream uses. */
const noData =
  /^(?:n\s*\/?\s*a|nan|none|null|-|—|–|unknown|no data(?: available)?|n\/d|datos no disponibles|not available|data not available|暂无数据|暂无|無資料|暫無數據|暂无データ|データなし|なし|不明|données non disponibles|données indisponibles|aucune donnée|pas de données|non disponible|sin datos|no disponible|sem dados|não disponível|нет данных|н\/д|δεν υπάρχουν δεδομένα|μη διαθέσιμο|en línea|online)$/iu

export function isNoData(text: string): boolean {
  return noData.test(text.trim())
}

/** Characters that may appear in a numeric cell. */
const numericChars = /^[\d\s.,+\-±%$/()KkMm\u00a0\u202f\u2009◄─►–—~]*$/u

/** A cell with digits and foreign (non-numeric) characters: a translation glitch such as `12极4`. */
function classify(text: string): Problem {
  return /\d/.test(text) && !numericChars.test(text) ? 'corrupted' : /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\uFFFD/u.test(text) ? 'corrupted' : 'unparseable'
}

/**
 * A cell's text as the readers of numbers and dates and a column's profile
 * see it: bold marks, runs of spaces, invisible format characters
 * (`visibleText`) and emoji left out. A translation decorates numbers with
 * emoji (`🥇 1`, `1 🆕`, `23,626 🔥`): no number is written with one.
 */
export function clean(text: string): string {
  return plain(withoutPictographs(visibleText(text)))
}

function withoutPictographs(text: string): string {
  return pictograph.test(text) ? text.replace(pictographs, '') : text
}

/** Emoji, with the selector and joiner that build them; a text with none of the code units emoji are in has none (the common case, tested first: `clean` runs on every cell many times). */
const pictographUnits = /[\u00a9\u00ae\u203c-\u3299\ud83c-\ud83e]/
const pictograph = { test: (text: string) => pictographUnits.test(text) && /\p{Extended_Pictographic}/u.test(text) }
const pictographs = /[\p{Extended_Pictographic}\uFE0F\u200D]|[\u{1F3FB}-\u{1F3FF}]/gu

/** A text cell's text (organization, license): as `clean`, its invisible characters kept for the registry to repair and report (`hidden-characters`), emoji left out at its ends only (`Proprietary 🆕`). */
function cleanText(text: string): string {
  return withoutEndEmoji(plain(halfWidth(text)))
}

/** A text without the emoji a translation put before or after it as a badge (`claude-opus-5 🆕`, `🔥 Proprietary`): no name begins or ends with one. */
export function withoutEndEmoji(text: string): string {
  if (!pictograph.test(text)) return text
  // Walked from each end, not searched by a pattern anchored at the end: linear however long and hostile the cell.
  const chars = [...text]
  let from = 0
  let to = chars.length
  while (from < to && badgeChar.test(chars[from]!)) from++
  while (to > from && badgeChar.test(chars[to - 1]!)) to--
  return chars.slice(from, to).join('')
}

/** A code point of an emoji (or of what builds one), or a space. */
const badgeChar = /^(?:[\p{Extended_Pictographic}\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]|\s)$/u

/** Bold marks left out, runs of spaces made one, the ends trimmed. */
function plain(text: string): string {
  return text.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim()
}

/**
 * A percentage as the languages that write its sign first do (`%12,47`,
 * Turkish; `±%1,54`), the sign after the number, as the readers take it.
 */
export function percentAfter(text: string): string {
  if (!text.includes('%')) return text
  // A sign that follows a number is that number's (`12 % 13` stays as it is), and a sign on both sides
  // (`%12%`) is left alone. Checked around each match, not by a lookaround the match would backtrack
  // into: linear in the length of the cell, however long and hostile.
  const signAfter = /[\d.,]*\s*%/y
  return text.replace(/%\s*(\d+(?:[.,]\d+)?)/g, (match: string, number: string, at: number) => {
    let before = at - 1
    while (before >= 0 && /\s/.test(text[before]!)) before--
    if (before >= 0 && /[\d.,]/.test(text[before]!)) return match
    signAfter.lastIndex = at + match.length
    return signAfter.test(text) ? match : `${number}%`
  })
}

/**
 * What a column writes before and after every rank: `第` and `名` in `第1名`,
 * `위` in `1위`, `#` in `#1`, `ke-` in `ke-1`, `-й` in `1-й`. `anySuffix`: a
 * short word after each rank that changes with the number, as ordinals do in
 * many languages (`1-ви`, `2-ри`, `3-ти`; `1:a`, `3:e`; `1r`, `2n`, `5è`).
 */
export interface Ordinal {
  before: string
  after: string
  anySuffix?: true
}

/** A rank and the short word after it that makes it an ordinal: `1-ви`, `3:e`, `2n`. */
export const suffixedOrdinal = /^(\d+)[-:.]?([\p{L}\p{M}]{1,3})$/u

/**
 * A rank: `7`, `=7` (joint 7th), `1st`; with `ordinal`, what its column
 * writes around every rank (`1위`, `1位`, `#1`, `№ 1`, `第1名`: see `rankAffix`).
 */
export function readRank(raw: string, ordinal?: Ordinal): Read<number> {
  let text = clean(raw)
  if (text === '') return EMPTY
  if (ordinal && text.startsWith(ordinal.before) && text.endsWith(ordinal.after) && text.length > ordinal.before.length + ordinal.after.length) {
    text = text.slice(ordinal.before.length, text.length - ordinal.after.length).trim()
  }
  if (/^\d+$/.test(text)) return { value: Number(text) }
  const ordinalWord = ordinal?.anySuffix ? suffixedOrdinal.exec(text) : null
  if (ordinalWord) return { value: Number(ordinalWord[1]) }
  // A tie as British tables write it: `=7` is joint 7th.
  const joint = /^=\s*(\d+)$/.exec(text)
  if (joint) return { value: Number(joint[1]) }
  // SEAL-style ordinals also reach here: 1st, 2nd, 3rd, 4th.
  const suffixed = /^(\d+)(?:st|nd|rd|th|er|e|º|°|\.)$/i.exec(text)
  if (suffixed) return { value: Number(suffixed[1]) }
  return { problem: classify(text) }
}

/**
 * Rank spread: `1◄─►4`, `1-4`, `1–4`, `1..4`, `1 bis 4`, `от 1 до 4`, in
 * brackets (`(1–4)`, `[1, 4]`: two ranks in brackets are an interval however
 * they are parted), or digits glued together (`612` = 6–12). With `affix`,
 * what its column writes around every spread (`spreadAffix`): `1~4위`,
 * `1位～4位`, `#1–#4`, `第1-4名`.
 */
export function readSpread(raw: string, rank: number | undefined, affix?: Ordinal): Read<[number, number]> {
  let text = clean(raw)
  if (text === '' || isNoData(text)) return EMPTY
  if (affix) text = withoutSpreadAffix(text, affix)
  const bracketed = /^(?:\((.*)\)|\[(.*)\])$/u.exec(text)
  if (bracketed) {
    text = (bracketed[1] ?? bracketed[2]!).trim()
    // `[1, 4]`, `[3; 10]`: a comma with a space after it (`(1,234)` is a number in brackets).
    const listed = /^(\d+)\s*(?:,\s+|;\s*)(\d+)$/.exec(text)
    if (listed) return { value: [Number(listed[1]), Number(listed[2])] }
  }
  const pair = /^(\d+)(\D+?)(\d+)$/u.exec(text)
  if (pair && isRangeSeparator(pair[2]!)) return { value: [Number(pair[1]), Number(pair[3])] }
  const worded = wordedSpread(text)
  if (worded) return { value: worded }
  if (/^\d{2,}$/.test(text)) {
    const split = splitGlued(text, rank)
    return split ? { value: split } : { problem: 'unparseable' }
  }
  return { problem: classify(text) }
}

/**
 * What a column writes around the ranks of (nearly) every spread, the same
 * each time, as translations write ranks (`rankAffix`): `위` in `1~4위`, `位`
 * in `1位～4位`, `#` in `#1–#4`, `第` and `名` in `第1-4名`. Only letters and
 * the signs that mark ranks (`#`, `№`, `º`, `ª`, `°`); on nine cells in ten
 * and three at least. Units of sizes (`1.5M`) and prices (`5美元/25美元`)
 * may fit too: read without their affix, they are still no spread.
 */
export function spreadAffix(texts: readonly string[]): Ordinal | undefined {
  const marks = texts.map((text) => {
    if (!/\d\D+\d/.test(text)) return undefined
    const before = /^[^\d\s]*/u.exec(text)![0]
    const after = /[^\d\s]*$/u.exec(text)![0]
    return (before || after) && rankMark.test(before) && rankMark.test(after) ? { before, after } : undefined
  })
  return commonAffix(marks, texts.length)?.ordinal
}

/**
 * The affix (what is written before and after) most of a column's cells
 * write, the same on nine cells in ten and three at least of its `total`, and
 * on how many; the first of those as many. What `spreadAffix` and a rank
 * column's `rankAffix` learn.
 */
export function commonAffix(affixes: readonly (Ordinal | undefined)[], total: number): { ordinal: Ordinal; n: number } | undefined {
  const counts = new Map<string, number>()
  for (const a of affixes) if (a) counts.set(`${a.before}\u0000${a.after}`, (counts.get(`${a.before}\u0000${a.after}`) ?? 0) + 1)
  let best: { key: string; n: number } | undefined
  for (const [key, n] of counts) if (n >= 3 && n >= 0.9 * total && (!best || n > best.n)) best = { key, n }
  if (!best) return undefined
  const [before, after] = best.key.split('\u0000') as [string, string]
  return { ordinal: { before, after }, n: best.n }
}

/** What may write a rank's mark: up to four letters, or `#`, `№`, `º`, `ª`, `°` (or nothing). */
const rankMark = /^(?:[\p{L}\p{M}#№ºª°]{0,4})$/u

/** A spread without what its column writes around it, at both ends and between (`1位～4位` → `1～4`). */
function withoutSpreadAffix(text: string, { before, after }: Ordinal): string {
  if (!text.startsWith(before) || !text.endsWith(after) || text.length <= before.length + after.length) return text
  let inner = text.slice(before.length, text.length - after.length).trim()
  const first = /^\d+/.exec(inner)?.[0]
  if (first && after && inner.slice(first.length).trimStart().startsWith(after)) inner = first + inner.slice(first.length).trimStart().slice(after.length)
  const last = /\d+$/.exec(inner)?.[0]
  if (last && before && inner.slice(0, -last.length).trimEnd().endsWith(before)) inner = inner.slice(0, -last.length).trimEnd().slice(0, -before.length) + last
  return inner
}

/**
 * A spread in words, a word before the first rank and words between the two
 * (as `isRangeSeparator` takes them), as translations write "from 1 to 4":
 * `от 1 до 4`, `de 1 a 4`, `von 1 bis 4`, `από 1 έως 4`, `从1到4`. A word
 * before the first rank with marks between (`v1-4`) is no spread.
 */
export function wordedSpread(text: string): [number, number] | undefined {
  const m = /^[\p{L}\p{M}]{1,6}\s*(\d+)(\D+?)(\d+)$/u.exec(text)
  return m && /\p{L}/u.test(m[2]!) && isRangeSeparator(m[2]!) ? [Number(m[1]), Number(m[3])] : undefined
}

/**
 * What may stand between the two ranks of a spread, in any language: marks
 * (dashes, arrows, tildes, dots: `◄─►`, `<->`, `–`, `〜`, `→`, `..`), or a few words
 * (`to`, `bis`, `à`, `до`, `έως`, `至`, `から`, `ถึง`, `up to`), never the two
 * mixed (`4o-mini-2024` is a name) and twelve characters at most. Never what
 * writes a number (`1,234`, `1.5`, `1 234`, `1'234`), a fraction or price
 * (`/`), a time (`:`), a sign or an interval (`+`, `±`, `%`, brackets): read
 * as a spread, those would be wrong numbers.
 */
function isRangeSeparator(raw: string): boolean {
  const sep = raw.trim()
  if (sep === '' || [...sep].length > 12) return false
  // Dots alone, two or more (`1..4`, `1...4`): no number has two in a row.
  if (/^\.{2,}$/.test(sep)) return true
  if (/[.,:;/%±+()[\]{}'’"$€£¥#=*&|\\]/u.test(sep)) return false
  return /^[\p{P}\p{S}]+$/u.test(sep) || /^[\p{L}\p{M}]+(?: [\p{L}\p{M}]+){0,2}$/u.test(sep)
}

/**
 * `612` with rank 8 is 6–12: try every split, keep those with
 * upper ≤ rank ≤ lower, prefer the narrowest.
 */
export function splitGlued(digits: string, rank: number | undefined): [number, number] | undefined {
  let best: [number, number] | undefined
  for (let i = 1; i < digits.length; i++) {
    const a = digits.slice(0, i)
    const b = digits.slice(i)
    if (b.startsWith('0')) continue
    const upper = Number(a)
    const lower = Number(b)
    if (upper < 1 || upper > lower) continue
    if (rank !== undefined && (upper > rank || rank > lower)) continue
    if (!best || lower - upper < best[1] - best[0]) best = [upper, lower]
  }
  return best
}

export interface Interval {
  plus: number
  minus: number
  percent: boolean
}

/** `±4`, `+5/-4`, `(++9/-9)`, `+1.53/-1.52`, `±1.54%`, `+24/-27`, `+/-9`, `+-9`. */
export function readInterval(raw: string): Read<Interval> {
  // `+/-9` and `+-9`: the `±` of a text written in ASCII only.
  const text = percentAfter(clean(raw).replace(/^\((.*)\)$/, '$1').trim()).replace(/^\+\s*\/?\s*[-−–](?=\s*[\d%])/u, '±')
  if (text === '' || isNoData(text)) return EMPTY
  let m = /^[±+]\s*(\d+(?:[.,]\d+)?)\s*(%?)$/u.exec(text)
  if (m && (text.startsWith('±') || !text.includes('/'))) {
    const v = Number(m[1]!.replace(',', '.'))
    return { value: { plus: v, minus: v, percent: m[2] === '%' } }
  }
  m = /^\+{1,2}\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*\/\s*[-−–]{1,2}\s*(\d+(?:[.,]\d+)?)\s*(%?)$/u.exec(text)
  if (m) return bounds(m[1]!, m[3]!, m[2]! + m[4]!)
  // The lower bound first (`-4/+6`, `−4 / +6`): each side says which it is by its sign.
  m = /^[-−–]{1,2}\s*(\d+(?:[.,]\d+)?)\s*(%?)\s*\/\s*\+{1,2}\s*(\d+(?:[.,]\d+)?)\s*(%?)$/u.exec(text)
  if (m) return bounds(m[3]!, m[1]!, m[2]! + m[4]!)
  return { problem: classify(text) }
}

/** An interval from its two sides' numbers (a decimal comma or point) and the percent signs written beside them. */
function bounds(plus: string, minus: string, signs: string): Read<Interval> {
  return { value: { plus: Number(plus.replace(',', '.')), minus: Number(minus.replace(',', '.')), percent: signs.includes('%') } }
}

/**
 * "Preliminary" as upstream's translations have written it (whole words and
 * stems). An abbreviation with a dot of one of them (`Prelim.`, `Prov.`,
 * `Προκ.`) is one too; words no list knows are recognised by the column that
 * repeats them (see `columnMarkers`).
 */
const preliminaryWords = [
  'preliminary', 'provisional', 'provisoire', 'préliminaire', 'preliminaire', 'preliminar', 'provisorio', 'provisório', 'vorläufig',
  'preliminare', 'provvisorio', '暂定', '暫定', '暫定値', '速報', '速報値', '初步', '初歩', '予備', '仮', '예비', '잠정',
  'предварительн', 'προκαταρκτικ', 'προσωριν'
]

/** A marker word as compared: lower case, compatibility forms, no dots or brackets. */
export function markerKey(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/[.()[\]]/g, '').replace(/\s+/g, ' ').trim()
}

/** A known word, its inflection (`предварительный`), or its abbreviation (`Prelim`, `Предв.`, `Prov.`). */
export function isPreliminaryWord(text: string): boolean {
  const dotted = /\.\s*\)?$/.test(text.trim())
  const key = markerKey(text)
  if (key === '') return false
  return preliminaryWords.some((w) => key === w || (w.length >= 6 && key.startsWith(w)) || (key.length >= (dotted ? 2 : 4) && w.length > key.length && w.startsWith(key)))
}

export interface Score {
  value: number
  interval?: Interval
  preliminary: boolean
  /** `AutoEval`: an automatic estimate for a model not yet ranked by votes. */
  autoEval?: true
}

/**
 * The longest cell a score is read from. Upstream's longest are some thirty
 * characters (`1316 (±12) Preliminary`, `1495 (Предварительный результат)`); a
 * longer cell is no score, and is never searched for one: the marker and score
 * patterns would take time quadratic in its length (a page of one 100,000-digit
 * cell took minutes).
 */
export const MAX_NUMBER_CELL = 100

/** Letters (any script), words joined by spaces or hyphens, each possibly abbreviated with a dot. */
const word = String.raw`[\p{L}\p{M}]+\.?(?:[\s-]+[\p{L}\p{M}]+\.?)*`
const trailingWord = new RegExp(String.raw`^(.*\d[^\p{L}]*?)[\s(\[]*(${word})[\s)\]]*$`, 'u')
const leadingWord = new RegExp(String.raw`^[\s(\[]*(${word})[\s)\]]*([^\p{L}]*\d.*)$`, 'u')

/**
 * The word glued before or after a number in a score cell (`1483Preliminary`,
 * `1344 Предв.`, `(暫定) 1495`), and the rest of the cell; undefined when the
 * cell has none.
 */
export function scoreMarker(raw: string): { marker: string; rest: string; leading: boolean } | undefined {
  const text = clean(raw)
  if (text.length > MAX_NUMBER_CELL) return undefined
  const t = trailingWord.exec(text)
  if (t) return { marker: t[2]!, rest: t[1]!.trim(), leading: false }
  const l = leadingWord.exec(text)
  if (l) return { marker: l[1]!, rest: l[2]!.trim(), leading: true }
  return undefined
}

/**
 * A score cell, with what upstream glued to it: `1483Preliminary`,
 * `1483 Preliminary`, `1483 (Preliminary)`, `1495（暫定）`, `1504±10`,
 * `1507 ±6`, `1507 (±5)`, `1316 (±12) Preliminary`, `1669 (++13/-13)`,
 * `12.47%±1.54%`, `%12,47±%1,54`, `1 495 (Préliminaire)`, `1344Prelim.`, read in the style of
 * its column (further words that mean "preliminary" there, dots grouping thousands).
 */
export function readScore(raw: string, style: ScoreStyle = plainScores): Read<Score> {
  let text = clean(raw)
  if (text === '' || isNoData(text)) return EMPTY
  if (text.length > MAX_NUMBER_CELL) return { problem: classify(text) }
  text = percentAfter(text)
  let preliminary = false
  let autoEval = false
  const found = scoreMarker(text)
  if (found) {
    if (isPreliminaryWord(found.marker) || style.markers.has(markerKey(found.marker))) preliminary = true
    else if (/^auto-?eval$/i.test(found.marker) && !found.leading) autoEval = true
    if (preliminary || autoEval) text = found.rest
  }
  const m = /^(\d[\d\s\u00a0\u202f.,'\u2019]*?)\s*(%?)\s*(\(?\s*(?:±|\+{1,2}|[-−–]{1,2}(?=[^)/]*\/\s*\+))[^)]*\)?)?$/u.exec(text)
  if (!m) return { problem: classify(text) }
  const value = parseDecimal(style.dotGroups && /^\d{1,3}(?:\.\d{3})+$/.test(m[1]!.trim()) ? m[1]!.replace(/\./g, '') : m[1]!)
  if (value === undefined) return { problem: classify(text) }
  const marks = autoEval ? { preliminary, autoEval: true as const } : { preliminary }
  if (!m[3]) return { value: { value, ...marks } }
  const interval = readInterval(m[3])
  if ('value' in interval) return { value: { value, interval: interval.value, ...marks } }
  return { problem: 'problem' in interval ? interval.problem : 'unparseable' }
}

/** How a column writes its scores: words that mean "preliminary" there, and whether a dot groups thousands (`1.483`). */
export interface ScoreStyle {
  markers: ReadonlySet<string>
  dotGroups: boolean
}

const plainScores: ScoreStyle = { markers: new Set(), dotGroups: false }

export function readCount(raw: string): Read<number> {
  const text = clean(raw)
  if (text === '' || isNoData(text)) return EMPTY
  const value = parseCount(withoutPictographs(raw.replace(/\*\*/g, '')).trim())
  if (value !== undefined) return { value }
  return { problem: classify(text) }
}

/** An amount in dollars, its currency written before it or after it as languages do: `$1.25`, `1,25 $`, `US$10`, `10 USD`. */
const amount = String.raw`(?:US\s?\$|\$|USD)?\s*([\d.,]+|n\/a)\s*(?:US\s?\$|\$|USD)?`
/** Input and output prices: `$1.25/$10`, `1,25 $ / 10 $`. */
const pricePair = new RegExp(`^${amount}\\s*/\\s*${amount}$`, 'iu')

/** `$5/$25`, `$1.40/$4.40`, `5/25`, `1,25 $/10 $`: input and output price per million tokens (or one price). */
export function readPrice(raw: string): Read<[number | undefined, number | undefined]> {
  const text = clean(raw)
  if (text === '' || isNoData(text)) return EMPTY
  const m = pricePair.exec(text)
  if (m) {
    const input = parseDecimal(m[1]!)
    const output = parseDecimal(m[2]!)
    if ((input !== undefined || /n\/a/i.test(m[1]!)) && (output !== undefined || /n\/a/i.test(m[2]!))) return { value: [input, output] }
  }
  const single = /^(?:US\s?\$|\$|USD)\s*([\d.,]+)$/iu.exec(text) ?? /^([\d.,]+)\s*(?:US\s?\$|\$|USD)$/iu.exec(text)
  if (single) {
    const v = parseDecimal(single[1]!)
    if (v !== undefined) return { value: [v, undefined] }
  }
  return { problem: classify(text) }
}

export function readTokens(raw: string): Read<number> {
  const text = clean(raw)
  if (text === '' || isNoData(text)) return EMPTY
  const value = parseTokens(text)
  if (value !== undefined && value > 0) return { value }
  return { problem: classify(text) }
}

/**
 * Knowledge cutoff as `YYYY-MM` (or `YYYY-MM-DD`), from `2024/6`, `2024年6月`,
 * `2024년 6월`, or the month first as translations write it (`6/2024`,
 * `06.2024`, `Jun 2024`, `juin 2024`, `Dez. 2023`, `сент. 2023`, `dez/2023`);
 * text kept when it is a real value in another form.
 */
export function readCutoff(raw: string): Read<string> {
  const text = clean(raw)
  if (text === '' || isNoData(text)) return EMPTY
  const m = /^(\d{4})\s*[/.\-年년]\s*(\d{1,2})(?:\s*[/.\-月월]\s*(\d{1,2}))?\s*[日月일월]?$/u.exec(text)
  if (m) {
    const month = Number(m[2])
    if (month >= 1 && month <= 12) {
      const ym = `${m[1]}-${String(month).padStart(2, '0')}`
      return { value: m[3] ? `${ym}-${m[3].padStart(2, '0')}` : ym }
    }
  }
  const monthFirst = /^(\d{1,2})\s*[/.\-]\s*(\d{4})$/u.exec(text) ?? /^(\p{L}+\.?)(?:\s*[/\-]\s*|\s+(?:de\s+)?)(\d{4})$/u.exec(text)
  if (monthFirst) {
    const month = /^\d/.test(monthFirst[1]!) ? Number(monthFirst[1]) : monthOf(monthFirst[1]!)
    if (month !== undefined && month >= 1 && month <= 12) return { value: `${monthFirst[2]}-${String(month).padStart(2, '0')}` }
  }
  if (/^\d{4}$/.test(text)) return { value: text }
  if (/\d/.test(text) || junk.test(text)) return { problem: 'corrupted' }
  // Words without a date ("online", "no data available" in any language) say there is no cutoff to record.
  return EMPTY
}

/** Foreign tokens the translation model inserts into text cells (organization, license). */
export const junk = /[极極印鮦巨�]|极速|極端|极客|极简|极好|极右|极狐|无限/u

/** Text cells (organization, license): empty, no-data, or a junk-free string. */
export function readText(raw: string): Read<string> {
  const text = cleanText(raw)
  if (text === '' || isNoData(text)) return EMPTY
  if (junk.test(text)) return { problem: 'corrupted' }
  return { value: text }
}
