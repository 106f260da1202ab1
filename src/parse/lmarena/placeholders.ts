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
 * Never a translation's junk token (`极`, `�`: the number it replaced is lost,
 * and each cell is reported), nor a single sign (`?`, `*`), nor a long text.
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

/** The placeholders of a table, given its columns' cell texts (one array of texts per column, a text per row). */
export function placeholdersOf(columns: readonly (readonly string[])[]): Placeholder[] {
  const cells = columns.map((texts) => texts.map((t) => clean(t)))
  const found = new Map<string, Placeholder>()
  cells.forEach((texts, column) => {
    texts.forEach((text, row) => {
      if (!candidate(text)) return
      const p = found.get(text)
      if (!p) found.set(text, { text, cells: 1, first: { row, column }, columns: [column] })
      else {
        p.cells++
        if (!p.columns.includes(column)) p.columns.push(column)
      }
    })
  })
  return [...found.values()].filter((p) => p.cells >= MIN_PLACEHOLDER_CELLS && p.columns.every((c) => ofNumbers(cells[c]!, p.text)))
}

function candidate(text: string): boolean {
  return [...text].length >= 2 && text.length <= MAX_PLACEHOLDER_LENGTH && !/\d/.test(text) && !isNoData(text) && !junk.test(text) && !text.includes('\ufffd')
}

/** A column of numbers but for `text`: its other filled cells start with a number, nine in ten of them and three at least. */
function ofNumbers(texts: readonly string[], text: string): boolean {
  const others = texts.filter((t) => t !== '' && t !== text && !isNoData(t))
  return others.length >= 3 && others.filter((t) => numberFirst.test(t)).length >= NUMBERS_SHARE * others.length
}
