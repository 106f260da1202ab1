import { clean, isNoData, junk } from '../cells.js'

/**
 * What a table writes for "no data" where no list knows the word: `n.d.`
 * (Italian), `b.d.` (Polish), `Δ/Υ` (Greek), `Неизвестно`, `該当なし`. Told
 * by the cells: a text without a digit that stands in three cells or more,
 * only in columns of numbers (columns whose other filled cells start with a
 * number, after a sign or a currency at most: nine in ten of them, and three
 * at least; names such as `gpt-4o` do not). Without it, every such cell of a
 * page was an error of its own (`unparseable-number`), and a column of many
 * of them could be read as a column of names.
 *
 * A single sign (`?`, `×`) is one only in two columns of numbers or more:
 * alone in one column it may be a mark of that column's own (`*`, a footnote).
 * Never a translation's junk token (`极`, `�`: the number it replaced is lost,
 * and each cell is reported), a single letter, or a long text.
 */
export interface Placeholder {
  /** The text, as the cells write it (`clean`). */
  text: string
  /** Cells that hold it. */
  cells: number
  /** Where it is first (row and column indexes in `columns`), and the columns that hold it. */
  first: { row: number; column: number }
  columns: number[]
}

/** A placeholder stands in this many cells at least. */
export const MIN_PLACEHOLDER_CELLS = 3
/** Longer texts are no placeholder (`Données non disponibles` is 23 characters). */
const MAX_PLACEHOLDER_LENGTH = 32
/** The share of a column's other filled cells that must start with a number. */
const NUMBERS_SHARE = 0.9
/** A number first, after a sign or a currency at most (`1507 (±5)`, `$5/$25`, `±5`, `+5/-4`, `1M`). */
const numberFirst = /^\D{0,3}\d/

/** The placeholders of a table, given its columns' cell texts (one array of texts per column, a text per row). Linear in the cells. */
export function placeholdersOf(columns: readonly (readonly string[])[]): Placeholder[] {
  const found = new Map<string, Placeholder & { perColumn: Map<number, number> }>()
  // Per column: its filled cells (not empty, not a known no-data mark) and, of those, the ones a number starts.
  const filled: number[] = []
  const numeric: number[] = []
  columns.forEach((texts, column) => {
    filled.push(0)
    numeric.push(0)
    texts.forEach((raw, row) => {
      const text = clean(raw)
      if (text === '' || isNoData(text)) return
      filled[column]!++
      if (numberFirst.test(text)) numeric[column]!++
      if (!candidate(text)) return
      let p = found.get(text)
      if (!p) found.set(text, (p = { text, cells: 0, first: { row, column }, columns: [], perColumn: new Map() }))
      p.cells++
      p.perColumn.set(column, (p.perColumn.get(column) ?? 0) + 1)
    })
  })
  // A column of numbers but for the text: its other filled cells start with a number (the text has no digit), nine in ten of them and three at least.
  const ofNumbers = (column: number, cells: number) => {
    const others = filled[column]! - cells
    return others >= 3 && numeric[column]! >= NUMBERS_SHARE * others
  }
  const out: Placeholder[] = []
  for (const { perColumn, ...p } of found.values()) {
    if (p.cells < MIN_PLACEHOLDER_CELLS || ![...perColumn].every(([column, cells]) => ofNumbers(column, cells))) continue
    if ([...p.text].length === 1 && perColumn.size < 2) continue
    out.push({ ...p, columns: [...perColumn.keys()] })
  }
  return out
}

/** No digit, no junk token, at most `MAX_PLACEHOLDER_LENGTH` characters; one character only if it is a sign (`?`, `×`), not a letter. */
function candidate(text: string): boolean {
  if (text.length > MAX_PLACEHOLDER_LENGTH || /\d/.test(text) || junk.test(text) || text.includes('\ufffd')) return false
  return [...text].length >= 2 || /^[\p{P}\p{S}]$/u.test(text)
}
