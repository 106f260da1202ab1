import { compareText } from '../core/compare.js'
import { languageOrder } from '../core/languages.js'
import { message, placeAt, type Message } from '../diagnostics/diagnostic.js'
import type { ParseResult, ParsedSnapshot } from '../schema/snapshot.js'
import type { ParseOptions } from '../parse/index.js'
import { parseStorePath, type StorePath } from './layout.js'

/**
 * One file of the store, parsed and validated. Pure: built from the file's
 * relative path and content only.
 */
export interface CheckedFile {
  /** Path relative to the store, POSIX. */
  path: string
  stored?: StorePath
  result: ParseResult
}

/** What the store path tells the parser: source, language and a fallback date. */
export function parseOptionsFor(path: string): ParseOptions {
  const stored = parseStorePath(path)
  if (!stored) return {}
  return { source: stored.source, language: stored.language, fallbackDate: stored.date, ...(stored.format === 'csv' ? { format: 'csv' as const } : {}) }
}

/** Rules under which a file leaves a row of its table out, saying so. */
const leftOut = new Set<string>(['ragged-row', 'missing-cell', 'duplicate-model', 'unranked-row', 'invalid-row'])

interface Entry {
  file: CheckedFile
  snapshot: ParsedSnapshot
  /** The file says its table is cut, or a check here found it cut. */
  truncated: boolean
}

/**
 * Checks across files, for tables cut without a sign in the file itself:
 *
 * - a language variant with fewer rows than the original language (zh, then
 *   en) of the same board and data time: the translation was cut (rows it
 *   left out with a diagnostic of their own count as rows);
 * - a snapshot with far fewer rows than the last earlier day of its board
 *   (and no announced top-N explaining it). A cut snapshot is never the
 *   day to compare with, so a table cut two days running is caught twice.
 */
export function checkAcrossFiles(files: readonly CheckedFile[]): Map<string, Message[]> {
  const extra = new Map<string, Message[]>()
  const flag = (e: Entry, m: Message): void => {
    extra.set(e.file.path, [...(extra.get(e.file.path) ?? []), m])
    e.truncated = true
  }
  const byBoard = new Map<string, Entry[]>()
  for (const file of files) {
    const truncated = file.result.messages.some((m) => m.rule === 'truncated-table')
    for (const snapshot of file.result.snapshots) {
      const list = byBoard.get(snapshot.board) ?? []
      list.push({ file, snapshot, truncated })
      byBoard.set(snapshot.board, list)
    }
  }
  for (const list of byBoard.values()) {
    for (const variants of groupBy(list, (e) => `${e.snapshot.date}\u0000${e.snapshot.updatedAt ?? ''}`)) againstOriginal(variants, flag)
    againstEarlierDays(list, flag)
  }
  return extra
}

function groupBy<T>(list: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of list) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return [...groups.values()]
}

/** Rows a file's table showed: the rows kept, and those it left out saying why. */
function rowsShown(e: Entry): number {
  return e.snapshot.rows.length + e.file.result.messages.filter((m) => leftOut.has(m.rule)).length
}

/** The variants of one board and data time against the original: the first language (zh, then en) with a whole table. */
function againstOriginal(variants: Entry[], flag: (e: Entry, m: Message) => void): void {
  const sorted = [...variants].sort((a, b) => languageOrder(a.snapshot.language, b.snapshot.language) || compareText(a.file.path, b.file.path))
  const original = sorted.find((e) => !e.truncated && e.snapshot.rows.length > 0)
  if (!original) return
  for (const e of sorted) {
    if (e.truncated || e.snapshot.language === original.snapshot.language || languageOrder(e.snapshot.language, original.snapshot.language) < 0) continue
    const rows = rowsShown(e)
    if (rows < original.snapshot.rows.length) {
      const { snapshot } = e
      flag(e, message('truncated-table', placeAt(snapshot.places.at(-1)?.row), { kind: 'original', rows, board: snapshot.board, expected: original.snapshot.rows.length, language: original.snapshot.language }))
    }
  }
}

/** Each snapshot against the last earlier day of its board that has a whole table (the most rows shown that day). */
function againstEarlierDays(list: readonly Entry[], flag: (e: Entry, m: Message) => void): void {
  let previous: { date: string; rows: number } | undefined
  for (const day of groupBy([...list].sort((a, b) => compareText(a.snapshot.date, b.snapshot.date)), (e) => e.snapshot.date)) {
    for (const e of day) {
      const { snapshot } = e
      const rows = snapshot.rows.length
      const announced = snapshot.declaredRows !== undefined && rows >= snapshot.declaredRows
      if (previous && !announced && !e.truncated && rows < previous.rows * 0.5) {
        flag(e, message('truncated-table', placeAt(snapshot.places.at(-1)?.row), { kind: 'previous', rows, board: snapshot.board, expected: previous.rows, date: previous.date }))
      }
    }
    let best: number | undefined
    for (const { snapshot, truncated } of day) {
      if (truncated || snapshot.rows.length === 0) continue
      const rows = snapshot.declaredRows !== undefined ? Math.min(snapshot.rows.length, snapshot.declaredRows) : snapshot.rows.length
      best = Math.max(best ?? 0, rows)
    }
    if (best !== undefined) previous = { date: day[0]!.snapshot.date, rows: best }
  }
}
