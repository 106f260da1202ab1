import { compareText } from '../../core/compare.js'
import { recordOf } from '../../core/records.js'
import type { ReconciledRow } from '../../registry/types.js'
import { delta } from '../diffs.js'
import { absence, chronological, coverage, DEFAULT_GAP_DAYS, isGap, type Absence, type GapOptions, type HistorySnapshot } from './snapshot.js'

/** Votes moving by less than this share since the last kept point are not a change of their own. */
export const DEFAULT_VOTES_RATIO = 0.1

export interface LifecycleOptions extends GapOptions {
  /** See `DEFAULT_VOTES_RATIO`. */
  votesRatio?: number
}

/** One line of a model's condensed history on a board. */
export interface LifecyclePoint {
  date: string
  /** Last snapshot date this line stands for (itself, or later snapshots that changed nothing). */
  until: string
  snapshots: number
  /** Listed; below the shown top N; or not on the (complete) board. */
  state: 'listed' | Absence
  /** A gap in the history comes right before `date`. */
  gapBefore: boolean
  rank?: number
  rankUpper?: number
  rankLower?: number
  score?: number
  ciPlus?: number
  ciMinus?: number
  votes?: number
}

export interface Lifecycle {
  board: string
  model: string
  /** As last listed. */
  name: string
  /** First and last snapshot listing it. */
  first: string
  last: string
  /** Snapshots listing it. */
  snapshots: number
  /** Best rank, and the first date it was reached. */
  peak: { rank: number; date: string }
  /** Calendar days listed at rank 1 (shared or not) and at rank 10 or better; see `coverage`. */
  daysAtTop: number
  daysInTop10: number
  /**
   * Listings at #1 and in the top 10 followed by a gap (no snapshot for more
   * than `gapDays`): the days of the gap are not counted above, unknown.
   */
  gapsAfter: { atTop: number; inTop10: number }
  /** Votes on the first and last snapshot that give them. */
  votes?: { first: number; last: number; gained: number }
  /** Interval width (ciPlus + ciMinus) on the first and last snapshot that give it; `narrowing` > 0 when it shrank. */
  interval?: { first: number; last: number; narrowing: number }
  /** On the board's last snapshot. */
  status: LifecyclePoint['state']
  /** From its first listing on, only the snapshots where something changed, plus its first and last listing. */
  history: LifecyclePoint[]
}

const FIELDS = ['rank', 'rankUpper', 'rankLower', 'score', 'ciPlus', 'ciMinus'] as const

/** Made in one piece (`recordOf`): a build holds every point of every model's history. */
function pointOf(date: string, row: ReconciledRow | undefined, state: LifecyclePoint['state'], gapBefore: boolean): LifecyclePoint {
  if (!row) return { date, until: date, snapshots: 1, state, gapBefore }
  const keys: string[] = ['date', 'until', 'snapshots', 'state', 'gapBefore']
  const values: unknown[] = [date, date, 1, state, gapBefore]
  for (const f of FIELDS) if (row[f] !== undefined) keys.push(f), values.push(row[f])
  if (row.votes !== undefined) keys.push('votes'), values.push(row.votes)
  return recordOf(keys, values) as unknown as LifecyclePoint
}

function votesMoved(kept: number | undefined, now: number | undefined, ratio: number): boolean {
  if (kept === undefined || now === undefined) return kept !== now
  return Math.abs(now - kept) >= ratio * Math.max(kept, 1)
}

/** Whether the point a snapshot gives (`pointOf(…, row, state, gapBefore)`) differs from the one kept; no point is made for the many that do not. */
function changed(kept: LifecyclePoint, row: ReconciledRow | undefined, state: LifecyclePoint['state'], gapBefore: boolean, ratio: number): boolean {
  return state !== kept.state || gapBefore || FIELDS.some((f) => kept[f] !== row?.[f]) || votesMoved(kept.votes, row?.votes, ratio)
}

