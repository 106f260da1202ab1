import { compareText } from '../core/compare.js'
import { recordOf } from '../core/records.js'
import type { ReconciledRow, ReconciledSnapshot } from '../registry/types.js'

/** Where a model stood in one snapshot: its row there (a move holds the rows themselves, not copies). */
export interface Standing {
  rank: number
  score?: number
  ciPlus?: number
  ciMinus?: number
  votes?: number
}

/** A model that entered or left the board between two snapshots. */
export interface DiffEntry {
  model: string
  name: string
  rank: number
  score?: number
}

export interface Move {
  model: string
  name: string
  from: Standing
  to: Standing
  /** Places gained: positive when the model went up (rank 5 → 2 is +3). */
  rankDelta: number
  /**
   * Places gained against the models on both snapshots only: a model pushed
   * from 113 to 119 by six models entering above it has 0 (`rankDelta` -6).
   */
  peerDelta: number
  scoreDelta?: number
  votesGained?: number
  /**
   * The score change is significant when the two confidence intervals do not
   * overlap; false when they overlap or either interval is unknown.
   */
  significant: boolean
}

/**
 * What changed between two consecutive snapshots of a board. Upstream may
 * publish only the top N rows of a board (from 2026-07-29, the top 30): a
 * model missing from such a page is below the published top N, not gone,
 * and a model that appears on a page after such a page may have been just
 * below it. So `entered` and `left` keep their meaning — new on the board,
 * gone from it — and are only said where the page compared with was whole.
 */
export interface SnapshotDiff {
  board: string
  from: string
  to: string
  /** In `to` but not in `from`, by rank in `to` (`from` showed the whole board). */
  entered: DiffEntry[]
  /** In `from` but not in `to`, by rank in `from` (`to` shows the whole board). */
  left: DiffEntry[]
  /** In both with another rank: biggest movers first. */
  moved: Move[]
  /** In both at the same rank. */
  unchanged: number
  /** `to` shows only its top N: models of `from` it does not list, by rank in `from`. */
  belowTop: DiffEntry[]
  /** `from` showed only its top N: models of `to` it did not list (new, or risen from below it), by rank in `to`. */
  enteredTop: DiffEntry[]
  /** Rows each page shows when upstream publishes only its top N (absent for a whole board). */
  shownRows: { from?: number; to?: number }
}

/** Differences of floats are rounded so `90.35 - 89.2` reads `1.15`, not `1.1500000000000057`. */
export function delta(a: number, b: number): number {
  return Math.round((b - a) * 1e6) / 1e6
}

/** Confidence interval `[score - ciMinus, score + ciPlus]`, when known. */
export function interval(s: Standing): [number, number] | undefined {
  if (s.score === undefined || s.ciPlus === undefined || s.ciMinus === undefined) return undefined
  return [s.score - s.ciMinus, s.score + s.ciPlus]
}

/** Whether two standings' score intervals are disjoint (both must be known). */
export function isSignificant(a: Standing, b: Standing): boolean {
  const ia = interval(a)
  const ib = interval(b)
  if (!ia || !ib) return false
  return ia[1] < ib[0] || ib[1] < ia[0]
}

function entry(row: ReconciledRow): DiffEntry {
  const e: DiffEntry = { model: row.model, name: row.name, rank: row.rank }
  if (row.score !== undefined) e.score = row.score
  return e
}

/** Biggest rank change first, then biggest score change, then best new rank, then id. */
function compareMoves(a: Move, b: Move): number {
  return (
    Math.abs(b.rankDelta) - Math.abs(a.rankDelta) ||
    Math.abs(b.scoreDelta ?? 0) - Math.abs(a.scoreDelta ?? 0) ||
    a.to.rank - b.to.rank ||
    compareText(a.model, b.model)
  )
}

function byRank(a: DiffEntry, b: DiffEntry): number {
  return a.rank - b.rank || compareText(a.model, b.model)
}

