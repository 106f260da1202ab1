import {
  clean,
  isNoData,
  junk,
  markerKey,
  readCount,
  readCutoff,
  readInterval,
  readPrice,
  readRank,
  readScore,
  readSpread,
  spreadAffix,
  commonAffix,
  readTokens,
  scoreMarker,
  splitGlued,
  type Ordinal,
  suffixedOrdinal,
  wordedSpread,
  type Read,
  type ScoreStyle
} from '../cells.js'
import { isRoundSize, latinUnit } from '../numbers.js'
import type { Role } from './headers.js'
import { gluedSeparator } from './model-cell.js'

/**
 * What the cells of a column say it can hold. A role is a form every clean
 * cell takes (a whole number, a count, a score, an interval…) plus an
 * invariant over the whole column: ranks go up down the table, scores go
 * down, votes are large counts in no order, a model column names each model
 * once. Cells with a foreign token (`2极,372`) neither confirm nor contradict
 * a role: a column keeps its role with a few or many of them, and each is
 * reported where it is read.
 */

/** How the cells of a column read as one form. */
export interface Tally {
  /** Cells that read. */
  ok: number
  /** Cells that hold something else. */
  bad: number
  /** Cells with a foreign token among otherwise valid characters. */
  corrupted: number
}

export interface Profile {
  index: number
  /** Data rows. */
  rows: number
  /** Cells that hold something (not empty, not a "no data" word). */
  filled: number
  int: Tally
  /** Per row, the cell as a whole number (undefined when it is not one). */
  ints: (number | undefined)[]
  /** Cells of digits only (`14`, `310`: glued rank spreads look like that). */
  digitsOnly: string[]
  pair: Tally
  score: Tally
  scores: (number | undefined)[]
  /** How this column writes its scores (marker words, dots grouping thousands). */
  style: ScoreStyle
  /** What this column writes around every whole number (`1위`, `#1`), read as an ordinal. */
  ordinal?: Ordinal
  /** What this column writes around every spread of ranks (`1~4위`, `#1–#4`: `spreadAffix`). */
  spreadAffix?: Ordinal
  /** Shares of the score cells with a `%`, with an interval. */
  percent: number
  withInterval: number
  interval: Tally
  count: Tally
  counts: (number | undefined)[]
  /** Share of counts written with grouped thousands (`3,768`, `3 768`) or a K/M suffix. */
  grouped: number
  suffixed: number
  /**
   * Share of the counts with a K/M unit that are sizes of memory (`131.1K`,
   * `128K`), not shortened counts (`5.5K`); none when the column has more
   * distinct values than models share sizes (`manySizes`).
   */
  roundSizes: number
  /**
   * Round thousands with more distinct values than a column of context sizes
   * has (per square root of its rows, `MAX_SIZES_PER_ROOT`): counts shortened
   * to whole thousands (`34K`, `112K`), no sizes.
   */
  manySizes: boolean
  price: Tally
  tokens: Tally
  /** Share of filled cells that are dates (`2024/6`, `2023-10`), corrupted ones (`nan极了`) aside. */
  dates: number
  /** Share of filled cells that are words (two letters or more, not a number). */
  text: number
  /** Distinct values among filled cells; share of the most frequent one. */
  unique: number
  mode: number
  /** Share of rows whose cell holds a link; of cells that are only a URL. */
  links: number
  urls: number
  /** Share of text cells with a digit (model names have versions; organizations rarely do). */
  modelish: number
  /** Share of text cells naming a license. */
  licenseWords: number
  /** The signs the column writes between names and the organization and license glued after them (`gluedSeparator`). */
  separator?: string
}

const empty = (): Tally => ({ ok: 0, bad: 0, corrupted: 0 })

function tally<T>(t: Tally, read: Read<T>): T | undefined {
  if ('value' in read) {
    t.ok++
    return read.value
  }
  if ('problem' in read) {
    if (read.problem === 'corrupted') t.corrupted++
    else t.bad++
  }
  return undefined
}

/** Words of license names that are no organization's name (`OpenAI`, `DeepSeek`, `Mistral` name both). */
const licenseWords =
  /propri|apache|\bmit\b|llama|gemma|cc-by|bsd|gpl|licen[cs]|commercial|community|research|\bmrl\b|custom|impact|open\s*(?:model|mdw|source|weights)|独自|专有|專有|商用|プロプライエタリ|проприет|ιδιόκτ|propiet|propriét/i