/**
 * Every model's lifecycle on one board, by model id. Days at #1 and in the
 * top 10 are calendar days: each listing counts the days until the board's
 * next snapshot, or only its own day when a gap (more than `gapDays`) follows
 * or it is the board's last snapshot.
 */
export function boardLifecycles(snapshots: readonly HistorySnapshot[], options: LifecycleOptions = {}): Lifecycle[] {
  const gapDays = options.gapDays ?? DEFAULT_GAP_DAYS
  const list = chronological(snapshots)
  const cover = coverage(
    list.map((s) => s.date),
    gapDays
  )
  const gaps = list.map((s, i) => i > 0 && isGap(list[i - 1]!.date, s.date, gapDays))
  // Per model, its row on each snapshot from its first listing on (undefined: not listed).
  const rows = new Map<string, { from: number; rows: (ReconciledRow | undefined)[] }>()
  list.forEach((snapshot, i) => {
    for (const row of snapshot.rows) {
      let seen = rows.get(row.model)
      if (!seen) rows.set(row.model, (seen = { from: i, rows: [] }))
      if (seen.rows[i - seen.from] === undefined) seen.rows[i - seen.from] = row
    }
  })
  return [...rows.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([model, seen]) => lifecycleOf(model, list, seen.from, seen.rows, cover, gaps, options.votesRatio ?? DEFAULT_VOTES_RATIO))
}

function lifecycleOf(
  model: string,
  list: readonly HistorySnapshot[],
  from: number,
  rows: readonly (ReconciledRow | undefined)[],
  cover: readonly number[],
  gaps: readonly boolean[],
  ratio: number
): Lifecycle {
  const firstRow = rows[0]!
  const lastIndex = rows.length - 1
  const life: Lifecycle = {
    board: list[from]!.board,
    model,
    name: firstRow.name,
    first: list[from]!.date,
    last: list[from + lastIndex]!.date,
    snapshots: 0,
    peak: { rank: firstRow.rank, date: list[from]!.date },
    daysAtTop: 0,
    daysInTop10: 0,
    gapsAfter: { atTop: 0, inTop10: 0 },
    status: 'listed',
    history: []
  }
  let firstVotes: number | undefined
  let lastVotes: number | undefined
  let firstWidth: number | undefined
  let lastWidth: number | undefined
  let kept: LifecyclePoint | undefined
  // The row of the snapshot before: the same object again (`shareRows`), with no gap between, changes nothing.
  let before: ReconciledRow | undefined
  for (let i = from; i < list.length; i++) {
    const snapshot = list[i]!
    const row = rows[i - from]
    const state = row ? 'listed' : absence(snapshot)
    life.status = state
    const same = row !== undefined && row === before && !gaps[i]
    before = row
    if (!kept || i - from === lastIndex || (!same && changed(kept, row, state, gaps[i]!, ratio))) life.history.push((kept = pointOf(snapshot.date, row, state, gaps[i]!)))
    else {
      kept.until = snapshot.date
      kept.snapshots++
    }
    if (!row) continue
    life.name = row.name
    life.snapshots++
    if (row.rank < life.peak.rank) life.peak = { rank: row.rank, date: snapshot.date }
    if (row.rank === 1) life.daysAtTop += cover[i]!
    if (row.rank <= 10) life.daysInTop10 += cover[i]!
    if (gaps[i + 1]) {
      if (row.rank === 1) life.gapsAfter.atTop++
      if (row.rank <= 10) life.gapsAfter.inTop10++
    }
    if (row.votes !== undefined) {
      firstVotes ??= row.votes
      lastVotes = row.votes
    }
    if (row.ciPlus !== undefined && row.ciMinus !== undefined) {
      const width = delta(0, row.ciPlus + row.ciMinus)
      firstWidth ??= width
      lastWidth = width
    }
  }
  if (firstVotes !== undefined && lastVotes !== undefined) life.votes = { first: firstVotes, last: lastVotes, gained: lastVotes - firstVotes }
  if (firstWidth !== undefined && lastWidth !== undefined) life.interval = { first: firstWidth, last: lastWidth, narrowing: delta(lastWidth, firstWidth) }
  return life
}
