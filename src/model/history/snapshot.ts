import { compareText } from '../../core/compare.js'
import type { ReconciledRow, ReconciledSnapshot } from '../../registry/types.js'
import { daysBetween } from '../../core/dates.js'

/**
 * What the history views read of a board's snapshot. Any `ReconciledSnapshot`
 * fits; `shownRows` is set when upstream published only its top N rows that
 * day (from 2026-07-29 the text board shows only the top 30): a model missing
 * from such a snapshot is below the shown rows, not gone from the board.
 */
export type HistorySnapshot = Pick<ReconciledSnapshot, 'board' | 'date'> & {
  rows: readonly ReconciledRow[]
  shownRows?: number
}

/** Two consecutive snapshots further apart than this many days have a gap between them. */
export const DEFAULT_GAP_DAYS = 14

export interface GapOptions {
  /** Days between two consecutive snapshots above which the history has a gap (default 14). */
  gapDays?: number
}

/** How a model is missing from a snapshot: below its shown top N, or not on the board. */
export type Absence = 'below' | 'absent'

/** Snapshots oldest first; of two with one date, the first given is kept. */
export function chronological<T extends { date: string }>(snapshots: readonly T[]): T[] {
  const sorted = [...snapshots].sort((a, b) => compareText(a.date, b.date))
  return sorted.filter((s, i) => i === 0 || sorted[i - 1]!.date !== s.date)
}

/** Whether the days from `from` to `to` are a gap in the history. */
export function isGap(from: string, to: string, gapDays: number = DEFAULT_GAP_DAYS): boolean {
  return daysBetween(from, to) > gapDays
}

/** Why a model is not in `snapshot`. */
export function absence(snapshot: Pick<HistorySnapshot, 'shownRows'>): Absence {
  return snapshot.shownRows === undefined ? 'absent' : 'below'
}

/**
 * Calendar days each snapshot stands for: from its date to the day before the
 * next snapshot's; a snapshot followed by a gap, and the last one, stand for
 * their own day only (what happened in a gap is unknown).
 */
export function coverage(dates: readonly string[], gapDays: number = DEFAULT_GAP_DAYS): number[] {
  return dates.map((date, i) => {
    const next = dates[i + 1]
    if (next === undefined) return 1
    const days = daysBetween(date, next)
    return days > gapDays ? 1 : days
  })
}

/** Rows in published order: by rank, ties kept in the order upstream listed them. */
export function ranked(rows: readonly ReconciledRow[]): ReconciledRow[] {
  return [...rows].sort((a, b) => a.rank - b.rank)
}