/**
 * Words a column repeats after (or before) its numbers are markers, not
 * corruption: `1344 Ön.` twice in a column is how this translation writes
 * "preliminary". A word on most cells is no marker (a unit, or a glitch).
 */
function columnMarkers(texts: readonly string[]): Set<string> {
  const counts = new Map<string, number>()
  let numbers = 0
  for (const text of texts) {
    const found = scoreMarker(text)
    if (!found) continue
    numbers++
    if (junk.test(found.marker) || !('value' in readScore(found.rest))) continue
    const key = markerKey(found.marker)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const markers = new Set<string>()
  const scored = texts.filter((t) => /\d/.test(t)).length
  for (const [key, n] of counts) if (n >= 2 && n <= Math.max(2, scored * 0.5)) markers.add(key)
  void numbers
  return markers
}

/** `1.483` in a column of scores such as `840` and `1.483`: the dot groups thousands. */
function dotGroups(texts: readonly string[]): boolean {
  const grouped = texts.filter((t) => /^\d{1,3}\.\d{3}(?!\d)/.test(t)).length
  const decimal = texts.filter((t) => /^\d+\.(?:\d{1,2}|\d{4,})(?!\d)/.test(t)).length
  return grouped > 0 && decimal === 0 && grouped >= texts.filter((t) => /^\d/.test(t)).length * 0.3
}

/**
 * What a column writes around (nearly) every whole number, the same each
 * time: `1위`, `2위`…, `#1`, `№ 1`, `第1名`, `ke-1`, `1-й`, `1.º`, `מקום 1`
 * are how translations write ranks. On nine cells in ten and three at least;
 * a word on some cells only is a marker (`columnMarkers`) or a glitch. Signs
 * and brackets are no such word; a space, a hyphen, a colon or a dot may
 * join it to the number, and an abbreviation before it ends with a dot or
 * has one (`No. 1`, `Nr. 1`, `n. 1`, `N.º 1`).
 *
 * Or a short word after each number that changes with it, as ordinals do in
 * many languages (`1-ви`, `2-ри`, `3-ти`; `1:a`, `3:e`; `1r`, `2n`, `3r`,
 * `4t`, `5è`), on more cells than any word that stays the same
 * (`varyingSuffix`).
 */
function rankAffix(texts: readonly string[]): Ordinal | undefined {
  const same = commonAffix(
    texts.map((text) => {
      const m = affixed.exec(text)
      return m && (m[1] || m[2]) ? { before: m[1]!.trim(), after: m[2]! } : undefined
    }),
    texts.length
  )
  const varying = varyingSuffix(texts)
  return varying !== undefined && varying > (same?.n ?? 0) ? { before: '', after: '', anySuffix: true } : same?.ordinal
}

/**
 * A word (or signs such as `#`) before or after a whole number, joined to it
 * by a space, a hyphen, a colon or a dot, or by nothing; a word of four
 * letters or more before it by a space only (`מקום 1`): `model-1` is a name.
 */
const affixed = (() => {
  // A character of such a word: no digit, space, sign, bracket or mark that writes a number.
  const letter = String.raw`[^\d\s.,:;/±%+()\-=$\[\]]`
  // An abbreviation ends with a dot, or has one inside: `No. 1`, `Nr. 1`, `n. 1`, `N.º 1`, `Pos. 1`.
  const abbreviation = String.raw`${letter}{1,3}(?:\.${letter}{1,2})?\.?`
  return new RegExp(String.raw`^((?:${abbreviation}(?:\s+|-)?|${letter}{4,6}\.?\s+)?)\d+\s*((?:[-:.]?${letter}{1,4})?)$`, 'u')
})()

/** Letters that write units of sizes and counts after a number, never an ordinal: K, M, B, G, T, the Cyrillic and Greek letters that look like K and M, and 千, 万 and 亿 (億). */
const unitLetters = /^[KkMmBbGTКкМмΚΜ万千亿億]$/u

/**
 * How many cells are a rank with an ordinal word after it (`suffixedOrdinal`),
 * when the column is one of such: nine cells in ten and three at least, two
 * words at least, none a unit (`128K`, `1M`, `1М`), and each number with one
 * word (a rank shared by two rows is written alike). Whether the numbers are
 * ranks, in order or not (a second rank column is not), the layout decides.
 */
function varyingSuffix(texts: readonly string[]): number | undefined {
  const wordOf = new Map<number, string>()
  const words = new Set<string>()
  let n = 0
  for (const text of texts) {
    const m = suffixedOrdinal.exec(text)
    if (!m) continue
    const word = m[2]!
    const number = Number(m[1])
    if (unitLetters.test(word) || number < 1 || (wordOf.get(number) ?? word) !== word) return undefined
    wordOf.set(number, word)
    words.add(word)
    n++
  }
  return n >= 3 && n >= 0.9 * texts.length && words.size >= 2 ? n : undefined
}

function modeShare(values: readonly string[]): number {
  const counts = new Map<string, number>()
  let top = 0
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1
    counts.set(v, n)
    if (n > top) top = n
  }
  return top / Math.max(values.length, 1)
}

