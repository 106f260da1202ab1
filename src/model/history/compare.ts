import { diffSnapshots, type DiffEntry, type Move } from '../diffs.js'
import { daysBetween } from '../../core/dates.js'
import { addDays, addMonths } from '../../core/dates.js'
import { chronological, type HistorySnapshot } from './snapshot.js'

/** Two snapshots of a board compared, as the consecutive diffs do, for any pair of dates. */
export interface Comparison {
  board: string
  from: string
  to: string
  /** Calendar days from `from` to `to`. */
  days: number
  /** In `to`, not in `from`, and `from` listed the whole board: new (or back). By rank in `to`. */
  entered: DiffEntry[]
  /** In `to`, not in `from`, but `from` showed only its top N: it may have been below them. */
  surfaced: DiffEntry[]
  /** In `from`, not in `to`, and `to` lists the whole board: gone. By rank in `from`. */
  left: DiffEntry[]
  /** In `from`, not in `to`, but `to` shows only its top N: below them, not gone. */
  belowShown: DiffEntry[]
  /** In both with another rank, biggest movers first; `significant` as in the diffs. */
  moved: Move[]
  unchanged: number
}

/** Compare snapshot `a` (earlier) with snapshot `b` (later) of one board. */
export function compareSnapshots(a: HistorySnapshot, b: HistorySnapshot): Comparison {
  const view = (s: HistorySnapshot) => ({ board: s.board, date: s.date, updatedAt: null, languages: [], sources: [], rows: [...s.rows] })
  const diff = diffSnapshots(view(a), view(b))
  const fromCut = a.shownRows !== undefined
  const toCut = b.shownRows !== undefined
  return {
    board: b.board,
    from: a.date,
    to: b.date,
    days: daysBetween(a.date, b.date),
    entered: fromCut ? [] : diff.entered,
    surfaced: fromCut ? diff.entered : [],
    left: toCut ? [] : diff.left,
    belowShown: toCut ? diff.left : [],
    moved: diff.moved,
    unchanged: diff.unchanged
  }
}

export type SpanId = '1w' | '1m' | '3m' | '1y' | 'all'

export interface Span {
  id: SpanId
  label: string
  /** The date `span` before the latest snapshot (undefined for `all`). */
  target?: string
  /** The snapshot compared: the latest on or before `target` (the first snapshot for `all`). */
  from: string
  /** The latest snapshot. */
  to: string
  /** Calendar days from `from` to `to` (may exceed the span when snapshots are missing around `target`). */
  days: number
}

const SPANS: { id: SpanId; label: string; back?: (date: string) => string }[] = [
  { id: '1w', label: '1 week', back: (d) => addDays(d, -7) },
  { id: '1m', label: '1 month', back: (d) => addMonths(d, -1) },
  { id: '3m', label: '3 months', back: (d) => addMonths(d, -3) },
  { id: '1y', label: '1 year', back: (d) => addMonths(d, -12) },
  { id: 'all', label: 'all time' }
]

/**
 * The standard spans back from the latest date (1 week, 1 month, 3 months,
 * 1 year — calendar months, the day clamped to the month's end — and all
 * time), each resolved to the latest snapshot on or before its target date.
 * A span with no snapshot that early, or resolving to the same snapshot as a
 * shorter span, is left out.
 */
export function standardSpans(dates: readonly string[]): Span[] {
  const sorted = [...new Set(dates)].sort()
  const to = sorted[sorted.length - 1]
  if (to === undefined || sorted.length < 2) return []
  const out: Span[] = []
  for (const span of SPANS) {
    const target: string | undefined = span.back?.(to)
    const from: string | undefined = target === undefined ? sorted[0] : latestOnOrBefore(sorted, target)
    if (from === undefined || from === to || out.some((s) => s.from === from)) continue
    const item: Span = { id: span.id, label: span.label, from, to, days: daysBetween(from, to) }
    if (target !== undefined) item.target = target
    out.push(item)
  }
  return out
}

function latestOnOrBefore(sorted: readonly string[], target: string): string | undefined {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! <= target) lo = mid + 1
    else hi = mid
  }
  return lo > 0 ? sorted[lo - 1] : undefined
}

/** The comparisons of the standard spans of a board. */
export function compareSpans(snapshots: readonly HistorySnapshot[]): { span: Span; comparison: Comparison }[] {
  const list = chronological(snapshots)
  const byDate = new Map(list.map((s) => [s.date, s]))
  return standardSpans(list.map((s) => s.date)).map((span) => ({ span, comparison: compareSnapshots(byDate.get(span.from)!, byDate.get(span.to)!) }))
}
