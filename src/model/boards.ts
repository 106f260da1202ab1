import { compareText } from '../core/compare.js'
import type { ReconciledSnapshot } from '../registry/types.js'
import { boardTitle, sources } from '../core/sources.js'
import { daysBetween, latestDate } from '../core/dates.js'
import { sameRow } from '../registry/shared-rows.js'

/** A board's newest snapshot older than this many days (relative to "today") is stale. */
export const STALE_AFTER_DAYS = 3

export interface Board {
  id: string
  title: string
  /** Dates of its snapshots, oldest first. */
  dates: string[]
  /** Its snapshots, oldest first (one per date). */
  snapshots: ReconciledSnapshot[]
  latest: ReconciledSnapshot
  /** Days between the newest snapshot and "today". */
  ageDays: number
  /** True when upstream seems to have stopped publishing the board. */
  stale: boolean
  /**
   * Snapshots whose rows are the previous snapshot's, row for row and field
   * for field (upstream published no new numbers between the two captures):
   * date → the date of the first snapshot with those rows.
   */
  unchangedSince: Map<string, string>
}

/**
 * Whether two snapshots publish the same rows (the JSON data file's `rows`,
 * `shownRows`, `rankShown`): the same models in the same order, every field
 * equal (flags and metrics compared as their JSON).
 */
function sameRows(a: ReconciledSnapshot, b: ReconciledSnapshot): boolean {
  if (a.shownRows !== b.shownRows || a.rankShown !== b.rankShown || a.rows.length !== b.rows.length) return false
  // Rows the day before had are its rows (`shareRows`): most days are found equal at once.
  if (a.rows === b.rows) return true
  for (let i = 0; i < a.rows.length; i++) if (!sameRow(a.rows[i]!, b.rows[i]!)) return false
  return true
}

/** For each snapshot with the rows of the one before it, the first date of that run of equal snapshots. */
export function unchangedRuns(snapshots: readonly ReconciledSnapshot[]): Map<string, string> {
  const out = new Map<string, string>()
  let since: { snapshot: ReconciledSnapshot; date: string } | undefined
  for (const s of snapshots) {
    if (since && sameRows(since.snapshot, s)) out.set(s.date, since.date)
    else since = { snapshot: s, date: s.date }
  }
  return out
}

const knownOrder = sources.flatMap((s) => s.boards)

/** Known boards in the order sources list them, then unknown boards by id. */
/** How many rows the board's page of `date` showed, when it showed only its top N (undefined: every row, or no snapshot then). */
export function shownRowsOn(board: Board, date: string): number | undefined {
  return board.snapshots.find((s) => s.date === date)?.shownRows
}

export function compareBoards(a: string, b: string): number {
  const ia = knownOrder.indexOf(a)
  const ib = knownOrder.indexOf(b)
  if (ia !== ib) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || compareText(a, b)
  return compareText(a, b)
}

/**
 * "Today" for a build: the date given (e.g. `--today`), else the newest data
 * date across the whole site — never the build machine's clock, so the same
 * input always gives the same site.
 */
export function siteToday(snapshots: readonly ReconciledSnapshot[], today?: string): string | undefined {
  return today ?? latestDate(snapshots.map((s) => s.date))
}

/** Group snapshots by board, oldest first; boards in a stable order. */
export function buildBoards(snapshots: readonly ReconciledSnapshot[], today: string): Board[] {
  const byBoard = new Map<string, ReconciledSnapshot[]>()
  for (const s of snapshots) {
    const list = byBoard.get(s.board) ?? []
    list.push(s)
    byBoard.set(s.board, list)
  }
  return [...byBoard.entries()]
    .sort(([a], [b]) => compareBoards(a, b))
    .map(([id, list]) => {
      const sorted = [...list].sort((a, b) => compareText(a.date, b.date))
      const latest = sorted[sorted.length - 1]!
      const ageDays = daysBetween(latest.date, today)
      return {
        id,
        title: boardTitle(id),
        dates: sorted.map((s) => s.date),
        snapshots: sorted,
        latest,
        ageDays,
        stale: ageDays > STALE_AFTER_DAYS,
        unchangedSince: unchangedRuns(sorted)
      }
    })
}