/** A cell that starts with a number: `1М`, `128 тыс.`, `100万`, `1위`, `5美元/25美元`, `1M токенов`. */
const numberFirst = /^\d/

/** An amount of money: a number beside a currency sign or code (`in $5 / out $25`, `€5`, `5 USD`). No name has one. */
const money = /(?:\p{Sc}|\bUSD\b)\s*\d|\d\s*(?:\p{Sc}|USD\b)/u

/** Words, not a number: a letter that is no inserted foreign token (`2极,372` is a corrupted number, not text). */
function wordy(cell: string): boolean {
  return /\p{L}/u.test(cell.replace(junkAll, '')) && !numberForm(cell)
}

const junkAll = new RegExp(junk.source, 'gu')

/** Cells of a number form that has letters: sizes (`128K`), counts (`26K`). */
function numberForm(cell: string): boolean {
  return 'value' in readTokens(cell) || 'value' in readCount(cell)
}

export function profileOf(index: number, texts: readonly string[], links: readonly boolean[]): Profile {
  const cells = texts.map((t) => clean(t))
  const filledCells = cells.filter((c) => c !== '' && !isNoData(c))
  const filled = filledCells.length
  const style: ScoreStyle = { markers: columnMarkers(filledCells), dotGroups: dotGroups(filledCells) }
  const ordinal = rankAffix(filledCells)
  const spreadMarks = spreadAffix(filledCells)
  const p: Profile = {
    index,
    rows: cells.length,
    filled,
    int: empty(),
    ints: [],
    digitsOnly: [],
    pair: empty(),
    score: empty(),
    scores: [],
    style,
    ...(ordinal ? { ordinal } : {}),
    ...(spreadMarks ? { spreadAffix: spreadMarks } : {}),
    percent: 0,
    withInterval: 0,
    interval: empty(),
    count: empty(),
    counts: [],
    grouped: 0,
    suffixed: 0,
    roundSizes: 0,
    manySizes: false,
    price: empty(),
    tokens: empty(),
    dates: 0,
    text: 0,
    unique: new Set(filledCells).size / Math.max(filled, 1),
    mode: modeShare(filledCells),
    links: links.filter(Boolean).length / Math.max(cells.length, 1),
    urls: 0,
    modelish: 0,
    licenseWords: 0
  }
  let percent = 0
  let withInterval = 0
  let grouped = 0
  let suffixed = 0
  let roundSizes = 0
  const sizes = new Set<number>()
  let dates = 0
  let corruptedDates = 0
  let text = 0
  let urls = 0
  let modelish = 0
  let licensed = 0
  // A column of numbers followed by words (`1М`, `128 тыс`, `100万`, `5美元/25美元`, `1M токенов`: units and
  // currencies no reader knows) holds no names, though one cell like it may be one (`01 AI`).
  const numbers = filledCells.filter((c) => numberFirst.test(c)).length >= Math.max(3, 0.9 * filled)
  for (const c of cells) {
    p.ints.push(tally(p.int, readRank(c, ordinal)))
    if (/^\d{2,}$/.test(c)) p.digitsOnly.push(c)
    if (!/^\d+$/.test(c)) {
      const spread = readSpread(c, undefined, spreadMarks)
      tally(p.pair, 'value' in spread && spread.value[0] > spread.value[1] ? { problem: 'unparseable' } : spread)
    }
    const s = tally(p.score, readScore(c, style))
    p.scores.push(s?.value)
    if (s && /%/.test(c)) percent++
    if (s?.interval) withInterval++
    tally(p.interval, readInterval(c))
    const n = tally(p.count, readCount(c))
    p.counts.push(n)
    if (n !== undefined && /\d\D\d{3}(?!\d)/.test(c)) grouped++
    const unit = latinUnit(c)
    if (n !== undefined && /\d\s*[KkMm]$/.test(unit)) {
      suffixed++
      if (isRoundSize(c)) roundSizes++
    }
    // Prices carry their currency (`$5/$25`); `2024/6` is no price.
    if (c !== '' && !isNoData(c)) tally(p.price, /\$|USD/i.test(c) ? readPrice(c) : { problem: 'unparseable' })
    if (/^\d+(?:[.,]\d+)?\s*[KkMm]$/.test(unit)) {
      const size = tally(p.tokens, readTokens(c))
      if (size !== undefined) sizes.add(size)
    }
    if (c === '' || isNoData(c)) continue
    const cutoff = readCutoff(c)
    if ('problem' in cutoff && cutoff.problem === 'corrupted') corruptedDates++
    // A month of a year, however written (`2024/6`, `6/2024`, `juin 2024`); a year alone is no such cell.
    else if ('value' in cutoff && /^\d{4}-\d{2}/.test(cutoff.value)) dates++
    if (/^https?:\/\/\S+$/i.test(c)) urls++
    // Words between two numbers (`1 bis 4`, `от 1 до 4`: a spread of ranks however translated) are
    // no name: a column of them is no organization's or license's; nor are amounts of money with words
    // around them (`in $5 / out $25`).
    if (wordy(c) && !/^\d[\s\S]*\d$/u.test(c) && !wordedSpread(c) && !(numbers && numberFirst.test(c)) && !money.test(c)) {
      text++
      if (/\d/.test(c)) modelish++
      if (licenseWords.test(c)) licensed++
    }
  }
  const scored = Math.max(p.score.ok, 1)
  p.percent = percent / scored
  p.withInterval = withInterval / scored
  p.grouped = grouped / Math.max(p.count.ok, 1)
  p.suffixed = suffixed / Math.max(p.count.ok, 1)
  // More distinct values than models share sizes: counts shortened to whole thousands (`34K`), round as sizes are.
  const many = p.tokens.ok >= MIN_SIZE_ROWS && sizes.size > MAX_SIZES_PER_ROOT * Math.sqrt(p.tokens.ok)
  p.manySizes = many && roundSizes > 0
  p.roundSizes = many ? 0 : roundSizes / Math.max(suffixed, 1)
  const f = Math.max(filled, 1)
  p.dates = dates / Math.max(filled - corruptedDates, 1)
  p.text = text / f
  p.urls = urls / f
  p.modelish = modelish / Math.max(text, 1)
  p.licenseWords = licensed / Math.max(text, 1)
  // Only a column of words can be one of names with their organization and license glued after them.
  const separator = p.text >= 0.5 ? gluedSeparator(texts) : undefined
  if (separator !== undefined) p.separator = separator
  // Prices are mostly `N/A` on some boards: only cells with a `$` or a pair count.
  return p
}