/** Number of values in `sorted` (ascending) smaller than `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** What changed on a board from snapshot `a` to the next snapshot `b`. */
export function diffSnapshots(a: ReconciledSnapshot, b: ReconciledSnapshot): SnapshotDiff {
  const shownRows = { ...(a.shownRows !== undefined ? { from: a.shownRows } : {}), ...(b.shownRows !== undefined ? { to: b.shownRows } : {}) }
  // Most days move no model (upstream republished, or only scores and votes changed): nothing to index.
  if (sameStandings(a, b)) return { board: b.board, from: a.date, to: b.date, entered: [], left: [], moved: [], unchanged: b.rows.length, belowTop: [], enteredTop: [], shownRows }
  const before = new Map(a.rows.map((r) => [r.model, r]))
  const after = new Map(b.rows.map((r) => [r.model, r]))
  const entered: DiffEntry[] = []
  const left: DiffEntry[] = []
  const belowTop: DiffEntry[] = []
  const enteredTop: DiffEntry[] = []
  const moved: Move[] = []
  let unchanged = 0
  // Ranks of the models on both snapshots: a model's place among them is 1 + those ranked above it.
  const peersBefore = a.rows.filter((r) => after.has(r.model)).map((r) => r.rank).sort((x, y) => x - y)
  const peersAfter = b.rows.filter((r) => before.has(r.model)).map((r) => r.rank).sort((x, y) => x - y)
  for (const row of b.rows) {
    const old = before.get(row.model)
    if (!old) {
      if (a.shownRows === undefined) entered.push(entry(row))
      else enteredTop.push(entry(row))
      continue
    }
    if (old.rank === row.rank) {
      unchanged++
      continue
    }
    // The rows themselves: copies of their numbers were 12 of the 19 MB the real history's 47,000 moves held.
    const from: Standing = old
    const to: Standing = row
    const peerDelta = countBelow(peersBefore, old.rank) - countBelow(peersAfter, row.rank)
    // Made in one piece (`recordOf`): a build holds every move of every day.
    const keys = ['model', 'name', 'from', 'to', 'rankDelta', 'peerDelta', 'significant']
    const values: unknown[] = [row.model, row.name, from, to, old.rank - row.rank, peerDelta, isSignificant(from, to)]
    if (from.score !== undefined && to.score !== undefined) keys.push('scoreDelta'), values.push(delta(from.score, to.score))
    if (from.votes !== undefined && to.votes !== undefined) keys.push('votesGained'), values.push(to.votes - from.votes)
    moved.push(recordOf(keys, values) as unknown as Move)
  }
  for (const row of a.rows) {
    if (after.has(row.model)) continue
    if (b.shownRows === undefined) left.push(entry(row))
    else belowTop.push(entry(row))
  }
  return {
    board: b.board,
    from: a.date,
    to: b.date,
    entered: entered.sort(byRank),
    left: left.sort(byRank),
    moved: moved.sort(compareMoves),
    unchanged,
    belowTop: belowTop.sort(byRank),
    enteredTop: enteredTop.sort(byRank),
    shownRows
  }
}

/**
 * Whether two snapshots list the same models, each on one row, in the same
 * order and at the same ranks: their diff is all `unchanged`.
 */
function sameStandings(a: ReconciledSnapshot, b: ReconciledSnapshot): boolean {
  // A day that repeats every row has the day before's rows array (`shareRows`).
  if (a.rows === b.rows) return distinctModels(a)
  if (a.rows.length !== b.rows.length) return false
  for (let i = 0; i < a.rows.length; i++) {
    const x = a.rows[i]!
    const y = b.rows[i]!
    if (x.model !== y.model || x.rank !== y.rank) return false
  }
  return distinctModels(a)
}

/** Whether each model of a snapshot is on one row, worked out once per snapshot (snapshots are never mutated). */
const distinct = new WeakMap<ReconciledSnapshot, boolean>()

function distinctModels(s: ReconciledSnapshot): boolean {
  let known = distinct.get(s)
  if (known === undefined) distinct.set(s, (known = new Set(s.rows.map((r) => r.model)).size === s.rows.length))
  return known
}

/** Diffs of every pair of consecutive snapshots (given oldest first). */
export function consecutiveDiffs(snapshots: readonly ReconciledSnapshot[]): SnapshotDiff[] {
  const out: SnapshotDiff[] = []
  for (let i = 1; i < snapshots.length; i++) out.push(diffSnapshots(snapshots[i - 1]!, snapshots[i]!))
  return out
}

/**
 * Whether the standings changed: a model entered or left (the board, or its
 * published top N) or changed rank. Scores and votes may change without it.
 */
export function changesStandings(diff: SnapshotDiff): boolean {
  return diff.entered.length + diff.left.length + diff.moved.length + diff.belowTop.length + diff.enteredTop.length > 0
}

/** The newest diff of `diffs` (oldest first) before index `end` that changes the standings, and its index. */
export function lastChange(diffs: readonly SnapshotDiff[], end = diffs.length): { diff: SnapshotDiff; index: number } | undefined {
  for (let i = Math.min(end, diffs.length) - 1; i >= 0; i--) if (changesStandings(diffs[i]!)) return { diff: diffs[i]!, index: i }
  return undefined
}

/**
 * For each diff of `diffs` (oldest first), the index of the nearest diff
 * before it and after it that changes the standings: one pass each way, so a
 * long run of days that change nothing costs no more than the others.
 */
export function nearestChanges(diffs: readonly SnapshotDiff[]): { before?: number; after?: number }[] {
  const out: { before?: number; after?: number }[] = diffs.map(() => ({}))
  let last: number | undefined
  for (let i = 0; i < diffs.length; i++) {
    if (last !== undefined) out[i]!.before = last
    if (changesStandings(diffs[i]!)) last = i
  }
  let next: number | undefined
  for (let i = diffs.length - 1; i >= 0; i--) {
    if (next !== undefined) out[i]!.after = next
    if (changesStandings(diffs[i]!)) next = i
  }
  return out
}