/**
 * The cells read as this form: some read, nearly none holds something else
 * (corrupted cells do not count against it). A header asks less: that no
 * fewer cells read than hold something else.
 */
export function fitsForm(t: Tally, lenient = false): boolean {
  if (t.ok === 0) return false
  return lenient ? t.ok >= t.bad : t.ok >= 0.9 * (t.ok + t.bad) && t.ok >= 0.2 * (t.ok + t.bad + t.corrupted)
}

/** Adjacent pairs of values (skipping rows without one): how many go up, how many go down. */
export function steps(values: readonly (number | undefined)[]): { up: number; down: number; pairs: number; first?: number; last?: number } {
  let up = 0
  let down = 0
  let pairs = 0
  let prev: number | undefined
  let first: number | undefined
  for (const v of values) {
    if (v === undefined) continue
    first ??= v
    if (prev !== undefined) {
      pairs++
      if (v > prev) up++
      else if (v < prev) down++
    }
    prev = v
  }
  return { up, down, pairs, ...(first !== undefined ? { first } : {}), ...(prev !== undefined ? { last: prev } : {}) }
}

/** Share of steps against the direction, allowing none in short columns (a few rows prove little). */
function against(count: number, pairs: number): boolean {
  return pairs >= 8 ? count / pairs <= 0.25 : count === 0
}

/** Ranks: whole numbers from 1, going up down the table (ties allowed; upstream sorted by score lets a few go down). */
export function rankLike(p: Profile, lenient = false): boolean {
  if (!fitsForm(p.int, lenient)) return false
  const s = steps(p.ints)
  return min(p.ints) >= 1 && against(s.down, s.pairs) && (s.last ?? 0) >= (s.first ?? 0)
}

/** How often a rank-like column goes down: the true rank column goes down least. */
export function rankDisorder(p: Profile): number {
  const s = steps(p.ints)
  return s.pairs ? s.down / s.pairs : 0
}

/** Scores: numbers in one range (no value ten times another, or all percentages) that do not go up down the table. */
function scoreLike(p: Profile, lenient: boolean): boolean {
  if (!fitsForm(p.score, lenient)) return false
  const s = steps(p.scores)
  const inRange = p.percent >= 0.5 || (min(p.scores) > 0 && max(p.scores) <= 10 * min(p.scores))
  return inRange && against(s.up, s.pairs) && (s.last ?? 0) <= (s.first ?? 0)
}

/** Measures beside the score (the agent board's): percentages or values with intervals, in any order. */
function metricLike(p: Profile, lenient: boolean): boolean {
  return fitsForm(p.score, lenient) && (p.percent >= 0.5 || p.withInterval >= 0.5)
}

/**
 * Votes: counts, large (grouped thousands or above any rank of the table), in
 * no order. Mostly written with a K/M unit, they are counts only when most are
 * no size of memory (`5.5K`, not `131.1K`): context windows are written so too.
 */
function votesLike(p: Profile, bound: number, lenient: boolean): boolean {
  if (!fitsForm(p.count, lenient) || (p.suffixed >= 0.5 && p.roundSizes > 0.5)) return false
  const s = steps(p.counts)
  const large = p.grouped >= 0.5 || max(p.counts) > bound * 1.5
  const ordered = s.pairs >= 8 && (s.up / s.pairs < 0.15 || s.down / s.pairs < 0.15)
  return large && !ordered
}

/**
 * Ranks after style control: small whole numbers, in no strict order, none far
 * past the table's last rank (a cut table shows its first rows, whose
 * style-control ranks may reach further down than their own ranks), and in a
 * long table some at least halfway down it: ranks of the same models by another
 * method reach as far as theirs do, where the widths of intervals written
 * without their `±` stay small on every row. (In a short table all may be 1.)
 */
function styleRankLike(p: Profile, bound: number, ranks: readonly (number | undefined)[], lenient: boolean): boolean {
  const reach = p.filled < LONG_TABLE || max(p.ints) >= Math.min(bound, p.filled) / 2
  return fitsForm(p.int, lenient) && min(p.ints) >= 1 && max(p.ints) <= 2 * bound + 20 && reach && tracks(p.ints, ranks)
}

/**
 * Whether ranks by another method follow the rows' ranks in a long table: near
 * the row's rank on nine rows in ten (between a third of it less 10 and three
 * times it and 20), and going the same way (a correlation of 0.7 at least).
 * Every style-control rank upstream has published is so (25,000 on the real
 * history; the lowest correlation of a table of 20 rows or more is 0.80).
 * Counts in thousands (`34 тыс.`, in a word no reader knows) are small whole
 * numbers too, reaching as far down, but half of them are far from their row's
 * rank on a long table, and on a short one they do not go its way (0.51 at most).
 */
function tracks(values: readonly (number | undefined)[], ranks: readonly (number | undefined)[]): boolean {
  const xs: number[] = []
  const ys: number[] = []
  let near = 0
  values.forEach((v, i) => {
    const rank = ranks[i]
    if (v === undefined || rank === undefined) return
    xs.push(rank)
    ys.push(v)
    if (v >= rank / 3 - 10 && v <= 3 * rank + 20) near++
  })
  return xs.length < LONG_TABLE || (near >= 0.9 * xs.length && correlation(xs, ys) >= 0.7)
}

/** Pearson's correlation of two series of numbers (1 when either does not vary: nothing against them going together). */
function correlation(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my)
    sxx += (xs[i]! - mx) ** 2
    syy += (ys[i]! - my) ** 2
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : 1
}

/** The fewest sizes before a column's count of distinct ones says anything. */
const MIN_SIZE_ROWS = 20

/**
 * The most distinct values, per square root of the rows, that a column of
 * context sizes shows: models share a few sizes (`128K`, `200K`, `1M`). On the
 * real history, 2.01 at most (29 sizes on 209 rows); votes shortened to whole
 * thousands, 2.37 at least (13 on 30 rows; 80 on 352), and 3.43 on the one
 * real page that writes them so (20 on 34 rows).
 */
const MAX_SIZES_PER_ROOT = 2.2

/** Rows from which a column of ranks must reach far down the table. */
const LONG_TABLE = 20

/** Rank spreads: `1◄─►4`, `1-4`, or digits glued together that split around the row's rank (`310` at rank 4). */
function spreadLike(p: Profile, ranks: readonly (number | undefined)[] | undefined, lenient: boolean): boolean {
  if (fitsForm(p.pair, lenient) && p.pair.ok >= p.digitsOnly.length) return true
  if (!ranks || p.digitsOnly.length < Math.max(1, p.filled * 0.8)) return false
  let split = 0
  let tried = 0
  p.ints.forEach((v, i) => {
    const rank = ranks[i]
    if (v === undefined || rank === undefined) return
    tried++
    const digits = String(v)
    // A spread stays near its rank (upstream's reach at most 2 × rank + 25 down): `1474` at rank 1 is no 1–474.
    const pair = digits.length >= 2 ? splitGlued(digits, rank) : undefined
    if (pair && pair[1] <= 3 * rank + 30) split++
  })
  return tried > 0 && split >= 0.9 * tried
}

/** What is known of the table when a column's roles are weighed: its ranks (once the rank column is found) and its last rank. */
export interface TableFacts {
  ranks?: readonly (number | undefined)[]
  /** The table's last rank, or its row count when larger. */
  bound: number
}

/**
 * The roles the cells of a column allow. `lenient` is for a header's role:
 * then most readable cells must fit, not nearly all.
 */
export function allowedRoles(p: Profile, facts: TableFacts, lenient = false): Set<Role> {
  const roles = new Set<Role>()
  if (rankLike(p, lenient)) roles.add('rank')
  if (spreadLike(p, facts.ranks, lenient)) roles.add('rankSpread')
  if (facts.ranks && styleRankLike(p, facts.bound, facts.ranks, lenient)) roles.add('rankStyleControl')
  if (scoreLike(p, lenient)) roles.add('score')
  if (metricLike(p, lenient)) roles.add('metric')
  if (votesLike(p, facts.bound, lenient)) roles.add('votes')
  if (fitsForm(p.interval, lenient) && p.interval.ok >= 0.5 * p.filled) roles.add('ci')
  if (fitsForm(p.price, lenient) && p.price.ok >= 0.3 * p.filled) roles.add('price')
  if (fitsForm(p.tokens, lenient) && p.tokens.ok >= 0.3 * p.filled && !p.manySizes) roles.add('context')
  if (p.dates >= 0.2) roles.add('knowledgeCutoff')
  if (p.urls >= 0.8) roles.add('url')
  else if (p.text >= (lenient ? 0.5 : 0.6)) {
    // A model column names each model once; organizations and licenses repeat (in all but the shortest tables).
    if (p.unique >= 0.9 || p.links >= 0.3) roles.add('model')
    // Names with their organization and license glued after them are no column of organizations or licenses.
    if ((p.filled < 8 || p.unique < 0.8 || lenient) && p.separator === undefined) {
      roles.add('organization')
      roles.add('license')
    }
  }
  return roles
}

/** The cells say nothing: every one is empty, "no data" or corrupted. Any header fits them. */
export function silent(p: Profile): boolean {
  return p.filled === 0 || (p.int.ok === 0 && p.score.ok === 0 && p.count.ok === 0 && p.interval.ok === 0 && p.pair.ok === 0 && p.text === 0 && p.dates === 0)
}

function min(values: readonly (number | undefined)[]): number {
  let m = Infinity
  for (const v of values) if (v !== undefined && v < m) m = v
  return m
}

/** The largest of the values there are (-Infinity when none). */
export function max(values: readonly (number | undefined)[]): number {
  let m = -Infinity
  for (const v of values) if (v !== undefined && v > m) m = v
  return m
}
